/**
 * Writing comments: post, edit and delete (the author within the edit window, or the admin),
 * flag, and moderate. Every rule a reader can break ends in an AppError with a stable code;
 * a comment is committed to the database before any success is reported.
 */
import 'server-only';
import { randomBytes } from 'node:crypto';
import { awaitDurable, type Db } from '../db/client';
import { isForeignKeyViolation, isRecordMissing, isUniqueViolation } from '../db/constraint-errors';
import { getPost } from '../content/posts';
import { env } from '../env';
import { AppError } from '../http/errors';
import { refundWriteAllowance, takeWriteAllowance } from '../limits/rate-limit';
import { detectLang } from '../ugc/language';
import { renderReaderMarkdown } from '../ugc/render-markdown';
import { EDIT_WINDOW_MS } from './authorship';
import { bodyHashOf, duplicateOf } from './body-hash';
import { toCommentDto } from './dto';
import { countLinks, type CommentEdit, type NewComment } from './schema';
import type { CommentDto, CommentViewer } from './types';

/** More links than this and a comment waits for a moderator. */
const MAX_LINKS_PUBLISHED = 3;

const newId = () => randomBytes(9).toString('base64url');

export async function assertCommentsOpen(slug: string): Promise<void> {
  const post = await getPost(slug);
  if (!post) throw new AppError('post.notFound', 404, `no post "${slug}"`);
  if (!post.comments) throw new AppError('comments.disabled', 404, `comments are off for "${slug}"`);
}

export type WriteContext = { slug: string; addressHash: string; viewer: CommentViewer };

export async function createComment(db: Db, input: NewComment, context: WriteContext): Promise<CommentDto> {
  await assertCommentsOpen(context.slug);
  if (input.parentId) {
    const parent = await db.comment.findFirst({ where: { id: input.parentId, postSlug: context.slug, status: { not: 'spam' } } });
    if (!parent) throw new AppError('comment.parentNotFound', 422, 'the comment replied to does not exist on this post');
  }
  // A resent comment (a double click, a retried request) is refused before it costs an allowance.
  const duplicate = await db.comment.findFirst({ where: duplicateOf(context.slug, input.body), select: { id: true } });
  if (duplicate) {
    // The other comment may be committed but still on its way to disk: refuse this one only once it is there.
    await awaitDurable(db);
    throw new AppError('comment.duplicate', 409, 'the same comment is already on this post');
  }
  await takeWriteAllowance(db, context.addressHash, 'comments');
  const linkCount = countLinks(input.body);
  const row = await refuseDuplicate(db, () => db.comment.create({
    data: {
      id: newId(),
      postSlug: context.slug,
      parentId: input.parentId,
      authorName: input.author,
      email: input.email,
      website: input.website,
      bodySource: input.body,
      bodyHash: bodyHashOf(input.body),
      bodyHtml: renderReaderMarkdown(input.body),
      lang: input.lang ?? detectLang(input.body),
      status: env.premoderate || linkCount > MAX_LINKS_PUBLISHED ? 'pending' : 'published',
      ipHash: context.addressHash,
      linkCount,
    },
  }), () => refundWriteAllowance(db, context.addressHash, 'comments'));
  return toCommentDto(row, { ...context.viewer, authored: new Set([...context.viewer.authored, row.id]) });
}

/**
 * Runs a write that stores a body, mapping what the database decided between the checks above and
 * the write to stable codes: the unique index on the post's body hashes to 409 comment.duplicate
 * (the same comment sent twice at once, a double click, passes the check twice and the index lets
 * one in); the parent's foreign key to 422 comment.parentNotFound (a reply arriving as its parent
 * is deleted); a row gone meanwhile to 404. `undo` gives back what the refused write took.
 */
async function refuseDuplicate<T>(db: Db, write: () => Promise<T>, undo: () => Promise<void> = async () => {}): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isForeignKeyViolation(error)) {
      await undo();
      throw new AppError('comment.parentNotFound', 422, 'the comment replied to was deleted meanwhile');
    }
    if (isRecordMissing(error)) throw new AppError('comment.notFound', 404, 'the comment was deleted meanwhile');
    if (!isUniqueViolation(error)) throw error;
    await undo();
    // The one let in may be committed but still on its way to disk: answer once it is there.
    await awaitDurable(db);
    throw new AppError('comment.duplicate', 409, 'the same comment is already on this post');
  }
}

async function ownedComment(db: Db, id: string, viewer: CommentViewer) {
  const row = await db.comment.findUnique({ where: { id } });
  if (!row || row.deleted || (row.status === 'spam' && !viewer.isAdmin)) throw new AppError('comment.notFound', 404, 'no such comment');
  if (viewer.isAdmin) return row;
  if (!viewer.authored.has(id)) throw new AppError('comment.forbidden', 403, 'only the author (or the admin) may change this comment');
  if (Date.now() - row.createdAt.getTime() > EDIT_WINDOW_MS) throw new AppError('comment.editWindowClosed', 403, 'comments can be changed for 15 minutes after posting');
  const replies = await db.comment.count({ where: { parentId: id, deleted: false } });
  if (replies > 0) throw new AppError('comment.hasReplies', 409, 'a comment with replies can no longer be changed');
  return row;
}

export async function editComment(db: Db, id: string, edit: CommentEdit, viewer: CommentViewer): Promise<CommentDto> {
  await ownedComment(db, id, viewer);
  const row = await refuseDuplicate(db, () => db.comment.update({
    where: { id },
    data: {
      bodySource: edit.body,
      bodyHash: bodyHashOf(edit.body),
      bodyHtml: renderReaderMarkdown(edit.body),
      lang: edit.lang ?? detectLang(edit.body),
      linkCount: countLinks(edit.body),
      editedAt: new Date(),
    },
  }));
  return toCommentDto(row, viewer);
}

/**
 * Removes a comment; one that has replies stays as a "deleted" placeholder so the thread holds.
 * The foreign key of the replies decides, not the count alone: a reply committed after the count
 * keeps the row, which then becomes a placeholder (for the admin) or stays (409 for its author,
 * who may not delete a comment once answered).
 */
export async function deleteComment(db: Db, id: string, viewer: CommentViewer): Promise<{ placeholder: boolean }> {
  await ownedComment(db, id, viewer);
  const replies = await db.comment.count({ where: { parentId: id } });
  if (replies === 0) {
    try {
      await db.comment.delete({ where: { id } });
      return { placeholder: false };
    } catch (error) {
      if (isRecordMissing(error)) throw new AppError('comment.notFound', 404, 'the comment was deleted meanwhile');
      if (!isForeignKeyViolation(error)) throw error;
      if (!viewer.isAdmin) throw new AppError('comment.hasReplies', 409, 'someone replied while the comment was being deleted');
    }
  }
  await refuseDuplicate(db, () =>
    db.comment.update({ where: { id }, data: { deleted: true, authorName: '', email: null, website: null, bodySource: '', bodyHash: null, bodyHtml: '' } }),
  );
  return { placeholder: true };
}

/**
 * One report per reader and comment: the unique index on (comment, reporter) decides, so two
 * reports sent at once count once and the second is 409, as a later one is.
 */
export async function flagComment(db: Db, id: string, reporterHash: string, addressHash: string): Promise<void> {
  const row = await db.comment.findUnique({ where: { id }, select: { id: true, deleted: true, status: true } });
  if (!row || row.deleted || row.status !== 'published') throw new AppError('comment.notFound', 404, 'no such comment');
  await takeWriteAllowance(db, addressHash, 'flags');
  try {
    await db.$transaction([
      db.commentFlag.create({ data: { commentId: id, reporterHash } }),
      db.comment.update({ where: { id }, data: { flagCount: { increment: 1 } } }),
    ]);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('comment.alreadyFlagged', 409, 'you have already flagged this comment');
    throw error;
  }
}

export type ModerationAction = 'approve' | 'spam' | 'delete';

export async function moderateComment(db: Db, id: string, action: ModerationAction): Promise<void> {
  const admin: CommentViewer = { authored: new Set(), isAdmin: true };
  if (action === 'delete') {
    await deleteComment(db, id, admin);
    return;
  }
  const row = await db.comment.findUnique({ where: { id } });
  if (!row) throw new AppError('comment.notFound', 404, 'no such comment');
  await db.$transaction([
    db.comment.update({ where: { id }, data: { status: action === 'approve' ? 'published' : 'spam', flagCount: 0 } }),
    db.commentFlag.deleteMany({ where: { commentId: id } }),
  ]);
}
