/** Reading comments: a post's thread as a viewer may see it, counts, and the moderation queue. */
import 'server-only';
import type { Db } from '../db/client';
import { toCommentDto } from './dto';
import type { CommentDto, CommentViewer } from './types';

/**
 * The thread in posting order: published comments, deleted ones as placeholders, and the
 * viewer's own comments still awaiting moderation. Spam is never shown.
 */
export async function listComments(db: Db, slug: string, viewer: CommentViewer): Promise<CommentDto[]> {
  const rows = await db.comment.findMany({
    where: {
      postSlug: slug,
      OR: [{ status: 'published' }, { status: 'pending', id: { in: [...viewer.authored] } }],
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  return rows.map((row) => toCommentDto(row, viewer));
}

/** The post a comment belongs to, to know which pages a change to it affects. */
export async function commentPostSlug(db: Db, id: string): Promise<string | null> {
  const row = await db.comment.findUnique({ where: { id }, select: { postSlug: true } });
  return row?.postSlug ?? null;
}

/** Published, undeleted comments per post. */
export async function countComments(db: Db, slugs: readonly string[]): Promise<Record<string, number>> {
  const groups = await db.comment.groupBy({
    by: ['postSlug'],
    where: { postSlug: { in: [...slugs] }, status: 'published', deleted: false },
    _count: { _all: true },
  });
  const counts: Record<string, number> = Object.fromEntries(slugs.map((slug) => [slug, 0]));
  for (const group of groups) counts[group.postSlug] = group._count._all;
  return counts;
}

export type QueuedComment = CommentDto & { postSlug: string; status: string; flagCount: number; bodySource: string };

/** What waits for the moderator: comments awaiting approval and flagged ones, newest first. */
export async function moderationQueue(db: Db): Promise<QueuedComment[]> {
  const rows = await db.comment.findMany({
    where: { deleted: false, OR: [{ status: 'pending' }, { status: 'published', flagCount: { gt: 0 } }] },
    orderBy: { createdAt: 'desc' },
    take: 200,
  });
  const admin: CommentViewer = { authored: new Set(), isAdmin: true };
  return rows.map((row) => ({ ...toCommentDto(row, admin), postSlug: row.postSlug, status: row.status, flagCount: row.flagCount, bodySource: row.bodySource }));
}
