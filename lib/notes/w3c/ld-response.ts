/**
 * Answers as the Web Annotation Protocol describes them: the JSON-LD media type with the anno.jsonld
 * profile, the LDP type of the resource (and, for the container, the constraints it imposes) in a
 * Link header on every answer, errors included; the methods it allows; an ETag on each annotation
 * and each description of the container. What a reader sees depends on their cookie (their
 * private notes), so nothing is stored by caches. Failures keep the site's usual JSON error shape
 * (lib/http/respond.ts).
 */
import 'server-only';
import { createHash } from 'node:crypto';
import { NextResponse } from 'next/server';
import { AppError } from '../../http/errors';
import { handle, methodNotAllowed } from '../../http/respond';
import { ANNO_CONTENT_TYPE } from './types';

const LDP = 'http://www.w3.org/ns/ldp#';
/** What `ldp:constrainedBy` names: the protocol's own constraints on the container. */
export const PROTOCOL_IRI = 'http://www.w3.org/TR/annotation-protocol/';

export const CONTAINER_METHODS = 'GET, HEAD, OPTIONS, POST';
export const ANNOTATION_METHODS = 'DELETE, GET, HEAD, OPTIONS, PATCH, PUT';

type Headers = Record<string, string>;

/** Headers that describe the container (a post's annotations), on every answer it gives. */
export const containerHeaders: Headers = {
  Allow: CONTAINER_METHODS,
  'Accept-Post': `${ANNO_CONTENT_TYPE}, application/ld+json, application/json`,
  Link: `<${LDP}BasicContainer>; rel="type", <${PROTOCOL_IRI}>; rel="${LDP}constrainedBy"`,
  Vary: 'Accept, Prefer, Cookie',
};

export const annotationHeaders: Headers = {
  Allow: ANNOTATION_METHODS,
  Link: `<${LDP}Resource>; rel="type"`,
  Vary: 'Accept, Cookie',
};

export function ldJson(document: object, init: { status?: number; headers?: Headers } = {}): NextResponse {
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

/** OPTIONS: 200 with the headers that describe the resource (CORS pre-flight and discovery). */
export function optionsResponse(headers: Headers): Response {
  return new Response(null, { status: 200, headers: { ...headers, 'Cache-Control': 'no-store' } });
}

/** The API's JSON 405, with the resource's Link and Allow headers. */
export function ldMethodNotAllowed(headers: Headers): Response {
  return withHeaders(methodNotAllowed(headers.Allow ?? ''), headers);
}

function withHeaders(response: Response, headers: Headers): Response {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/**
 * Runs a handler as `handle` does, and gives its failures the resource's headers too: a client
 * learns what it talked to (the Link types, the constraints, the methods) from an error as well.
 */
export async function handleLd(headers: Headers, run: () => Promise<Response>): Promise<Response> {
  const response = await handle(run);
  return response.status >= 400 ? withHeaders(response, headers) : response;
}

/** Media ranges this API answers in; a request that accepts none of them gets 406. */
const SERVED = ['application/ld+json', 'application/json', 'application/*', '*/*'];

/**
 * Refuses a request whose `Accept` allows none of what is served (JSON-LD, which is also JSON):
 * `text/turtle` alone gets 406. No `Accept`, or one that allows JSON-LD at any quality, is fine.
 */
export function assertAcceptable(accept: string | null): void {
  if (accept === null || accept.trim() === '') return;
  const acceptable = accept.split(',').some((range) => {
    const [type = '', ...parameters] = range.split(';').map((part) => part.trim().toLowerCase());
    const quality = parameters.find((parameter) => parameter.startsWith('q='));
    return SERVED.includes(type) && (quality === undefined || Number(quality.slice(2)) > 0);
  });
  if (!acceptable) throw new AppError('request.notAcceptable', 406, `not available as ${accept.slice(0, 100)}; this answers ${ANNO_CONTENT_TYPE}`);
}
