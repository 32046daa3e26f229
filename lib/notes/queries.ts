/**
 * Reading notes as a viewer may see them: public notes, plus the viewer's own private ones.
 * Someone else's private note does not exist for anyone else, the admin included; a note marked
 * as spam exists only for the admin.
 */
import 'server-only';
import type { Db } from '../db/client';
import type { Note as NoteRow, Prisma } from '../db/generated/sqlite/client';
import type { NoteViewer } from './types';

/** Notes per page of a post's collection. */
export const PAGE_SIZE = 200;

export function isOwnNote(row: NoteRow, viewer: NoteViewer): boolean {
  return viewer.readerId !== null && row.readerId === viewer.readerId;
}

export function canSeeNote(row: NoteRow, viewer: NoteViewer): boolean {
  if (row.visibility !== 'public' && !isOwnNote(row, viewer)) return false;
  return row.status === 'published' || viewer.isAdmin;
}

function visibleWhere(slug: string, viewer: NoteViewer): Prisma.NoteWhereInput {
  return {
    postSlug: slug,
    status: 'published',
    OR: [{ visibility: 'public' }, ...(viewer.readerId === null ? [] : [{ readerId: viewer.readerId }])],
  };
}

export type NoteListing = { rows: NoteRow[]; total: number; /** When a note the viewer sees last changed; null with none. */ modified: Date | null };

/**
 * One page of a post's notes in the order they were written, replies and deleted notes kept as
 * placeholders included, and how many there are in all. One snapshot, so the two agree.
 */
export async function listNotes(db: Db, slug: string, viewer: NoteViewer, page: number): Promise<NoteListing> {
  const where = visibleWhere(slug, viewer);
  const [total, rows, latest] = await db.$transaction([
    db.note.count({ where }),
    db.note.findMany({ where, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], skip: page * PAGE_SIZE, take: PAGE_SIZE }),
    db.note.aggregate({ where, _max: { updatedAt: true } }),
  ]);
  return { rows, total, modified: latest._max.updatedAt };
}

/** Whether an id names a note, or named one that was deleted: such an id is never issued again. */
export async function isNoteIdTaken(db: Db, id: string): Promise<boolean> {
  const [note, retired] = await Promise.all([db.note.findUnique({ where: { id }, select: { id: true } }), db.retiredNoteId.findUnique({ where: { id } })]);
  return note !== null || retired !== null;
}

/** The note, if this viewer may see it. */
export async function findNote(db: Db, id: string, viewer: NoteViewer): Promise<NoteRow | null> {
  const row = await db.note.findUnique({ where: { id } });
  return row && canSeeNote(row, viewer) ? row : null;
}
