/**
 * describe(): what is stored for a selection. The words exactly as selected (without surrounding
 * whitespace), and at least 32 visible characters of context on each side, or the rest of the
 * sentence when longer, reaching into neighbouring blocks of the same layer near a block's edge.
 */
import { describe, expect, test } from 'vitest';
import { describe as describeSelection, MAX_CONTEXT, MIN_CONTEXT } from './describe';
import type { LayerDocument } from './types';

const doc: LayerDocument = [
  { id: 'top-p1', layer: 'zh', text: '第一段的第一句话。第二句话比较短。' },
  { id: 'top-p1', layer: 'en', text: 'The first sentence of the first paragraph. A shorter second one.' },
  { id: 'docker-h', layer: 'zh', text: 'Docker' },
  {
    id: 'docker-p1',
    layer: 'zh',
    text: '很多人都说Docker只不过是把内核的一些特性，诸如cgroups，namespace稍微运用了一下，做了一层抽象与封装而已。但似乎Docker就是因为易用，简单才能够流行起来。',
  },
  { id: 'docker-p1', layer: 'en', text: 'A lot of people say that all Docker does is make light use of a few kernel features.' },
  { id: '结-p1', layer: 'zh', text: '愿原力与我同在。' },
];

const visible = (text: string) => text.replace(/\s+/g, '').length;

function describeWords(blockId: string, layer: 'zh' | 'en', words: string, occurrence = 0) {
  const text = doc.find((block) => block.id === blockId && block.layer === layer)?.text ?? '';
  let start = -1;
  for (let seen = 0; seen <= occurrence; seen += 1) start = text.indexOf(words, start + 1);
  const described = describeSelection(doc, blockId, layer, start, start + words.length);
  if (!described) throw new Error(`no anchor for ${words}`);
  return described;
}

describe('describe', () => {
  test('stores the block, layer, offsets and the exact words', () => {
    const text = doc[3]?.text ?? '';
    const second = text.indexOf('Docker', text.indexOf('Docker') + 1);
    expect(describeWords('docker-p1', 'zh', 'Docker', 1)).toMatchObject({ blockId: 'docker-p1', layer: 'zh', start: second, end: second + 6, exact: 'Docker' });
  });

  test('the context is the rest of the sentence when that is longer than 32 characters', () => {
    const described = describeWords('docker-p1', 'zh', '稍微运用了一下');
    expect(described.prefix).toBe('很多人都说Docker只不过是把内核的一些特性，诸如cgroups，namespace');
    expect(visible(described.prefix)).toBeGreaterThan(MIN_CONTEXT);
    const end = describeWords('docker-p1', 'zh', '很多人都说');
    expect(end.suffix).toBe('Docker只不过是把内核的一些特性，诸如cgroups，namespace稍微运用了一下，做了一层抽象与封装而已。');
  });

  test('else it is 32 visible characters, reaching across sentences', () => {
    const described = describeWords('docker-p1', 'zh', '稍微运用了一下');
    // The rest of the sentence, ，做了一层抽象与封装而已。, is shorter than 32 characters.
    expect(described.suffix).toBe('，做了一层抽象与封装而已。但似乎Docker就是因为易用，简单才');
    expect(visible(described.suffix)).toBe(MIN_CONTEXT);
    const after = describeWords('docker-p1', 'zh', '但似乎');
    expect(after.prefix).toBe('ps，namespace稍微运用了一下，做了一层抽象与封装而已。');
    expect(visible(after.prefix)).toBe(MIN_CONTEXT);
  });

  test('near a block edge it continues into the neighbouring blocks of the same layer', () => {
    const described = describeWords('docker-p1', 'zh', '很多人');
    // The heading and the first paragraph, not the English between them; then the layer starts.
    expect(described.prefix).toBe('第一段的第一句话。第二句话比较短。\nDocker\n');
    const last = describeWords('docker-p1', 'zh', '流行起来。');
    expect(last.suffix).toBe('\n愿原力与我同在。');
    const heading = describeWords('docker-h', 'zh', 'Docker');
    expect(heading.suffix).toBe('\n很多人都说Docker只不过是把内核的一些特性，诸如cgroup');
    expect(visible(heading.suffix)).toBe(MIN_CONTEXT);
  });

  test('at the start and the end of the layer the context is cut short', () => {
    expect(describeWords('top-p1', 'zh', '第一段').prefix).toBe('');
    expect(describeWords('结-p1', 'zh', '同在。').suffix).toBe('');
    expect(describeWords('docker-p1', 'en', 'kernel features.').suffix).toBe('');
  });

  test('the English layer has its own neighbours', () => {
    const described = describeWords('docker-p1', 'en', 'A lot');
    expect(described.prefix).toBe('irst paragraph. A shorter second one.\n');
    expect(visible(described.prefix)).toBe(MIN_CONTEXT);
  });

  test('a full stop ends a sentence only before a space or the end: www.hyper.sh is one word', () => {
    const text = 'Their homepage is www.hyper.sh and it looks like a product from a startup in Beijing. Next.';
    const described = describeSelection([{ id: 'b', layer: 'en', text }], 'b', 'en', 0, 5);
    expect(described?.suffix).toBe(' homepage is www.hyper.sh and it looks like a product from a startup in Beijing.');
  });

  test('a very long sentence is cut at MAX_CONTEXT characters', () => {
    const text = `${'很长的句子'.repeat(100)}。`;
    const described = describeSelection([{ id: 'b', layer: 'zh', text }], 'b', 'zh', 250, 255);
    expect(described?.prefix.length).toBe(MAX_CONTEXT);
    expect(described?.suffix.length).toBe(MAX_CONTEXT);
  });

  test('whitespace at either end of the selection is left out', () => {
    const text = 'Hyper  Container is  here';
    const described = describeSelection([{ id: 'b', layer: 'en', text }], 'b', 'en', 5, 17);
    expect(described).toMatchObject({ start: 7, end: 16, exact: 'Container' });
  });

  test('a surrogate pair is never cut in half', () => {
    const text = '𠮷野家的牛丼';
    expect(describeSelection([{ id: 'b', layer: 'zh', text }], 'b', 'zh', 1, 3)).toMatchObject({ start: 0, end: 3, exact: '𠮷野' });
  });

  test.each([
    ['an unknown block', 'nope', 'zh', 0, 1],
    ['a block of the other layer only', 'docker-h', 'en', 0, 1],
    ['an empty span', 'docker-h', 'zh', 2, 2],
    ['a reversed span', 'docker-h', 'zh', 3, 2],
    ['a span past the end', 'docker-h', 'zh', 2, 7],
    ['a negative start', 'docker-h', 'zh', -1, 2],
    ['offsets that are not integers', 'docker-h', 'zh', 0.5, 2],
  ] as const)('null for %s', (_, blockId, layer, start, end) => {
    expect(describeSelection(doc, blockId, layer, start, end)).toBeNull();
  });

  test('null for a selection of whitespace only', () => {
    expect(describeSelection([{ id: 'b', layer: 'en', text: 'a   b' }], 'b', 'en', 1, 4)).toBeNull();
  });
});
