/**
 * Where notes live in the API, as clients send it: a post's notes (the W3C Annotation Container,
 * whose IRI ends in `/` as the protocol asks, and its pages) and one note, under its container.
 * The one place these paths are built: the IRIs (iri.ts) are these under SITE_URL, and the
 * browser asks for them as they are. Notes created before the container held them were at
 * `/api/annotations/{id}`; that path still answers, with a permanent redirect here. Pure and
 * client-safe.
 */
export const notesApiPath = (slug: string) => `/api/posts/${encodeURIComponent(slug)}/annotations/`;

/**
 * A page of the container: its notes in full, or (`iris`) only their IRIs, as a client chose with
 * `Prefer` when it asked for the container.
 */
export const notesPageApiPath = (slug: string, page: number, iris = false) => `${notesApiPath(slug)}?${iris ? 'iris=1&' : ''}page=${page}`;

/** The container in the form that lists only IRIs (its pages are `?iris=1&page=n`). */
export const notesIrisApiPath = (slug: string) => `${notesApiPath(slug)}?iris=1`;

export const noteApiPath = (slug: string, id: string) => `${notesApiPath(slug)}${id}`;

/** Where a note was before it lived under its container. */
export const legacyNoteApiPath = (id: string) => `/api/annotations/${id}`;
