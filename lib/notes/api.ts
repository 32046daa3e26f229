/**
 * The Web Annotation Protocol API's request handling, shared by the route handlers: parse with zod,
 * check who is asking, call the actions, answer in JSON-LD. Route files only wire methods to these.
 *
 *   GET  /api/posts/{slug}/annotations/              the container: an AnnotationCollection and
 *                                                    BasicContainer, as `Prefer` asks (prefer.ts)
 *   GET  /api/posts/{slug}/annotations/?page=n       a page of it (`?iris=1&page=n`: IRIs only)
 *   POST /api/posts/{slug}/annotations/              a new note (or reply): 201, Location, the annotation
 *   GET|PATCH|PUT|DELETE /api/posts/{slug}/annotations/{id}
 *                                                    one note; PUT replaces it whole, PATCH in part
 *   /api/annotations/{id}                            where notes were before: a permanent redirect
 * The container also answers without its trailing slash.
 *
 * Bodies may be `application/ld+json` (with the anno.jsonld profile) or plain `application/json`.
 * A reader's identity is an anonymous id in a signed cookie, set by their first note.
 */
import 'server-only';
import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { getPost, type LoadedPost } from '../content/posts';
import { env } from '../env';
import { isSecureOrigin } from '../http/secure-cookie';
import { readJson } from '../http/body';
import { AppError } from '../http/errors';
import { fromZodError } from '../http/respond';
import { newReaderId, readSession, READER_COOKIE, readerCookieOptions, type Session } from '../http/session';
import { createNote, deleteNote, editNote } from './actions';
import { toAnnotationCollection, toAnnotationDocument, toAnnotationPage, type DtoContext } from './w3c/dto';
import { idOfNoteIri, isNoteId } from './w3c/iri';
import { annotationHeaders, assertAcceptable, containerHeaders, etagOf, ldJson, matchesIfMatch } from './w3c/ld-response';
import { noteApiPath } from './paths';
import { containerPreference } from './w3c/prefer';
import { findNote, listNotes, PAGE_SIZE } from './queries';
import { annotationPatchSchema, annotationSchema, type NoteEdit } from './w3c/schema';
import type { NoteViewer } from './types';

export function parseNoteId(value: string): string {
  if (!isNoteId(value)) throw new AppError('annotation.notFound', 404, 'no such annotation');
  return value;
}

function parseBody<T extends z.ZodType>(schema: T, data: unknown): z.output<T> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw fromZodError(parsed.error, new AppError('annotation.invalid', 400, 'invalid annotation'));
  return parsed.data;
}

async function requirePost(slug: string): Promise<LoadedPost> {
  const post = await getPost(slug);
  if (!post) throw new AppError('post.notFound', 404, `no post "${slug}"`);
  return post;
}

const viewerOf = (session: Session): NoteViewer => ({ readerId: session.readerId, isAdmin: session.isAdmin });
const dtoContext = (session: Session, viewer = viewerOf(session)): DtoContext => ({ siteUrl: env.siteUrl, secret: session.secret, viewer });
/** IRIs naming this site: under SITE_URL, or under the origin the client reached it at. */
const originsOf = (request: NextRequest) => [env.siteUrl, request.nextUrl.origin];

const pageSchema = z.coerce.number().int().min(0).max(100_000);
const irisSchema = z.enum(['0', '1']).transform((flag) => flag === '1');

/**
 * The container (no `page`): its description, with its first page embedded unless the client
 * prefers the minimal container, and pages of IRIs or of whole annotations as `Prefer` asks.
 * With `page`: that page, IRIs only with `iris=1`, as the container's links name them.
 */
export async function getContainer(request: NextRequest, slug: string): Promise<Response> {
  assertAcceptable(request.headers.get('accept'));
  const post = await requirePost(slug);
  const query = request.nextUrl.searchParams;
  const pageParam = query.get('page');
  const page = pageSchema.safeParse(pageParam ?? 0);
  const irisParam = irisSchema.safeParse(query.get('iris') ?? '0');
  if (!page.success || !irisParam.success) throw new AppError('request.invalid', 400, 'page must be a whole number from 0, and iris 0 or 1');
  const session = await readSession(request.headers, request.cookies);
  const viewer = viewerOf(session);
  const listing = await listNotes(session.db, slug, viewer, page.data);
  const context = dtoContext(session, viewer);
  if (pageParam !== null) {
    const document = toAnnotationPage(listing, { slug, page: page.data, pageSize: PAGE_SIZE, iris: irisParam.data }, context);
    return ldJson(document, { headers: { ...containerHeaders, ETag: etagOf(document) } });
  }
  const preference = containerPreference(request.headers.get('prefer'));
  const iris = preference.asked ? preference.iris : irisParam.data;
  const where = { slug, page: 0, pageSize: PAGE_SIZE, iris, minimal: preference.minimal, label: post.title, modified: listing.modified };
  const document = toAnnotationCollection(listing, where, context);
  const headers: Record<string, string> = { ...containerHeaders, ETag: etagOf(document), 'Content-Location': document.id };
  if (preference.asked) headers['Preference-Applied'] = 'return=representation';
  return ldJson(document, { headers });
}

/** The id a client suggests with `Slug` (quoted or not, percent-encoded or not), if it can be one. */
function suggestedId(request: NextRequest): string | null {
  const header = request.headers.get('slug')?.trim().replace(/^"(.*)"$/, '$1');
  if (!header) return null;
  try {
    const id = decodeURIComponent(header);
    return isNoteId(id) ? id : null;
  } catch {
    return null;
  }
}

export async function postNote(request: NextRequest, slug: string): Promise<Response> {
  assertAcceptable(request.headers.get('accept'));
  const post = await requirePost(slug);
  const draft = parseBody(annotationSchema, await readJson(request));
  const session = await readSession(request.headers, request.cookies);
  const reader = session.readerId === null ? newReaderId(session.secret) : { id: session.readerId, cookie: null };
  const viewer = { readerId: reader.id, isAdmin: session.isAdmin };
  const row = await createNote(session.db, draft, { post, addressHash: session.addressHash, viewer, origins: originsOf(request), slug: suggestedId(request) });
  const document = toAnnotationDocument(row, dtoContext(session, viewer));
  // The answer comes from the container, which names its type on every answer, as in the protocol's own example.
  const response = ldJson(document, { status: 201, headers: { ...annotationHeaders, Link: containerHeaders.Link ?? '', Location: document.id, ETag: etagOf(document) } });
  if (reader.cookie) response.cookies.set(READER_COOKIE, reader.cookie, readerCookieOptions(isSecureOrigin(request.headers.get('origin'), env.siteUrl)));
  return response;
}

/** The note, if this viewer may see it and it is in this post's container; else 404. */
async function noteIn(session: Session, slug: string, id: string) {
  const row = await findNote(session.db, id, viewerOf(session));
  if (!row || row.postSlug !== slug) throw new AppError('annotation.notFound', 404, 'no such annotation');
  return row;
}

export async function getNote(request: NextRequest, slug: string, id: string): Promise<Response> {
  assertAcceptable(request.headers.get('accept'));
  const session = await readSession(request.headers, request.cookies);
  const row = await noteIn(session, slug, id);
  const document = toAnnotationDocument(row, dtoContext(session));
  return ldJson(document, { headers: { ...annotationHeaders, ETag: etagOf(document) } });
}

/**
 * A request for a note at the path it had before it lived under its container: a permanent
 * redirect (308, so that a PUT or DELETE is repeated there as it was, If-Match included), or 404
 * for a note this reader may not see, as at its new path.
 */
export async function redirectToContainer(request: NextRequest, id: string): Promise<Response> {
  const session = await readSession(request.headers, request.cookies);
  const row = await findNote(session.db, id, viewerOf(session));
  if (!row) throw new AppError('annotation.notFound', 404, 'no such annotation');
  return new Response(null, { status: 308, headers: { Location: noteApiPath(row.postSlug, id), 'Cache-Control': 'no-store', Vary: 'Cookie' } });
}

/**
 * With `If-Match`, the edit applies only to the version of the note the client last saw: that
 * version's row, which the write then requires unchanged (editNote's `expected`); none without.
 */
async function assertUnchanged(request: NextRequest, session: Session, slug: string, id: string): Promise<NonNullable<Awaited<ReturnType<typeof findNote>>> | undefined> {
  const row = await noteIn(session, slug, id);
  const header = request.headers.get('if-match');
  if (header === null) return undefined;
  if (!matchesIfMatch(header, etagOf(toAnnotationDocument(row, dtoContext(session))))) {
    throw new AppError('annotation.preconditionFailed', 412, 'the annotation has changed since that ETag');
  }
  return row;
}

async function edit(request: NextRequest, slug: string, id: string, change: NoteEdit & { iri: string | null }): Promise<Response> {
  if (change.iri !== null && idOfNoteIri(change.iri, originsOf(request)) !== id) throw new AppError('annotation.invalid', 400, 'the id in the body names another annotation');
  const session = await readSession(request.headers, request.cookies);
  const expected = await assertUnchanged(request, session, slug, id);
  const row = await editNote(session.db, id, change, { viewer: viewerOf(session), origins: originsOf(request), expected });
  const document = toAnnotationDocument(row, dtoContext(session));
  return ldJson(document, { headers: { ...annotationHeaders, ETag: etagOf(document) } });
}

/** PATCH: a partial annotation (see annotationPatchSchema). */
export async function patchNote(request: NextRequest, slug: string, id: string): Promise<Response> {
  assertAcceptable(request.headers.get('accept'));
  return edit(request, slug, id, parseBody(annotationPatchSchema, await readJson(request)));
}

/**
 * PUT, as the protocol updates: the whole annotation. Its target must be the one the note has;
 * tags left out are removed; a visibility left out (plain W3C clients know none) stays as it was,
 * and so do a `canonical` and a `via` (which once set cannot change).
 */
export async function putNote(request: NextRequest, slug: string, id: string): Promise<Response> {
  assertAcceptable(request.headers.get('accept'));
  const draft = parseBody(annotationSchema, await readJson(request));
  return edit(request, slug, id, { ...draft, tags: draft.tags ?? [], status: null });
}

export async function removeNote(request: NextRequest, slug: string, id: string): Promise<Response> {
  const session = await readSession(request.headers, request.cookies);
  await assertUnchanged(request, session, slug, id);
  await deleteNote(session.db, id, viewerOf(session));
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
}
