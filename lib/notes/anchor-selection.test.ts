import { beforeAll, describe, expect, test } from 'vitest';
import { postLayers, SEED_DIR, SEED_STEM, type PostLayers } from '@/test/fixtures/notes/post-layers';
import { anchorSelection } from './anchor-selection';
import { describe as describeSelection } from './anchoring/describe';
import type { Anchor, Layer } from './anchoring/types';
import { selectionSchema } from './w3c/client-selectors';

let seed: PostLayers;
beforeAll(async () => {
  seed = await postLayers(SEED_DIR, SEED_STEM);
}, 120_000);

/** What the page itself describes when a reader selects `[start, end)` of the block. */
const pageAnchor = (blockId: string, layer: Layer, start: number, end: number): Anchor => {
  const anchor = describeSelection(seed.blocks, blockId, layer, start, end);
  if (!anchor) throw new Error(`no text at ${blockId} ${start}..${end}`);
  return anchor;
};
const anchorOf = (selectors: unknown) => anchorSelection(seed.blocks, selectionSchema.parse(selectors));
/** Where a block's text starts in its layer's whole text (blocks joined by `\n`). */
const offsetOf = (blockId: string, layer: Layer) => {
  let offset = 0;
  for (const block of seed.blocks.filter((each) => each.layer === layer)) {
    if (block.id === blockId) return offset;
    offset += block.text.length + 1;
  }
  throw new Error(`no block ${blockId}`);
};

describe.each([
  { layer: 'zh' as const, start: 5, end: 11, exact: 'Docker', prefix: '很多人都说', suffix: '只不过是把内核', css: '[data-block="docker-p2"]', fragment: 'docker-p2' },
  { layer: 'en' as const, start: 68, end: 83, exact: 'kernel features', prefix: 'a few ', suffix: ', such as', css: '#gloss-docker-p2 > .gloss-text', fragment: 'gloss-docker-p2' },
])('in the $layer layer, every form lands on the words the page selected', ({ layer, start, end, exact, prefix, suffix, css, fragment }) => {
  const quote = { type: 'TextQuoteSelector', exact, prefix, suffix };

  test('the text is as the page has it', () => {
    expect(pageAnchor('docker-p2', layer, start, end).exact).toBe(exact);
  });

  test.each([
    ['a lone TextQuoteSelector', () => quote],
    ['a TextQuoteSelector with a TextPositionSelector over the whole text', () => [quote, { type: 'TextPositionSelector', start: offsetOf('docker-p2', layer) + start, end: offsetOf('docker-p2', layer) + end }]],
    ['a TextQuoteSelector with a TextPositionSelector that counts differently', () => [quote, { type: 'TextPositionSelector', start: 3, end: 3 + exact.length }]],
    ['a FragmentSelector refined by a TextQuoteSelector', () => ({ type: 'FragmentSelector', value: fragment, refinedBy: quote })],
    ['a CssSelector and a TextQuoteSelector', () => [{ type: 'CssSelector', value: css }, quote]],
    ['a CssSelector refined by a TextPositionSelector', () => ({ type: 'CssSelector', value: css, refinedBy: { type: 'TextPositionSelector', start, end } })],
    ['a FragmentSelector refined by a TextPositionSelector', () => ({ type: 'FragmentSelector', value: `#${fragment}`, refinedBy: { type: 'TextPositionSelector', start, end } })],
  ])('%s', (_, selectors) => {
    expect(anchorOf(selectors())).toEqual(pageAnchor('docker-p2', layer, start, end));
  });

  test("the page's own pair keeps the surroundings it sent", () => {
    const pair = [quote, { type: 'CssSelector', value: css, refinedBy: { type: 'TextPositionSelector', start, end } }];
    expect(anchorOf(pair)).toEqual({ blockId: 'docker-p2', layer, start, end, exact, prefix, suffix });
  });
});

describe('what is found and what is refused', () => {
  test('a quote too short to prove itself by its words alone is still taken where it occurs', () => {
    const found = anchorOf({ type: 'TextQuoteSelector', exact: '内核' });
    expect(found?.exact).toBe('内核');
    expect(found?.layer).toBe('zh');
  });

  test('without a block, the Chinese is searched first, then the English gloss', () => {
    expect(anchorOf({ type: 'TextQuoteSelector', exact: 'kernel features', prefix: 'a few ' })?.layer).toBe('en');
  });

  test("the page's own pair is taken as it is, even on words the post no longer has", () => {
    const pair = [
      { type: 'TextQuoteSelector', exact: '老师其实讲得挺清楚的', prefix: '后来补课的时候才发现，' },
      { type: 'CssSelector', value: '[data-block="docker-p1"]', refinedBy: { type: 'TextPositionSelector', start: 40, end: 50 } },
    ];
    expect(anchorOf(pair)).toEqual({ blockId: 'docker-p1', layer: 'zh', start: 40, end: 50, exact: '老师其实讲得挺清楚的', prefix: '后来补课的时候才发现，', suffix: '' });
  });

  test('a block alone is the whole block', () => {
    const text = seed.blocks.find((block) => block.id === 'docker-p2' && block.layer === 'zh')?.text ?? '';
    expect(anchorOf({ type: 'FragmentSelector', value: 'docker-p2' })).toEqual(pageAnchor('docker-p2', 'zh', 0, text.length));
  });

  test.each([
    ['words not in the post', { type: 'TextQuoteSelector', exact: '这句话不在文章里' }],
    ['words a little unlike any in the post', { type: 'TextQuoteSelector', exact: 'Dockre只不过是把内核' }],
    ['words of the other layer in a block of this one', [{ type: 'CssSelector', value: '[data-block="docker-p2"]' }, { type: 'TextQuoteSelector', exact: 'kernel features' }]],
    ['a block the post does not have', { type: 'FragmentSelector', value: 'nowhere-p9' }],
  ])('no anchor for %s', (_, selectors) => {
    expect(anchorOf(selectors)).toBeNull();
  });

  test.each([
    ['no selector at all', []],
    ['two quotes', [{ type: 'TextQuoteSelector', exact: 'a' }, { type: 'TextQuoteSelector', exact: 'b' }]],
    ['two different blocks', [{ type: 'FragmentSelector', value: 'docker-p2' }, { type: 'CssSelector', value: '[data-block="docker-p3"]' }]],
    ['a position alone', { type: 'TextPositionSelector', start: 0, end: 4 }],
    ['a CssSelector not of ours', { type: 'CssSelector', value: 'p:nth-child(2)' }],
    ['a FragmentSelector that is not a block id', { type: 'FragmentSelector', value: 't=10,20' }],
    ['an XPathSelector', { type: 'XPathSelector', value: '/html/body/p[2]' }],
  ])('%s is not a selection', (_, selectors) => {
    const parsed = selectionSchema.safeParse(selectors);
    expect(parsed.success).toBe(false);
  });
});
