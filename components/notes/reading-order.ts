/**
 * The notes in the order a reader meets their passages: grouped by block in the post's order,
 * within a block the Chinese before its English, then by position; replies under their note,
 * oldest first; and apart, the notes whose words the post no longer has. Pure.
 */
import type { Layer } from '@/lib/notes/anchoring';
import type { Note } from './notes-model';
import type { Placed } from './use-anchors';

export type BlockNotes = { blockId: string; notes: Note[] };

/** Where each note anchored, by IRI (the ranges do not matter to the order). */
type PlacedNotes = ReadonlyMap<string, Pick<Placed, 'result'>>;

type Position = { blockId: string; layer: Layer; start: number };

/** Where a note is listed: where it anchored, or for a deleted placeholder where it was. */
const positionOf = (note: Note, placed: PlacedNotes): Position | undefined =>
  placed.get(note.iri)?.result ?? (note.deleted && note.anchor ? note.anchor : undefined);

export function notesByBlock(passages: readonly Note[], placed: PlacedNotes, order: ReadonlyMap<string, number>): BlockNotes[] {
  const byBlock = new Map<string, Note[]>();
  for (const note of passages) {
    const where = positionOf(note, placed);
    if (!where) continue;
    const list = byBlock.get(where.blockId) ?? [];
    list.push(note);
    byBlock.set(where.blockId, list);
  }
  return [...byBlock.entries()]
    .sort(([a], [b]) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity))
    .map(([blockId, list]) => ({
      blockId,
      notes: list.sort((a, b) => {
        const [pa, pb] = [positionOf(a, placed), positionOf(b, placed)];
        if (!pa || !pb) return 0;
        return (pa.layer === pb.layer ? 0 : pa.layer === 'zh' ? -1 : 1) || pa.start - pb.start;
      }),
    }));
}

/** Notes whose passage was not found in the page (deleted placeholders are not listed). */
export const orphanedNotes = (passages: readonly Note[], placed: PlacedNotes): Note[] =>
  passages.filter((note) => !note.deleted && !placed.has(note.iri));

/** Each note's replies, oldest first, by the IRI of the note replied to. */
export function repliesByParent(notes: readonly Note[]): Map<string, Note[]> {
  const map = new Map<string, Note[]>();
  for (const note of notes) {
    if (!note.parentIri) continue;
    map.set(note.parentIri, [...(map.get(note.parentIri) ?? []), note]);
  }
  for (const list of map.values()) list.sort((a, b) => a.created.localeCompare(b.created));
  return map;
}
