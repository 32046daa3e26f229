/**
 * The stored W3C form of a passage and the CssSelector values naming a block: what is written,
 * what is read back, and that anything else a client might send is refused.
 */
import { describe, expect, test } from 'vitest';
import { BLOCK_ID_PATTERN, cssSelectorFor, parseCssSelector } from '../anchoring/css-selector';
import type { Anchor } from '../anchoring/types';
import { CONTEXT_MAX, EXACT_MAX } from './target-schema';
import { fromW3CSelectors, toW3CSelectors, w3cSelectorsSchema } from './selectors';

const chinese: Anchor = { blockId: 'docker-p2', layer: 'zh', start: 5, end: 11, exact: 'Docker', prefix: '很多人都说', suffix: '只不过是' };
const english: Anchor = { blockId: '结-p1', layer: 'en', start: 40, end: 65, exact: 'May the Force be with me.', prefix: 'minutes. ', suffix: '' };

describe('CssSelector values', () => {
  test('name a Chinese block by data-block and an English one by its gloss', () => {
    expect(cssSelectorFor('docker-p2', 'zh')).toBe('[data-block="docker-p2"]');
    expect(cssSelectorFor('docker-p2', 'en')).toBe('#gloss-docker-p2 > .gloss-text');
    expect(cssSelectorFor('结-h', 'en')).toBe('#gloss-结-h > .gloss-text');
  });

  test('read back to the block and layer', () => {
    expect(parseCssSelector('[data-block="docker-p2"]')).toEqual({ blockId: 'docker-p2', layer: 'zh' });
    expect(parseCssSelector('#gloss-docker-p2 > .gloss-text')).toEqual({ blockId: 'docker-p2', layer: 'en' });
    expect(parseCssSelector('[data-block="结-p1"]')).toEqual({ blockId: '结-p1', layer: 'zh' });
    expect(parseCssSelector('#gloss-2016_年-h > .gloss-text')).toEqual({ blockId: '2016_年-h', layer: 'en' });
  });

  test.each([
    '',
    'p',
    '#docker-p2',
    '.gloss-text',
    '[data-block=docker-p2]',
    "[data-block='docker-p2']",
    '[data-block="docker-p2"] ',
    ' [data-block="docker-p2"]',
    '[data-block="docker-p2"], script',
    '[data-block="a"],[data-block="b"]',
    '[data-block="a"] span',
    '[data-block=""]',
    '[data-block="docker p2"]',
    '[data-block="a\\"]"]',
    '[data-block="a.b"]',
    `[data-block="${'a'.repeat(101)}"]`,
    '#gloss-docker-p2 .gloss-text',
    '#gloss-docker-p2>.gloss-text',
    '#gloss- > .gloss-text',
    '#gloss-a > .gloss-text, #gloss-b > .gloss-text',
    '#gloss-a b > .gloss-text',
    '#gloss-docker-p2 > .gloss-stale',
    '#gloss-docker-p2 > .gloss-text > p',
  ])('refuse %j', (value) => {
    expect(parseCssSelector(value)).toBeNull();
  });

  test('a block id is letters, digits, _ and -, 1 to 100 of them', () => {
    expect(BLOCK_ID_PATTERN.test('a'.repeat(100))).toBe(true);
    expect(BLOCK_ID_PATTERN.test('a'.repeat(101))).toBe(false);
    expect(() => cssSelectorFor('a"]', 'zh')).toThrow(RangeError);
    expect(() => cssSelectorFor('', 'en')).toThrow(RangeError);
  });
});

describe('W3C selectors', () => {
  test('store a quote selector and a CssSelector refined by the position', () => {
    expect(toW3CSelectors(chinese)).toEqual([
      { type: 'TextQuoteSelector', exact: 'Docker', prefix: '很多人都说', suffix: '只不过是' },
      { type: 'CssSelector', value: '[data-block="docker-p2"]', refinedBy: { type: 'TextPositionSelector', start: 5, end: 11 } },
    ]);
    expect(toW3CSelectors(english)[1]).toEqual({
      type: 'CssSelector',
      value: '#gloss-结-p1 > .gloss-text',
      refinedBy: { type: 'TextPositionSelector', start: 40, end: 65 },
    });
  });

  test('read back to the same anchor, through JSON, in either order', () => {
    for (const anchor of [chinese, english]) {
      const stored = JSON.parse(JSON.stringify(toW3CSelectors(anchor))) as unknown;
      expect(fromW3CSelectors(stored)).toEqual(anchor);
      const [quote, css] = toW3CSelectors(anchor);
      expect(fromW3CSelectors([css, quote])).toEqual(anchor);
    }
  });

  test('a quote selector without prefix or suffix (both optional in W3C) reads as empty context', () => {
    const [, css] = toW3CSelectors(chinese);
    expect(fromW3CSelectors([{ type: 'TextQuoteSelector', exact: 'Docker' }, css])).toEqual({ ...chinese, prefix: '', suffix: '' });
  });

  const [quote, css] = toW3CSelectors(chinese);
  const position = css.refinedBy;
  test.each([
    ['not an array', { selector: [quote, css] }],
    ['null', null],
    ['one selector', [quote]],
    ['three selectors', [quote, css, quote]],
    ['two quote selectors', [quote, quote]],
    ['two css selectors', [css, css]],
    ['an unknown selector type', [quote, { ...css, type: 'XPathSelector' }]],
    ['a css selector without its position', [quote, { type: 'CssSelector', value: css.value }]],
    ['a css selector that is not ours', [quote, { ...css, value: 'p:nth-child(3)' }]],
    ['a block id that could break out of the selector', [quote, { ...css, value: '[data-block="a"],[data-block="b"]' }]],
    ['a negative offset', [quote, { ...css, refinedBy: { ...position, start: -1, end: 5 } }]],
    ['a fractional offset', [quote, { ...css, refinedBy: { ...position, start: 5.5, end: 11.5 } }]],
    ['offsets as strings', [quote, { ...css, refinedBy: { ...position, start: '5', end: '11' } }]],
    ['a position not as long as the quote', [quote, { ...css, refinedBy: { ...position, end: 12 } }]],
    ['a reversed position', [{ ...quote, exact: 'D' }, { ...css, refinedBy: { ...position, start: 6, end: 5 } }]],
    ['an empty quote', [{ ...quote, exact: '' }, { ...css, refinedBy: { ...position, end: 5 } }]],
    ['a quote that is not text', [{ ...quote, exact: 6 }, css]],
    ['a quote too long', [{ ...quote, exact: 'x'.repeat(EXACT_MAX + 1) }, { ...css, refinedBy: { ...position, end: 5 + EXACT_MAX + 1 } }]],
    ['a prefix too long', [{ ...quote, prefix: 'x'.repeat(CONTEXT_MAX + 1) }, css]],
  ])('refuse %s', (_, input) => {
    expect(fromW3CSelectors(input)).toBeNull();
    const parsed = w3cSelectorsSchema.safeParse(input);
    expect(parsed.success).toBe(false);
  });

  test('every refusal carries the stable error code', () => {
    const parsed = w3cSelectorsSchema.safeParse([quote, { ...css, value: '#nope' }]);
    expect(parsed.success ? [] : parsed.error.issues.map((issue) => issue.message)).toEqual(['annotation.selectorInvalid']);
    const badOffset = w3cSelectorsSchema.safeParse([quote, { ...css, refinedBy: { ...position, start: -1 } }]);
    expect(badOffset.success ? [] : badOffset.error.issues.map((issue) => issue.message)).toEqual(['annotation.selectorInvalid']);
    const twoQuotes = w3cSelectorsSchema.safeParse([quote, quote]);
    expect(twoQuotes.success ? [] : twoQuotes.error.issues.map((issue) => issue.message)).toEqual(['annotation.selectorInvalid']);
  });
});
