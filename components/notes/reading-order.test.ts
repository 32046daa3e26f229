import { describe, expect, test } from 'vitest';
import type { Anchor, AnchorResult } from '@/lib/notes/anchoring';
import type { Note } from './notes-model';
import { notesByBlock, orphanedNotes, repliesByParent } from './reading-order';

const anchor = (blockId: string, layer: 'zh' | 'en', start: number): Anchor => ({ blockId, layer, start, end: start + 2, exact: 'xx', prefix: '', suffix: '' });
const note = (id: string, extra: Partial<Note> = {}): Note => ({
  iri: `https://duizhao.example/api/annotations/${id}`,
  path: `/api/annotations/${id}`,
  parentIri: null,
  anchor: null,
  html: '',
  source: '',
  tags: [],
  visibility: 'public',
  mine: false,
  deleted: false,
  created: '2024-01-01T00:00:00.000Z',
  ...extra,
});
const at = (where: Anchor): { result: AnchorResult } => ({ result: { blockId: where.blockId, layer: where.layer, start: where.start, end: where.end, method: 'position' } });

describe('the notes in reading order', () => {
  const order = new Map([
    ['top-p1', 0],
    ['docker-p2', 1],
  ]);
  const laterEnglish = note('a', { anchor: anchor('docker-p2', 'en', 5) });
  const laterChinese = note('b', { anchor: anchor('docker-p2', 'zh', 9) });
  const first = note('c', { anchor: anchor('top-p1', 'zh', 3) });
  const earlierChinese = note('d', { anchor: anchor('docker-p2', 'zh', 1) });
  const gone = note('e', { anchor: anchor('docker-p2', 'zh', 4) });
  const placeholder = note('f', { anchor: anchor('top-p1', 'zh', 0), deleted: true });
  const passages = [laterEnglish, laterChinese, first, earlierChinese, gone, placeholder];
  const placed = new Map([laterEnglish, laterChinese, first, earlierChinese].map((each) => [each.iri, at(each.anchor ?? anchor('', 'zh', 0))]));

  test('blocks in the post\'s order; in a block the Chinese before its English, then by position; a placeholder where it was', () => {
    expect(notesByBlock(passages, placed, order).map(({ blockId, notes }) => [blockId, notes.map((each) => each.iri.split('/').pop())])).toEqual([
      ['top-p1', ['f', 'c']],
      ['docker-p2', ['d', 'b', 'a']],
    ]);
  });

  test('a note that did not anchor is listed apart; a deleted one is not', () => {
    expect(orphanedNotes(passages, placed)).toEqual([gone]);
  });

  test('replies under the note they answer, oldest first', () => {
    const parent = first.iri;
    const late = note('r2', { parentIri: parent, created: '2024-01-03T00:00:00.000Z' });
    const early = note('r1', { parentIri: parent, created: '2024-01-02T00:00:00.000Z' });
    expect(repliesByParent([first, late, early]).get(parent)).toEqual([early, late]);
  });
});
