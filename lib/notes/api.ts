/**
 * The Web Annotation Protocol API's request handling, shared by the route handlers: parse with zod,
 * check who is asking, call the actions, answer in JSON-LD. Route files only wire methods to these.
 *
 *   GET  /api/posts/{slug}/annotations[?page=n]  an AnnotationPage of the notes the reader may see
 *   POST /api/posts/{slug}/annotations           a new note (or reply): 201, Location, the annotation
 *   GET|PATCH|PUT|DELETE /api/annotations/{id}   one note; PUT replaces it whole, PATCH in part
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
import { toAnnotationDocument, toAnnotationPage, type DtoContext } from './w3c/dto';
import { idOfNoteIri, isNoteId } from './w3c/iri';
import { annotationHeaders, containerHeaders, etagOf, ldJson, matchesIfMatch } from './w3c/ld-response';
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

export async function getNotesPage(request: NextRequest, slug: string): Promise<Response> {
  await requirePost(slug);
  const page = pageSchema.safeParse(request.nextUrl.searchParams.get('page') ?? 0);
  if (!page.success) throw new AppError('request.invalid', 400, 'page must be a whole number from 0');
  const session = await readSession(request.headers, request.cookies);
  const viewer = viewerOf(session);
  const listing = await listNotes(session.db, slug, viewer, page.data);
  const document = toAnnotationPage(listing, { slug, page: page.data, pageSize: PAGE_SIZE }, dtoContext(session, viewer));
  return ldJson(document, { headers: containerHeaders });
}

export async function postNote(request: NextRequest, slug: string): Promise<Response> {
  const post = await requirePost(slug);
  const draft = parseBody(annotationSchema, await readJson(request));
  const session = await readSession(request.headers, request.cookies);
  const reader = session.readerId === null ? newReaderId(session.secret) : { id: session.readerId, cookie: null };
  const viewer = { readerId: reader.id, isAdmin: session.isAdmin };
  const row = await createNote(session.db, draft, { post, addressHash: session.addressHash, viewer, origins: originsOf(request) });
  const document = toAnnotationDocument(row, dtoContext(session, viewer));
  const response = ldJson(document, { status: 201, headers: { ...annotationHeaders, Location: document.id, ETag: etagOf(document) } });
  if (reader.cookie) response.cookies.set(READER_COOKIE, reader.cookie, readerCookieOptions(isSecureOrigin(request.headers.get('origin'), env.siteUrl)));
  return response;
}

export async function getNote(request: NextRequest, id: string): Promise<Response> {
  const session = await readSession(request.headers, request.cookies);
  const row = await findNote(session.db, id, viewerOf(session));
  if (!row) throw new AppError('annotation.notFound', 404, 'no such annotation');
  const document = toAnnotationDocument(row, dtoContext(session));
  return ldJson(document, { headers: { ...annotationHeaders, ETag: etagOf(document) } });
}

/**
 * With `If-Match`, the edit applies only to the version of the note the client last saw: that
 * version's row, which the write then requires unchanged (editNote's `expected`); none without.
 */
async function assertUnchanged(request: NextRequest, session: Session, id: string): Promise<NonNullable<Awaited<ReturnType<typeof findNote>>> | undefined> {
  const header = request.headers.get('if-match');
  if (header === null) return undefined;
  const row = await findNote(session.db, id, viewerOf(session));
  if (!row) throw new AppError('annotation.notFound', 404, 'no such annotation');
  if (!matchesIfMatch(header, etagOf(toAnnotationDocument(row, dtoContext(session))))) {
    throw new AppError('annotation.preconditionFailed', 412, 'the annotation has changed since that ETag');
  }
  return row;
}

async function edit(request: NextRequest, id: string, change: NoteEdit & { iri: string | null }): Promise<Response> {
  if (change.iri !== null && idOfNoteIri(change.iri, originsOf(request)) !== id) throw new AppError('annotation.invalid', 400, 'the id in the body names another annotation');
  const session = await readSession(request.headers, request.cookies);
  const expected = await assertUnchanged(request, session, id);
  const row = await editNote(session.db, id, change, { viewer: viewerOf(session), origins: originsOf(request), expected });
  const document = toAnnotationDocument(row, dtoContext(session));
  return ldJson(document, { headers: { ...annotationHeaders, ETag: etagOf(document) } });
}

/** PATCH: a partial annotation (see annotationPatchSchema). */
export async function patchNote(request: NextRequest, id: string): Promise<Response> {
  return edit(request, id, parseBody(annotationPatchSchema, await readJson(request)));
}

/**
 * PUT, as the protocol updates: the whole annotation. Its target must be the one the note has;
 * tags left out are removed; a visibility left out (plain W3C clients know none) stays as it was.
 */
export async function putNote(request: NextRequest, id: string): Promise<Response> {
  const draft = parseBody(annotationSchema, await readJson(request));
  return edit(request, id, { ...draft, tags: draft.tags ?? [], status: null });
}

export async function removeNote(request: NextRequest, id: string): Promise<Response> {
  const session = await readSession(request.headers, request.cookies);
  await assertUnchanged(request, session, id);
  await deleteNote(session.db, id, viewerOf(session));
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
}
