/** Rows to what leaves `lib/comments`: no email, no address hash, placeholders for deleted comments. */
import type { Comment } from '../db/generated/sqlite/client';
import { EDIT_WINDOW_MS } from './authorship';
import { commentLangSchema } from './schema';
import type { CommentDto, CommentViewer } from './types';

export function toCommentDto(row: Comment, viewer: CommentViewer, now = Date.now()): CommentDto {
  const lang = commentLangSchema.catch('zh').parse(row.lang);
  const base = {
    id: row.id,
    parentId: row.parentId,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    lang,
  };
  if (row.deleted) return { ...base, author: '', website: null, bodyHtml: '', deleted: true };
  const dto: CommentDto = { ...base, author: row.authorName, website: row.website, bodyHtml: row.bodyHtml, deleted: false };
  if (row.status === 'pending') dto.pending = true;
  const until = row.createdAt.getTime() + EDIT_WINDOW_MS;
  if (viewer.authored.has(row.id) && until > now) {
    dto.editableUntil = new Date(until).toISOString();
    dto.bodySource = row.bodySource;
  }
  return dto;
}
