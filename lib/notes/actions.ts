/**
 * Writing notes: a note on a passage or a reply, edits, deletion. A reader changes and
 * deletes their own notes at any time (they are the reader's own reading notes, so there is no
 * edit window as for comments); the admin deletes or marks as spam any public note but never
 * rewrites one. Every rule a client can break ends in an AppError with a stable code, and a note
 * is committed before any success is reported.
 *
 * Notes are allowed on every published post, also where comments are off: they annotate the text
 * rather than open a discussion, and a private note concerns no one but its author.
 */
import 'server-only';
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client';
import { isForeignKeyViolation, isRecordMissing, isUniqueViolation } from '../db/constraint-errors';
import type { Note as NoteRow } from '../db/generated/sqlite/client';
import type { LoadedPost } from '../content/posts';
import { AppError } from '../http/errors';
import { takeWriteAllowance } from '../limits/rate-limit';
import { detectLang } from '../ugc/language';
import { renderReaderMarkdown } from '../ugc/render-markdown';
import { idOfNoteIri, slugOfPostIri } from './w3c/iri';
import { anchorSelection } from './anchor-selection';
import { postText } from './post-text';
import { findNote, isNoteIdTaken, isOwnNote } from './queries';
import { viaOf, type NewNote, type NoteEdit } from './w3c/schema';
import type { PassageInput, TargetInput } from './w3c/target-schema';
import type { NoteViewer, Visibility } from './types';

const newId = () => randomBytes(9).toString('base64url');

const notFound = () => new AppError('annotation.notFound', 404, 'no such annotation');
const invalid = (message: string) => new AppError('annotation.invalid', 400, message);

export type WriteContext = {
  post: LoadedPost;
  addressHash: string;
  viewer: NoteViewer & { readerId: string };
  /** Origins whose IRIs are ours: SITE_URL and the one the request came to. */
  origins: readonly string[];
  /** The id the client suggested (the protocol's `Slug`), already checked to be a valid id. */
  slug?: string | null;
};

type Placement = Pick<NoteRow, 'parentId' | 'layer' | 'blockId' | 'start' | 'end' | 'exact' | 'prefix' | 'suffix' | 'visibility'>;

/**
 * A note on a passage: the post's IRI, and the words the client's selectors name, found in the
 * post's text as the page shows it (anchor-selection.ts); 400 `annotation.notAnchored` when they
 * are not in the post.
 */
async function placePassage(target: PassageInput, draft: NewNote, post: LoadedPost, origins: readonly string[]): Promise<Placement> {
  if (draft.motivation === 'replying') throw invalid('a note on a passage has the motivation "commenting"');
  if (slugOfPostIri(target.source, origins) !== post.slug) throw new AppError('annotation.targetInvalid', 400, `the target source must be this post's IRI`);
  const { block } = target.selection;
  if (block && !post.blocks.some((each) => each.id === block.blockId)) throw new AppError('annotation.selectorInvalid', 400, `the post has no block "${block.blockId}"`);
  const found = anchorSelection(await postText(post), target.selection);
  if (!found) throw new AppError('annotation.notAnchored', 400, 'the selected words are not in this post');
  const { layer, blockId, start, end, exact } = found;
  return { parentId: null, layer, blockId, start, end, exact, prefix: found.prefix || null, suffix: found.suffix || null, visibility: draft.visibility ?? 'public' };
}

async function placeReply(db: Db, parentIri: string, draft: NewNote, context: WriteContext): Promise<Placement> {
  if (draft.motivation === 'commenting') throw invalid('a reply has the motivation "replying"');
  const parentId = idOfNoteIri(parentIri, context.origins);
  if (!parentId) throw new AppError('annotation.targetInvalid', 400, 'the target is neither a passage of this post nor an annotation IRI of this site');
  const parent = await findNote(db, parentId, context.viewer);
  if (!parent || parent.deleted) throw new AppError('annotation.parentNotFound', 422, 'the annotation replied to does not exist');
  if (parent.postSlug !== context.post.slug) throw new AppError('annotation.targetInvalid', 400, 'the annotation replied to is on another post');
  if (parent.visibility === 'private' && draft.visibility === 'public') throw invalid('a reply to a private note is private');
  const visibility: Visibility = draft.visibility ?? (parent.visibility === 'private' ? 'private' : 'public');
  return { parentId, layer: null, blockId: null, start: null, end: null, exact: null, prefix: null, suffix: null, visibility };
}

export async function createNote(db: Db, draft: NewNote, context: WriteContext): Promise<NoteRow> {
  const placement =
    draft.target.kind === 'passage' ? await placePassage(draft.target, draft, context.post, context.origins) : await placeReply(db, draft.target.parentIri, draft, context);
  await takeWriteAllowance(db, context.addressHash, 'notes');
  const now = new Date();
  const data = {
    postSlug: context.post.slug,
    ...placement,
    readerId: context.viewer.readerId,
    addressHash: context.addressHash,
    bodySource: draft.note.text,
    bodyHtml: renderReaderMarkdown(draft.note.text),
    lang: draft.note.lang ?? detectLang(draft.note.text),
    tags: JSON.stringify(draft.tags ?? []),
    status: 'published',
    via: viaOf(draft),
    canonical: draft.canonical,
    createdAt: now,
    updatedAt: now,
  };
  // The suggested id when it names nothing yet and never did; the unique key settles a race.
  const suggested = context.slug && !(await isNoteIdTaken(db, context.slug)) ? context.slug : null;
  if (suggested) {
    try {
      return await db.note.create({ data: { id: suggested, ...data } });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return db.note.create({ data: { id: newId(), ...data } });
}

/**
 * Whether a target sent with an edit names what the note already targets: its parent, or its
 * words (and its block and position, where the client names them).
 */
function sameTarget(row: NoteRow, target: TargetInput, origins: readonly string[]): boolean {
  if (target.kind === 'reply') return row.parentId !== null && idOfNoteIri(target.parentIri, origins) === row.parentId;
  const { quote, block, inBlock } = target.selection;
  return (
    row.parentId === null &&
    slugOfPostIri(target.source, origins) === row.postSlug &&
    (quote === null || (quote.exact === row.exact && (quote.prefix ?? null) === row.prefix && (quote.suffix ?? null) === row.suffix)) &&
    (block === null || (block.blockId === row.blockId && block.layer === row.layer)) &&
    (inBlock === null || (inBlock.start === row.start && inBlock.end === row.end))
  );
}

export type EditContext = {
  viewer: NoteViewer;
  origins: readonly string[];
  /**
   * The note as the client last saw it (its If-Match named this version): the write applies only
   * if the row is still so when it is written, else 412. The database decides, in the update's
   * own condition, so an edit landing between the check and the write cannot be overwritten.
   */
  expected?: NoteRow;
};

/** A visible, undeleted note this viewer may change at all (its author, or the admin), or a 4xx. */
async function changeableNote(db: Db, id: string, viewer: NoteViewer): Promise<NoteRow> {
  const row = await findNote(db, id, viewer);
  if (!row || row.deleted) throw notFound();
  if (!isOwnNote(row, viewer) && !viewer.isAdmin) throw new AppError('annotation.forbidden', 403, 'only the author (or the admin) may change this note');
  return row;
}

export async function editNote(db: Db, id: string, edit: NoteEdit, { viewer, origins, expected }: EditContext): Promise<NoteRow> {
  const row = await changeableNote(db, id, viewer);
  const rewrites = edit.note !== null || edit.tags !== null || edit.visibility !== null || (edit.canonical !== null && row.canonical === null) || (edit.via !== null && row.via === null);
  if (rewrites && !isOwnNote(row, viewer)) throw new AppError('annotation.forbidden', 403, 'only the author may change what a note says');
  if (edit.status !== null && !viewer.isAdmin) throw new AppError('annotation.forbidden', 403, 'only the admin may moderate notes');
  if (edit.motivation !== null && edit.motivation !== (row.parentId === null ? 'commenting' : 'replying')) throw invalid('the motivation of a note cannot change');
  if (edit.target && !sameTarget(row, edit.target, origins)) throw new AppError('annotation.targetImmutable', 400, 'the target of a note cannot change');
  const keeps = (sent: string | null, stored: string | null) => sent === null || stored === null || sent === stored;
  if (!keeps(edit.canonical, row.canonical) || !keeps(edit.via, row.via)) throw new AppError('annotation.iriImmutable', 409, 'the canonical and via IRIs of a note cannot change');
  const setsIris = { ...(edit.canonical !== null && row.canonical === null ? { canonical: edit.canonical } : {}), ...(edit.via !== null && row.via === null ? { via: edit.via } : {}) };
  if (edit.visibility === 'public' && row.visibility === 'private' && row.parentId !== null) {
    const parent = await db.note.findUnique({ where: { id: row.parentId }, select: { visibility: true } });
    if (parent?.visibility === 'private') throw invalid('a reply to a private note is private');
  }
  if (edit.visibility === 'private' && row.visibility === 'public') {
    const publicReplies = await db.note.count({ where: { parentId: id, visibility: 'public', deleted: false } });
    if (publicReplies > 0) throw new AppError('annotation.hasReplies', 409, 'a note with public replies cannot be made private');
  }
  // Everything a reader sees change, moderation included: the columns the ETag is made from.
  const unchanged = expected
    ? { updatedAt: expected.updatedAt, status: expected.status, visibility: expected.visibility, deleted: expected.deleted, bodySource: expected.bodySource, tags: expected.tags }
    : {};
  try {
    return await db.note.update({
      where: { id, ...unchanged },
      data: {
        ...(edit.note ? { bodySource: edit.note.text, bodyHtml: renderReaderMarkdown(edit.note.text), lang: edit.note.lang ?? detectLang(edit.note.text) } : {}),
        ...(edit.tags ? { tags: JSON.stringify(edit.tags) } : {}),
        ...(edit.visibility ? { visibility: edit.visibility } : {}),
        ...(edit.status ? { status: edit.status } : {}),
        ...setsIris,
        // Moderation is not a change of the note: `modified` tells readers when its author last edited it.
        ...(rewrites ? { updatedAt: new Date() } : {}),
      },
    });
  } catch (error) {
    if (!isRecordMissing(error)) throw error;
    if (expected) throw new AppError('annotation.preconditionFailed', 412, 'the annotation changed while this edit was on its way');
    throw notFound();
  }
}

/** Removes a note; one with replies stays as an empty placeholder so the thread holds. */
export async function deleteNote(db: Db, id: string, viewer: NoteViewer): Promise<{ placeholder: boolean }> {
  await changeableNote(db, id, viewer);
  // Only when no reply exists, checked in the same statement; a reply written meanwhile makes the
  // foreign key refuse, and the note becomes a placeholder all the same.
  const removed = await db
    .$transaction(async (tx) => {
      const gone = await tx.note.deleteMany({ where: { id, replies: { none: {} } } });
      if (gone.count > 0) await tx.retiredNoteId.create({ data: { id } });
      return gone;
    })
    .catch((error: unknown) => {
      if (isForeignKeyViolation(error)) return { count: 0 };
      throw error;
    });
  if (removed.count > 0) return { placeholder: false };
  await db.note.update({ where: { id }, data: { deleted: true, bodySource: '', bodyHtml: '', tags: '[]', updatedAt: new Date() } });
  return { placeholder: true };
}
