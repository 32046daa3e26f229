/**
 * Where notes live in the API, as clients send it: a post's notes (the W3C Annotation Container
 * and its pages) and one note. The one place these paths are built: the IRIs (iri.ts) are these
 * under SITE_URL, and the browser asks for them as they are. Pure and client-safe.
 */
export const notesApiPath = (slug: string) => `/api/posts/${encodeURIComponent(slug)}/annotations`;
export const notesPageApiPath = (slug: string, page: number) => `${notesApiPath(slug)}?page=${page}`;
export const noteApiPath = (id: string) => `/api/annotations/${id}`;
