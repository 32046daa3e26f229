/**
 * Answers as the Web Annotation Protocol describes them: the JSON-LD media type with the anno.jsonld
 * profile, the LDP type of the resource in a Link header, the methods it allows, and an ETag on
 * each annotation. What a reader sees depends on their cookie (their private notes), so nothing is
 * stored by caches. Failures keep the site's usual JSON error shape (lib/http/respond.ts).
 */
import 'server-only';
import { createHash } from 'node:crypto';
import { NextResponse } from 'next/server';
import { ANNO_CONTENT_TYPE } from './types';

const LDP = 'http://www.w3.org/ns/ldp#';

export const CONTAINER_METHODS = 'GET, HEAD, OPTIONS, POST';
export const ANNOTATION_METHODS = 'DELETE, GET, HEAD, OPTIONS, PATCH, PUT';

/** Headers that describe the container (a post's annotations) and the things in it. */
export const containerHeaders = {
  Allow: CONTAINER_METHODS,
  'Accept-Post': `${ANNO_CONTENT_TYPE}, application/json`,
  Link: `<${LDP}BasicContainer>; rel="type", <http://www.w3.org/TR/annotation-protocol/>; rel="${LDP}constrainedBy"`,
};

export const annotationHeaders = {
  Allow: ANNOTATION_METHODS,
  Link: `<${LDP}Resource>; rel="type"`,
};

export function ldJson(document: object, init: { status?: number; headers?: Record<string, string> } = {}): NextResponse {
  const body = JSON.stringify(document);
  return new NextResponse(body, {
    status: init.status ?? 200,
    headers: { 'Content-Type': ANNO_CONTENT_TYPE, 'Cache-Control': 'no-store', Vary: 'Cookie', ...init.headers },
  });
}

/** A strong validator of the representation a viewer gets: it changes with anything they would see change. */
export function etagOf(document: object): string {
  return `"${createHash('sha256').update(JSON.stringify(document)).digest('base64url').slice(0, 27)}"`;
}

/** `If-Match` (optional): a client that names the version it edits gets 412 if the note moved on. */
export function matchesIfMatch(header: string | null, etag: string): boolean {
  if (header === null) return true;
  return header.split(',').some((tag) => ['*', etag].includes(tag.trim()));
}

export function optionsResponse(headers: Record<string, string>): Response {
  return new Response(null, { status: 204, headers });
}

export { methodNotAllowed } from '../../http/respond';
