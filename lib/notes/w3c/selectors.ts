/**
 * The stored form of a passage, in the W3C Web Annotation Data Model: a target's `selector` is
 *   [ { type: 'TextQuoteSelector', exact, prefix, suffix },
 *     { type: 'CssSelector', value: <the block>, refinedBy: { type: 'TextPositionSelector', start, end } } ]
 * Either selector alone can find the passage again; `anchor` uses both. Selectors read back are
 * checked by the same schema as the API's requests, so the two agree on what a passage is.
 */
import { cssSelectorFor } from '../anchoring/css-selector';
import type { Anchor } from '../anchoring/types';
import { selectorsSchema } from './target-schema';
import { coded } from './validation';

export type TextQuoteSelector = { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string };
export type TextPositionSelector = { type: 'TextPositionSelector'; start: number; end: number };
export type CssSelector = { type: 'CssSelector'; value: string; refinedBy: TextPositionSelector };
export type W3CSelectors = [TextQuoteSelector, CssSelector];

/**
 * A target's `selector` list as the API accepts it (target-schema.ts): one
 * TextQuoteSelector and one CssSelector of ours refined by a TextPositionSelector spanning exactly
 * the quote, in either order; parses to an `Anchor`, or fails with `annotation.selectorInvalid`.
 */
export const w3cSelectorsSchema = coded(selectorsSchema, 'annotation.selectorInvalid').transform(
  (passage): Anchor => ({ ...passage, prefix: passage.prefix ?? '', suffix: passage.suffix ?? '' }),
);

/** The stored selectors of an anchor (see `describe`). */
export function toW3CSelectors(anchor: Anchor): W3CSelectors {
  return [
    { type: 'TextQuoteSelector', exact: anchor.exact, prefix: anchor.prefix, suffix: anchor.suffix },
    {
      type: 'CssSelector',
      value: cssSelectorFor(anchor.blockId, anchor.layer),
      refinedBy: { type: 'TextPositionSelector', start: anchor.start, end: anchor.end },
    },
  ];
}

/** The anchor stored in a target's `selector` list, or null when it is not one of ours or is malformed. */
export function fromW3CSelectors(selectors: unknown): Anchor | null {
  const parsed = w3cSelectorsSchema.safeParse(selectors);
  return parsed.success ? parsed.data : null;
}
