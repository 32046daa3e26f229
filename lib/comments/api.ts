/**
 * The comments JSON API's request handling, shared by the route handlers: parse with zod, check
 * who is asking, call the actions, shape the answer, and revalidate the prerendered pages that
 * show the thread. Route files only wire methods to these.
 *
 * Posting takes two optional anti-spam fields the site's own form sends: `honeypot` (a field
 * people never see; anything in it is spam) and `formToken` (from `GET /api/comments/form-token`
 * when the reader starts writing; a comment sent less than 3 s after it is `comment.tooFast`).
 * Other API clients may leave both out and are held by the rate limits alone.
 */
import 'server-only';
import type { NextRequest } from 'next/server';
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { env } from '../env';
import { AppError } from '../http/errors';
import { readJson } from '../http/body';
import { fromZodError } from '../http/respond';
import { parseSlug } from '../http/route-params';
import { isSecureOrigin } from '../http/secure-cookie';
import { readSession, newReaderId, READER_COOKIE, readerCookieOptions } from '../http/session';
import { renderReaderMarkdown } from '../ugc/render-markdown';
import { assertCommentsOpen, createComment, deleteComment, editComment, flagComment } from './actions';
import { AUTHORSHIP_COOKIE, authorshipCookieOptions, writeAuthorship } from './authorship';
import { checkFormToken, issueFormToken } from './form-token';
import { commentPostSlug, countComments, listComments } from './queries';
import { countShown } from './thread';
import { publicThread, publicThreadJson } from './thread-cache';
import { threadPage, type ThreadPageQuery } from './thread-pages';
import { threadChanged } from './revalidate';
import { BODY_MAX, commentEditSchema, newCommentSchema, threadPageQuerySchema } from './schema';
import { commentViewerOf, readCommentSession } from './session';

const idSchema = z.string().regex(/^[\w-]{1,40}$/);

export function parseCommentId(value: string): string {
  const parsed = idSchema.safeParse(value);
  if (!parsed.success) throw new AppError('comment.notFound', 404, 'no such comment');
  return parsed.data;
}

function parseBody<T extends z.ZodType>(schema: T, data: unknown): z.output<T> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw fromZodError(parsed.error, new AppError('comment.invalid', 422, 'invalid comment'));
  return parsed.data;
}

/** `?page=`, `?order=` and `?comment=` ask for one page of the thread; none of them, for all of it. */
function readPageQuery(search: URLSearchParams): ThreadPageQuery | null {
  const asked = ['page', 'order', 'comment'].filter((name) => search.has(name));
  if (asked.length === 0) return null;
  const parsed = threadPageQuerySchema.safeParse(Object.fromEntries(asked.map((name) => [name, search.get(name)])));
  if (!parsed.success) throw new AppError('comments.pageInvalid', 400, 'page is a whole number from 1, order is newest or oldest, comment is an id');
  return parsed.data;
}

export async function getThread(request: NextRequest, slug: string): Promise<Response> {
  await assertCommentsOpen(slug);
  const pageQuery = readPageQuery(request.nextUrl.searchParams);
  const session = await readCommentSession(request.headers, request.cookies);
  const personal = session.authored.size > 0 || session.isAdmin;
  if (pageQuery) {
    const comments = personal ? await listComments(session.db, slug, commentViewerOf(session)) : await publicThread(session.db, slug);
    return NextResponse.json(threadPage(comments, pageQuery), { headers: { 'Cache-Control': 'no-store' } });
  }
  if (!personal) {
    // Most readers wrote nothing here: they all see the same thread, served from memory.
    return new Response(await publicThreadJson(session.db, slug), { headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' } });
  }
  const comments = await listComments(session.db, slug, commentViewerOf(session));
  return NextResponse.json({ comments, count: countShown(comments) }, { headers: { 'Cache-Control': 'no-store' } });
}

const spamGuardSchema = z.object({
  honeypot: z.string().max(1000).nullish(),
  formToken: z.string().max(200).nullish(),
});

/** The form's honeypot and minimum-time token, when the client sent them. */
function assertNotBot(guard: z.output<typeof spamGuardSchema>, secret: string): void {
  if (guard.honeypot) throw new AppError('comment.spam', 422, 'the honeypot field must stay empty');
  if (!guard.formToken) return;
  const check = checkFormToken(guard.formToken, secret);
  if (check === 'tooFast') throw new AppError('comment.tooFast', 422, 'sent within 3 seconds of the form token');
  if (check !== 'ok') throw new AppError('comment.spam', 422, `form token ${check}`);
}

/** Cookies set in answer to this request are Secure when the page talks to us over https. */
const secureFor = (request: NextRequest) => isSecureOrigin(request.headers.get('origin'), env.siteUrl);

export async function postComment(request: NextRequest, slug: string): Promise<Response> {
  const data = await readJson(request);
  const input = parseBody(newCommentSchema, data);
  const guard = parseBody(spamGuardSchema, data);
  const session = await readCommentSession(request.headers, request.cookies);
  assertNotBot(guard, session.secret);
  const comment = await createComment(session.db, input, { slug, addressHash: session.addressHash, viewer: commentViewerOf(session) });
  threadChanged(session.db, slug);
  const response = NextResponse.json({ comment }, { status: 201, headers: { Location: `/api/comments/${comment.id}` } });
  const authored = new Map(session.authored).set(comment.id, Date.parse(comment.createdAt));
  response.cookies.set(AUTHORSHIP_COOKIE, writeAuthorship(authored, session.secret), authorshipCookieOptions(secureFor(request)));
  return response;
}

export async function patchComment(request: NextRequest, id: string): Promise<Response> {
  const edit = parseBody(commentEditSchema, await readJson(request));
  const session = await readCommentSession(request.headers, request.cookies);
  const slug = await commentPostSlug(session.db, id);
  const comment = await editComment(session.db, id, edit, commentViewerOf(session));
  if (slug) threadChanged(session.db, slug);
  return NextResponse.json({ comment });
}

export async function removeComment(request: NextRequest, id: string): Promise<Response> {
  const session = await readCommentSession(request.headers, request.cookies);
  const slug = await commentPostSlug(session.db, id);
  const { placeholder } = await deleteComment(session.db, id, commentViewerOf(session));
  if (slug) threadChanged(session.db, slug);
  return NextResponse.json({ deleted: true, placeholder });
}

export async function flag(request: NextRequest, id: string): Promise<Response> {
  const session = await readSession(request.headers, request.cookies);
  const reader = session.readerId ? null : newReaderId(session.secret);
  await flagComment(session.db, id, session.readerId ?? reader?.id ?? session.addressHash, session.addressHash);
  const response = NextResponse.json({ flagged: true }, { status: 201 });
  if (reader) response.cookies.set(READER_COOKIE, reader.cookie, readerCookieOptions(secureFor(request)));
  return response;
}

export async function counts(request: NextRequest): Promise<Response> {
  const raw = request.nextUrl.searchParams.get('slugs') ?? '';
  const slugs = [...new Set(raw.split(',').map((slug) => slug.trim()).filter(Boolean))];
  if (slugs.length === 0 || slugs.length > 100) throw new AppError('request.invalid', 400, 'give 1 to 100 post slugs as ?slugs=a,b');
  const session = await readSession(request.headers, request.cookies);
  return NextResponse.json({ counts: await countComments(session.db, slugs.map(parseSlug)) }, { headers: { 'Cache-Control': 'no-store' } });
}

const previewSchema = z.object({ body: z.string({ message: 'comment.invalid' }).max(BODY_MAX * 4, 'comment.tooLong') });

/** `POST /api/comments/preview {body}`: the markdown as the thread would show it. Stores nothing. */
export async function previewComment(request: NextRequest): Promise<Response> {
  const { body } = parseBody(previewSchema, await readJson(request));
  return NextResponse.json({ html: renderReaderMarkdown(body) }, { headers: { 'Cache-Control': 'no-store' } });
}

/** `GET /api/comments/form-token`: a fresh minimum-time token for the comment form. */
export async function formToken(request: NextRequest): Promise<Response> {
  const session = await readSession(request.headers, request.cookies);
  return NextResponse.json({ token: issueFormToken(session.secret) }, { headers: { 'Cache-Control': 'no-store' } });
}
