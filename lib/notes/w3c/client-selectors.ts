/**
 * The selectors a W3C client may send to say where its note goes, read into one `Selection`:
 *   - a TextQuoteSelector (the words, with some text around them), alone as most clients send it;
 *   - a TextPositionSelector over the whole text (as Hypothesis-style clients add to the quote),
 *     taken as a hint of where the words are, since what "the whole text" counts differs by client;
 *   - a block: a CssSelector of ours (`[data-block="<id>"]`, `#gloss-<id> > .gloss-text`) or a
 *     FragmentSelector naming it (`<id>` for the Chinese, `gloss-<id>` for its English gloss),
 *     optionally refined by a TextPositionSelector in the block or a TextQuoteSelector;
 *   - the page's own pair: a TextQuoteSelector and a CssSelector refined by a TextPositionSelector.
 * The selectors of a list are alternatives that name the same words; at most one of each kind.
 * The server then finds the words in the post (lib/notes/anchor-selection.ts). Every issue is
 * `annotation.selectorInvalid`. Pure and client-safe.
 */
import { z } from 'zod';
import { codePoints, storableText } from '../../ugc/text';
import { isBlockId, parseCssSelector } from '../anchoring/css-selector';
import type { NoteLayer } from '../types';
import { CONTEXT_MAX, EXACT_MAX, POSITION_MAX } from './limits';

const SELECTOR_INVALID = 'annotation.selectorInvalid';

const quoteSchema = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z
    .string()
    .refine((exact) => exact !== '' && codePoints(exact) <= EXACT_MAX)
    .transform(storableText),
  prefix: z.string().refine((text) => codePoints(text) <= CONTEXT_MAX).transform(storableText).optional(),
  suffix: z.string().refine((text) => codePoints(text) <= CONTEXT_MAX).transform(storableText).optional(),
});

const positionSchema = z
  .object({ type: z.literal('TextPositionSelector'), start: z.int().min(0).max(POSITION_MAX), end: z.int().min(1).max(POSITION_MAX) })
  .refine((selector) => selector.start < selector.end);

const refinementSchema = z.discriminatedUnion('type', [quoteSchema, positionSchema]);

const cssSchema = z.object({
  type: z.literal('CssSelector'),
  value: z
    .string()
    .max(200)
    .transform((value, context) => parseCssSelector(value) ?? (context.addIssue({ code: 'custom', message: SELECTOR_INVALID, input: value }), z.NEVER)),
  refinedBy: refinementSchema.optional(),
});

/** `<id>` names the Chinese block, `gloss-<id>` its English gloss; a leading `#` is allowed. */
function blockOfFragment(value: string): { blockId: string; layer: NoteLayer } | null {
  const fragment = value.replace(/^#/, '');
  if (fragment.startsWith('gloss-') && isBlockId(fragment.slice('gloss-'.length))) return { blockId: fragment.slice('gloss-'.length), layer: 'en' };
  return isBlockId(fragment) ? { blockId: fragment, layer: 'zh' } : null;
}

const fragmentSchema = z.object({
  type: z.literal('FragmentSelector'),
  conformsTo: z.string().max(200).optional(),
  value: z
    .string()
    .max(200)
    .transform((value, context) => blockOfFragment(value) ?? (context.addIssue({ code: 'custom', message: SELECTOR_INVALID, input: value }), z.NEVER)),
  refinedBy: refinementSchema.optional(),
});

const selectorSchema = z.discriminatedUnion('type', [quoteSchema, positionSchema, cssSchema, fragmentSchema]);

export type Quote = { exact: string; prefix: string | null; suffix: string | null };
export type Span = { start: number; end: number };

/** Where a client says its note goes; at least a quote or a block. */
export type Selection = {
  quote: Quote | null;
  block: { blockId: string; layer: NoteLayer } | null;
  /** A position within the block's text. */
  inBlock: Span | null;
  /** A position within the whole text of the post. */
  inText: Span | null;
};

const quoteOf = (selector: z.output<typeof quoteSchema>): Quote => ({ exact: selector.exact, prefix: selector.prefix || null, suffix: selector.suffix || null });
const spanOf = (selector: z.output<typeof positionSchema>): Span => ({ start: selector.start, end: selector.end });

export const selectionSchema = z
  .union([selectorSchema.transform((selector) => [selector]), z.array(selectorSchema).min(1).max(4)])
  .transform((selectors, context): Selection => {
    const quotes: Quote[] = [];
    const blocks: Array<Selection['block'] & {}> = [];
    const inBlock: Span[] = [];
    const inText: Span[] = [];
    for (const selector of selectors) {
      if (selector.type === 'TextQuoteSelector') quotes.push(quoteOf(selector));
      else if (selector.type === 'TextPositionSelector') inText.push(spanOf(selector));
      else {
        blocks.push(selector.value);
        if (selector.refinedBy?.type === 'TextQuoteSelector') quotes.push(quoteOf(selector.refinedBy));
        if (selector.refinedBy?.type === 'TextPositionSelector') inBlock.push(spanOf(selector.refinedBy));
      }
    }
    const sameBlock = blocks.every((block) => block.blockId === blocks[0]?.blockId && block.layer === blocks[0]?.layer);
    if (quotes.length + blocks.length === 0 || !sameBlock || inBlock.length > 1 || inText.length > 1 || quotes.length > 1) {
      context.addIssue({ code: 'custom', message: SELECTOR_INVALID, input: selectors });
      return z.NEVER;
    }
    return { quote: quotes[0] ?? null, block: blocks[0] ?? null, inBlock: inBlock[0] ?? null, inText: inText[0] ?? null };
  });
