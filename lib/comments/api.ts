/**
 * The comments JSON API's request handling, shared by the route handlers: parse with zod, check
 * who is asking, call the actions, shape the answer. Route files only wire methods to these.
 */
import 'server-only';
import type { NextRequest } from 'next/server';
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { AppError } from '../http/errors';
import { readJson } from '../http/body';
import { fromZodError } from '../http/respond';
import { readSession, newReaderId, READER_COOKIE, readerCookieOptions, type Session } from '../http/session';
import { assertCommentsOpen, createComment, deleteComment, editComment, flagComment } from './actions';
import { AUTHORSHIP_COOKIE, authorshipCookieOptions, writeAuthorship } from './authorship';
import { countComments, listComments } from './queries';
import { commentEditSchema, newCommentSchema } from './schema';
import type { CommentViewer } from './types';

const slugSchema = z.string().regex(/^[\p{L}\p{N}][\p{L}\p{N}._-]{0,199}$/u);
const idSchema = z.string().regex(/^[\w-]{1,40}$/);

const viewerOf = (session: Session): CommentViewer => ({ authored: new Set(session.authored.keys()), isAdmin: session.isAdmin });

export function parseSlug(value: string): string {
  const parsed = slugSchema.safeParse(value);
  if (!parsed.success) throw new AppError('post.notFound', 404, 'no such post');
  return parsed.data;
}

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

export async function getThread(request: NextRequest, slug: string): Promise<Response> {
  await assertCommentsOpen(slug);
  const session = await readSession(request.headers, request.cookies);
  const comments = await listComments(session.db, slug, viewerOf(session));
  const count = comments.filter((comment) => !comment.deleted && !comment.pending).length;
  return NextResponse.json({ comments, count }, { headers: { 'Cache-Control': 'no-store' } });
}

export async function postComment(request: NextRequest, slug: string): Promise<Response> {
  const input = parseBody(newCommentSchema, await readJson(request));
  const session = await readSession(request.headers, request.cookies);
  const comment = await createComment(session.db, input, { slug, addressHash: session.addressHash, viewer: viewerOf(session) });
  const response = NextResponse.json({ comment }, { status: 201, headers: { Location: `/api/comments/${comment.id}` } });
  const authored = new Map(session.authored).set(comment.id, Date.parse(comment.createdAt));
  response.cookies.set(AUTHORSHIP_COOKIE, writeAuthorship(authored, session.secret), authorshipCookieOptions);
  return response;
}

export async function patchComment(request: NextRequest, id: string): Promise<Response> {
  const edit = parseBody(commentEditSchema, await readJson(request));
  const session = await readSession(request.headers, request.cookies);
  const comment = await editComment(session.db, id, edit, viewerOf(session));
  return NextResponse.json({ comment });
}

export async function removeComment(request: NextRequest, id: string): Promise<Response> {
  const session = await readSession(request.headers, request.cookies);
  const { placeholder } = await deleteComment(session.db, id, viewerOf(session));
  return NextResponse.json({ deleted: true, placeholder });
}

export async function flag(request: NextRequest, id: string): Promise<Response> {
  const session = await readSession(request.headers, request.cookies);
  const reader = session.readerId ? null : newReaderId(session.secret);
  await flagComment(session.db, id, session.readerId ?? reader?.id ?? session.addressHash);
  const response = NextResponse.json({ flagged: true }, { status: 201 });
  if (reader) response.cookies.set(READER_COOKIE, reader.cookie, readerCookieOptions);
  return response;
}

export async function counts(request: NextRequest): Promise<Response> {
  const raw = request.nextUrl.searchParams.get('slugs') ?? '';
  const slugs = [...new Set(raw.split(',').map((slug) => slug.trim()).filter(Boolean))];
  if (slugs.length === 0 || slugs.length > 100) throw new AppError('request.invalid', 400, 'give 1 to 100 post slugs as ?slugs=a,b');
  const session = await readSession(request.headers, request.cookies);
  return NextResponse.json({ counts: await countComments(session.db, slugs.map(parseSlug)) }, { headers: { 'Cache-Control': 'no-store' } });
}
