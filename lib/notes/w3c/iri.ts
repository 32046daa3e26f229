/**
 * The IRIs of the annotation API, and reading them back. A post is named by
 * `${SITE_URL}/posts/{slug}` (which redirects to the reader's language); the language forms
 * `/zh/posts/{slug}` and `/en/posts/{slug}`, a trailing slash, a query (`?gloss=inline`) and a
 * fragment are the same post. An IRI is only ours when its origin is one of `origins` (the
 * configured SITE_URL and the origin the request came to). Pure.
 */
import { noteApiPath, notesApiPath, notesIrisApiPath, notesPageApiPath } from '../paths';

const NOTE_ID = /^[\w-]{1,40}$/;
const POST_PATH = /^\/(?:(?:zh|en)\/)?posts\/([^/]+)\/?$/;
/** A note under its post's container, or at the path notes had before (paths.ts). */
const NOTE_PATHS = [/^\/api\/posts\/[^/]+\/annotations\/([^/]+)\/?$/, /^\/api\/annotations\/([^/]+)\/?$/];

export const postIri = (siteUrl: string, slug: string) => `${siteUrl}/posts/${encodeURIComponent(slug)}`;
export const noteIri = (siteUrl: string, slug: string, id: string) => `${siteUrl}${noteApiPath(slug, id)}`;
/** The container; with `iris`, the form of it whose pages list IRIs only. */
export const collectionIri = (siteUrl: string, slug: string, iris = false) => `${siteUrl}${iris ? notesIrisApiPath(slug) : notesApiPath(slug)}`;
export const pageIri = (siteUrl: string, slug: string, page: number, iris = false) => `${siteUrl}${notesPageApiPath(slug, page, iris)}`;

/** The path of an IRI of ours, percent-decoded; null for anything else. */
function ourPath(iri: string, origins: readonly string[]): string | null {
  let url: URL;
  try {
    url = new URL(iri);
  } catch {
    return null;
  }
  if (!origins.some((origin) => sameOrigin(origin, url))) return null;
  try {
    return decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
}

function sameOrigin(origin: string, url: URL): boolean {
  try {
    return new URL(origin).origin === url.origin;
  } catch {
    return false;
  }
}

/** The slug of the post an IRI names, if it names one of ours. */
export function slugOfPostIri(iri: string, origins: readonly string[]): string | null {
  const path = ourPath(iri, origins);
  return path === null ? null : (POST_PATH.exec(path)?.[1] ?? null);
}

/** The id of the annotation an IRI names, if it names one of ours. */
export function idOfNoteIri(iri: string, origins: readonly string[]): string | null {
  const path = ourPath(iri, origins);
  const id = path === null ? null : NOTE_PATHS.map((pattern) => pattern.exec(path)?.[1]).find((found) => found !== undefined);
  return id && NOTE_ID.test(id) ? id : null;
}

export const isNoteId = (value: string) => NOTE_ID.test(value);

/**
 * The post slug and note id an IRI from any site would name here, read from its path alone: for
 * notes written elsewhere (an import), whose IRIs are that site's. Null where the path is not of
 * that shape.
 */
export function pathIds(iri: string): { postSlug: string | null; noteId: string | null } {
  let path: string;
  try {
    path = decodeURIComponent(new URL(iri).pathname);
  } catch {
    return { postSlug: null, noteId: null };
  }
  const noteId = NOTE_PATHS.map((pattern) => pattern.exec(path)?.[1]).find((found) => found !== undefined) ?? path.split('/').filter(Boolean).at(-1) ?? null;
  return { postSlug: POST_PATH.exec(path)?.[1] ?? null, noteId: noteId !== null && NOTE_ID.test(noteId) ? noteId : null };
}
