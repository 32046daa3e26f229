/**
 * The admin's side of reader notes: the public notes on the moderation page, newest first, and
 * the two decisions on one (mark spam: hidden from readers; delete: gone, or a placeholder when
 * it has replies). Private notes never reach the admin.
 */
import 'server-only';
import { z } from 'zod';
import { localeField } from '../admin/forms';
import type { Db } from '../db/client';
import { AppError } from '../http/errors';
import { deleteNote, editNote } from './actions';
import type { NoteViewer } from './types';

export const noteDecisions = ['spam', 'delete'] as const;
export type NoteDecision = (typeof noteDecisions)[number];

export const noteModerationFormSchema = z.object({
  locale: localeField,
  id: z.string().regex(/^[\w-]{1,40}$/),
  decision: z.enum(noteDecisions),
});

const ADMIN: NoteViewer = { readerId: null, isAdmin: true };

export type ModeratedNote = { id: string; postSlug: string; exact: string | null; bodyHtml: string; lang: string; createdAt: string; replyTo: string | null };

/** The latest public notes readers can see, for the moderation page. */
export async function publicNotesForReview(db: Db, take = 100): Promise<ModeratedNote[]> {
  const rows = await db.note.findMany({
    where: { visibility: 'public', status: 'published', deleted: false },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take,
  });
  return rows.map((row) => ({
    id: row.id,
    postSlug: row.postSlug,
    exact: row.exact,
    bodyHtml: row.bodyHtml,
    lang: row.lang,
    createdAt: row.createdAt.toISOString(),
    replyTo: row.parentId,
  }));
}

/** The admin's decision on a public note; 401 for anyone else. */
export async function moderateNote(session: { db: Db; isAdmin: boolean }, id: string, decision: NoteDecision): Promise<void> {
  if (!session.isAdmin) throw new AppError('admin.unauthorized', 401, 'sign in as the admin to moderate');
  if (decision === 'delete') {
    await deleteNote(session.db, id, ADMIN);
    return;
  }
  await editNote(session.db, id, { iri: null, canonical: null, via: null, motivation: null, target: null, note: null, tags: null, visibility: null, status: 'spam' }, { viewer: ADMIN, origins: [] });
}
