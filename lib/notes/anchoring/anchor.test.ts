/**
 * anchor(): each step of finding a passage again, on small documents made for the case. The
 * seed post's baselines are in seed-baselines.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { anchor, anchorAll } from './anchor';
import { describe as describeSelection } from './describe';
import type { Anchor, AnchorResult, Layer, LayerBlock, LayerDocument } from './types';

const before: LayerDocument = [
  { id: 'docker-p1', layer: 'zh', text: '很多人都说Docker只不过是把内核的一些特性稍微运用了一下。但似乎Docker就是因为易用，简单才能够流行起来。' },
  { id: 'docker-p2', layer: 'zh', text: '原本因为CSP留下的心理阴影，而这样的阴影被可爱的蓝鲸治愈了，因为对于使用者而言，着实太友好了一些。' },
  { id: 'docker-p1', layer: 'en', text: 'A lot of people say Docker is just a light use of kernel features. But Docker caught on because it is simple.' },
];

/** The stored anchor of the `occurrence`th `words` in a block of `doc`. */
function stored(doc: LayerDocument, blockId: string, layer: Layer, words: string, occurrence = 0): Anchor {
  const text = doc.find((block) => block.id === blockId && block.layer === layer)?.text ?? '';
  let start = -1;
  for (let seen = 0; seen <= occurrence; seen += 1) start = text.indexOf(words, start + 1);
  const described = describeSelection(doc, blockId, layer, start, start + words.length);
  if (start < 0 || !described) throw new Error(`"${words}" is not in ${blockId}`);
  return described;
}

function textAt(doc: LayerDocument, found: AnchorResult | null): string | undefined {
  if (!found) return undefined;
  return doc.find((block) => block.id === found.blockId && block.layer === found.layer)?.text.slice(found.start, found.end);
}

const edit = (doc: LayerDocument, blockId: string, layer: Layer, change: (text: string) => string): LayerBlock[] =>
  doc.map((block) => (block.id === blockId && block.layer === layer ? { ...block, text: change(block.text) } : block));

describe('(a) the stored position', () => {
  test('unchanged text: found where it was', () => {
    const target = stored(before, 'docker-p1', 'zh', 'Docker', 1);
    expect(anchor(before, target)).toEqual({ blockId: 'docker-p1', layer: 'zh', start: target.start, end: target.end, method: 'position' });
  });

  test('text changed elsewhere in the block, or only in width and spacing at the position, is still the position', () => {
    const target = stored(before, 'docker-p2', 'zh', '蓝鲸治愈了');
    const after = edit(before, 'docker-p2', 'zh', (text) => text.replace('。', '.'));
    expect(anchor(after, target)?.method).toBe('position');
    const widened = edit(before, 'docker-p1', 'zh', (text) => text.replace('易用，简单', '易用,简单'));
    const easy = stored(before, 'docker-p1', 'zh', '易用，简单');
    expect(anchor(widened, easy)).toMatchObject({ method: 'position', start: easy.start, end: easy.end });
  });
});

describe('(b) the quote elsewhere in its block', () => {
  test('after text was inserted before it', () => {
    const target = stored(before, 'docker-p2', 'zh', '可爱的蓝鲸');
    const after = edit(before, 'docker-p2', 'zh', (text) => `补一句开头。${text}`);
    const found = anchor(after, target);
    expect(found).toMatchObject({ blockId: 'docker-p2', method: 'quote-in-block', start: target.start + 6 });
    expect(textAt(after, found)).toBe('可爱的蓝鲸');
  });

  test('of several occurrences, the one its prefix and suffix agree with', () => {
    const target = stored(before, 'docker-p1', 'zh', 'Docker', 1);
    const after = edit(before, 'docker-p1', 'zh', (text) => `Docker，Docker。${text}`);
    const found = anchor(after, target);
    expect(found?.method).toBe('quote-in-block');
    expect(after[0]?.text.slice((found?.start ?? 0) - 3, found?.end)).toBe('但似乎Docker');
  });

  test('with no context to tell them apart, the occurrence nearest the old position', () => {
    const text = 'Docker and Docker and Docker and Docker';
    const doc: LayerDocument = [{ id: 'b', layer: 'en', text }];
    const target: Anchor = { blockId: 'b', layer: 'en', start: 20, end: 26, exact: 'Docker', prefix: '', suffix: '' };
    expect(anchor(doc, target)).toMatchObject({ start: 22, method: 'quote-in-block' });
  });

  test('found in normalised text, returned as offsets of the original', () => {
    const target = stored(before, 'docker-p1', 'zh', '但似乎Docker就是因为易用，简单');
    const after = edit(before, 'docker-p1', 'zh', (text) => text.replace('但似乎Docker就是因为易用，简单', '但似乎 Docker 就是因为易用, 简单').replace('很多人', '很多很多人'));
    const found = anchor(after, target);
    expect(found?.method).toBe('quote-in-block');
    expect(textAt(after, found)).toBe('但似乎 Docker 就是因为易用, 简单');
  });
});

describe('(c) the quote elsewhere in the layer', () => {
  test('when its block was split and the words moved to a new block', () => {
    const target = stored(before, 'docker-p1', 'zh', '就是因为易用');
    const [first, ...rest] = before;
    const split: LayerDocument = [
      { id: 'docker-p1', layer: 'zh', text: '很多人都说Docker只不过是把内核的一些特性稍微运用了一下。' },
      { id: 'docker-p2', layer: 'zh', text: '但似乎Docker就是因为易用，简单才能够流行起来。' },
      ...rest.map((block) => (block.layer === 'zh' ? { ...block, id: 'docker-p3' } : block)),
    ];
    expect(first).toBeDefined();
    const found = anchor(split, target);
    expect(found).toMatchObject({ blockId: 'docker-p2', method: 'quote-in-document' });
    expect(textAt(split, found)).toBe('就是因为易用');
  });

  test('its old block id now names another block with the same word: the context decides', () => {
    const target = stored(before, 'docker-p1', 'zh', 'Docker', 1);
    const doc: LayerDocument = [
      { id: 'docker-p1', layer: 'zh', text: '新插入的一段，也提到了Docker这个词。' },
      { id: 'docker-p2', layer: 'zh', text: before[0]?.text ?? '' },
    ];
    const found = anchor(doc, target);
    expect(found).toMatchObject({ blockId: 'docker-p2', method: 'quote-in-document', start: target.start });
  });

  test('with no context to tell them apart, the block nearest the old one', () => {
    const doc: LayerDocument = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, layer: 'en', text: id === 'c' ? 'nothing' : 'Kubernetes' }));
    const target: Anchor = { blockId: 'c', layer: 'en', start: 0, end: 10, exact: 'Kubernetes', prefix: '', suffix: '' };
    expect(anchor(doc, target)).toMatchObject({ blockId: 'b', method: 'quote-in-document' });
  });

  test('never in the other layer', () => {
    const target = stored(before, 'docker-p1', 'en', 'caught on because');
    const chineseOnly = before.filter((block) => block.layer === 'zh');
    expect(anchor(chineseOnly, target)).toBeNull();
  });

  test('never across a block boundary', () => {
    const doc: LayerDocument = [
      { id: 'a', layer: 'zh', text: '第一段结尾。' },
      { id: 'b', layer: 'zh', text: '第二段开头。' },
    ];
    const target: Anchor = { blockId: 'a', layer: 'zh', start: 3, end: 9, exact: '结尾。第二段', prefix: '', suffix: '' };
    expect(anchor(doc, target)).toBeNull();
  });
});

describe('a short quote away from its place needs its surroundings', () => {
  test('one character whose surroundings are gone is orphaned, not pinned to another 的', () => {
    const target = stored(before, 'docker-p2', 'zh', '的', 1);
    const after = edit(before, 'docker-p2', 'zh', () => '这一段完全重写了，只剩下同样的一个字的用法。');
    expect(anchor(after, target)).toBeNull();
  });

  test('one character whose surroundings moved with it is found', () => {
    const target = stored(before, 'docker-p2', 'zh', '的', 1);
    const after = edit(before, 'docker-p2', 'zh', (text) => `前面加了一句。${text}`);
    const found = anchor(after, target);
    expect(found).toMatchObject({ method: 'quote-in-block', start: target.start + 7 });
  });
});

describe('(d) fuzzy', () => {
  test('words with a character changed are found, scored, on the new words', () => {
    const target = stored(before, 'docker-p2', 'zh', '而这样的阴影被可爱的蓝鲸治愈了');
    const after = edit(before, 'docker-p2', 'zh', (text) => text.replace('可爱的蓝鲸', '可爱的小鲸'));
    const found = anchor(after, target);
    expect(found?.method).toBe('fuzzy');
    expect(found?.score).toBeGreaterThan(0.9);
    expect(found?.score).toBeLessThanOrEqual(1);
    expect(textAt(after, found)).toBe('而这样的阴影被可爱的小鲸治愈了');
  });

  test('words with two characters changed, in a block that also moved, are found', () => {
    const target = stored(before, 'docker-p1', 'en', 'a light use of kernel features');
    const after: LayerDocument = [
      { id: 'intro', layer: 'en', text: 'A new first paragraph.' },
      ...edit(before, 'docker-p1', 'en', (text) => text.replace('light use of kernel', 'light use of Linux')).map((block) =>
        block.layer === 'en' ? { ...block, id: 'moved' } : block,
      ),
    ];
    const found = anchor(after, target);
    expect(found).toMatchObject({ blockId: 'moved', method: 'fuzzy' });
    expect(textAt(after, found)).toBe('a light use of Linux features');
  });

  test('words that no longer exist anywhere are orphaned, not matched to text that looks alike', () => {
    const target = stored(before, 'docker-p2', 'zh', '原本因为CSP留下的心理阴影');
    const after = edit(before, 'docker-p2', 'zh', (text) => text.replace('原本因为CSP留下的心理阴影，', ''));
    expect(anchor(after, target)).toBeNull();
    const gone: Anchor = { ...target, exact: '容器编排的复杂程度远超想象', prefix: '完全无关的', suffix: '上下文。' };
    expect(anchor(before, gone)).toBeNull();
  });

  test('similar words in unrelated surroundings are not enough', () => {
    const target: Anchor = { blockId: 'x', layer: 'zh', start: 0, end: 8, exact: '被可爱的蓝鲸治愈', prefix: '完全不同的上下文，完全不同的上下文，', suffix: '，另一段毫不相干的话。' };
    expect(anchor(before, { ...target, exact: '被可爱的白鲸治愈' })).toBeNull();
  });

  test('the minimum score and the error allowance are options', () => {
    const target = stored(before, 'docker-p2', 'zh', '而这样的阴影被可爱的蓝鲸治愈了');
    const after = edit(before, 'docker-p2', 'zh', (text) => text.replace('可爱的蓝鲸', '可爱的小鲸'));
    expect(anchor(after, target, { minFuzzyScore: 0.99 })).toBeNull();
    expect(anchor(after, target, { maxFuzzyErrorRatio: 0 })).toBeNull();
    expect(anchor(after, target, { minFuzzyScore: 0.5 })?.method).toBe('fuzzy');
  });
});

describe('anchorAll', () => {
  test('anchors each target in order, with null for the orphaned', () => {
    const targets = [
      stored(before, 'docker-p1', 'zh', 'Docker', 1),
      { ...stored(before, 'docker-p2', 'zh', '蓝鲸'), exact: '完全不存在的词语组合' },
      stored(before, 'docker-p1', 'en', 'Docker', 1),
    ];
    const results = anchorAll(before, targets);
    expect(results.map((result) => result?.method ?? null)).toEqual(['position', null, 'position']);
    expect(results.map((result) => textAt(before, result) ?? null)).toEqual(['Docker', null, 'Docker']);
  });

  test('a quote of whitespace only is orphaned', () => {
    expect(anchor(before, { blockId: 'docker-p1', layer: 'zh', start: 0, end: 2, exact: '  ', prefix: '', suffix: '' })).toBeNull();
  });
});
