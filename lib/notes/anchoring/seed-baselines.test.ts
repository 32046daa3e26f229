/**
 * Anchoring baselines on the seed post. Both layers are built by the real content pipeline (see
 * test/fixtures/notes/post-layers.ts); the stored notes are `seed-notes.json`, and the
 * edited copy of the post (`edited-seed/`) has sentences inserted and deleted, punctuation
 * switched between full and half width, a paragraph split, spaces typed between Han and Latin,
 * and passages reworded. Each note says what must become of it there.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { EDITED_SEED_DIR, postLayers, SEED_DIR, SEED_STEM, type PostLayers } from '@/test/fixtures/notes/post-layers';
import { locate, readSeedNotes, type SeedNote } from '@/test/fixtures/notes/seed-notes';
import { anchor, anchorAll } from './anchor';
import { describe as describeSelection } from './describe';
import { indexDocument } from './document-index';
import { normalise } from './normalise';
import type { Anchor, AnchorResult, LayerBlock, LayerDocument } from './types';
import { fromW3CSelectors } from '../w3c/selectors';

const { notes } = readSeedNotes();
let seed: PostLayers;
let edited: PostLayers;

beforeAll(async () => {
  [seed, edited] = await Promise.all([postLayers(SEED_DIR, SEED_STEM), postLayers(EDITED_SEED_DIR, SEED_STEM)]);
});

function storedAnchor(note: SeedNote): Anchor {
  const stored = fromW3CSelectors(note.selector);
  if (!stored) throw new Error(`${note.id}: its stored selectors do not parse`);
  return stored;
}

const textOf = (doc: LayerDocument, found: AnchorResult) =>
  doc.find((block) => block.layer === found.layer && block.id === found.blockId)?.text.slice(found.start, found.end);

const ids = (blocks: readonly LayerBlock[], layer: 'zh' | 'en') => blocks.filter((block) => block.layer === layer).map((block) => block.id);

describe('the seed post as layers', () => {
  test('the Chinese layer is every block of the post, with the text the pipeline records for it', () => {
    const chinese = seed.blocks.filter((block) => block.layer === 'zh');
    expect(chinese.map((block) => block.id)).toEqual(seed.post.blocks.map((block) => block.id));
    // The page's text without pinyin, whitespace collapsed, is the pipeline's block text.
    expect(chinese.map((block) => block.text.replace(/\s+/g, ' ').trim())).toEqual(seed.post.blocks.map((block) => block.text));
  });

  test('the page really has pinyin, which the layer leaves out', () => {
    const html = JSON.stringify(seed.page);
    expect(html).toContain('"tagName":"rt"');
    expect(seed.blocks.some((block) => /[āáǎàēéěèīíǐìōóǒòūúǔù]/u.test(block.text))).toBe(false);
  });

  test('the English layer is the glossed blocks, in reading order, as rendered text', () => {
    expect(ids(seed.blocks, 'en')).toEqual(['top-p1', 'docker-p1', 'docker-p2', 'hyper-p1', 'hyper-fig1', 'hyper-p2', 'hyper-p3', 'hyper-p4', 'hyper-p5', '结-h', '结-p1']);
    const hyper = seed.blocks.find((block) => block.layer === 'en' && block.id === 'hyper-p1');
    // Links are text, not markdown.
    expect(hyper?.text).toContain('Their homepage is www.hyper.sh, and');
  });

  test('the edited copy splits a paragraph and inserts one, so later ids shift', () => {
    expect(ids(edited.blocks, 'zh')).toEqual([
      'top-p1', 'docker-h', 'docker-p1', 'docker-p2', 'docker-p3', 'hyper-h', 'hyper-p1', 'hyper-p2', 'hyper-fig1',
      'hyper-p3', 'hyper-p4', 'hyper-q1', 'hyper-p5', 'hyper-p6', '结-h', '结-p1',
    ]);
    expect(ids(edited.blocks, 'en')).toEqual(ids(edited.blocks, 'zh').filter((id) => !['docker-h', 'hyper-h', 'hyper-q1'].includes(id)));
  });
});

describe('stored notes (seed-notes.json)', () => {
  test('cover both layers, repeated words, block edges and several kinds of change', () => {
    expect(notes.length).toBeGreaterThanOrEqual(25);
    expect(new Set(notes.map((note) => note.id)).size).toBe(notes.length);
    expect(notes.filter((note) => note.layer === 'en').length).toBeGreaterThanOrEqual(8);
    expect(notes.filter((note) => 'orphaned' in note.afterEdit).length).toBeGreaterThanOrEqual(2);
  });

  test.each(notes)('$id: the stored selectors are what describe() stores today for its words', (note) => {
    const { start, end } = locate(seed.blocks, note.layer, note.block, note.words, note.within);
    const described = describeSelection(seed.blocks, note.block, note.layer, start, end);
    expect(described).toEqual(storedAnchor(note));
    expect(storedAnchor(note).exact).toBe(note.words);
  });

  test.each(notes)('$id: anchors at its stored position on the unchanged post', (note) => {
    const stored = storedAnchor(note);
    expect(anchor(seed.blocks, stored)).toEqual({ blockId: stored.blockId, layer: stored.layer, start: stored.start, end: stored.end, method: 'position' });
  });
});

describe('stored notes on the edited post', () => {
  const expectedOrphans = notes.filter((note) => 'orphaned' in note.afterEdit).map((note) => note.id);

  test('exactly the notes whose words are gone are orphaned', () => {
    const results = anchorAll(edited.blocks, notes.map(storedAnchor));
    const orphaned = notes.filter((_, index) => results[index] === null).map((note) => note.id);
    expect(orphaned).toEqual(expectedOrphans);
  });

  test.each(notes.filter((note) => !('orphaned' in note.afterEdit)))('$id lands on its words in the edited post', (note) => {
    const found = anchor(edited.blocks, storedAnchor(note));
    const after = note.afterEdit;
    if (!found || 'orphaned' in after) throw new Error(`${note.id} was orphaned`);
    expect(found.blockId).toBe(after.block);
    if ('fuzzy' in after) {
      expect(found.method).toBe('fuzzy');
      expect(textOf(edited.blocks, found)).toBe(after.fuzzy);
      return;
    }
    expect(normalise(textOf(edited.blocks, found) ?? '')).toBe(normalise(note.words));
    // The very occurrence meant, not another of the same words.
    const place = locate(edited.blocks, note.layer, after.block, after.within ?? note.words, after.within ?? note.words);
    expect(found.start).toBeGreaterThanOrEqual(place.start);
    expect(found.end).toBeLessThanOrEqual(place.end);
    expect(found.method).not.toBe('fuzzy');
  });
});

describe('anchoring many notes at once', () => {
  test('1,000 notes on the seed: all found where they were; the time is printed', () => {
    const stored = notes.map(storedAnchor);
    const many = Array.from({ length: 1000 }, (_, index) => stored[index % stored.length]).filter((each): each is Anchor => each !== undefined);
    anchorAll(seed.blocks, many);
    const started = performance.now();
    const results = anchorAll(seed.blocks, many);
    const onSeed = performance.now() - started;
    const editedStarted = performance.now();
    anchorAll(edited.blocks, many);
    const onEdited = performance.now() - editedStarted;
    console.log(`anchorAll, 1,000 notes: ${onSeed.toFixed(1)} ms on the seed post, ${onEdited.toFixed(1)} ms on its edited copy (index included)`);
    expect(results.every((result, index) => result?.method === 'position' && result.start === many[index]?.start)).toBe(true);
  });

  test('an index built once gives the same answers as the document', () => {
    const index = indexDocument(edited.blocks);
    for (const note of notes) expect(anchor(index, storedAnchor(note))).toEqual(anchor(edited.blocks, storedAnchor(note)));
  });
});
