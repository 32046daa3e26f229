/**
 * What an annotation may target: a passage of a post, located by the selectors any W3C client
 * may send (client-selectors.ts), which the server anchors in the post's text; or another note,
 * by its IRI, for a reply. The stored form of a passage (`selectorsSchema`, read back by
 * selectors.ts) is a TextQuoteSelector and a CssSelector (the block, in the Chinese or in its
 * English gloss) refined by a TextPositionSelector, exactly as the notes UI's anchoring describes
 * a selection; there the position must span exactly the quote, in UTF-16 code units as the DOM
 * counts them, so every stored passage is one the notes UI can anchor.
 * Which post or note an IRI names is checked against the site's origins by the caller. Pure and
 * client-safe.
 */
import { z } from 'zod';
import type { ErrorCode } from '../../http/errors';
import { codePoints, storableText } from '../../ugc/text';
import { parseCssSelector } from '../anchoring/css-selector';
import { selectionSchema, type Selection } from './client-selectors';
import { CONTEXT_MAX, EXACT_MAX, POSITION_MAX } from './limits';
import { coded, forwardIssues } from './validation';

export { CONTEXT_MAX, EXACT_MAX, POSITION_MAX } from './limits';

const textQuoteSelectorSchema = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z
    .string()
    .refine((exact) => exact !== '' && codePoints(exact) <= EXACT_MAX)
    .transform(storableText),
  prefix: z.string().refine((text) => codePoints(text) <= CONTEXT_MAX).transform(storableText).optional(),
  suffix: z.string().refine((text) => codePoints(text) <= CONTEXT_MAX).transform(storableText).optional(),
});

const textPositionSelectorSchema = z
  .object({ type: z.literal('TextPositionSelector'), start: z.int().min(0).max(POSITION_MAX), end: z.int().min(1).max(POSITION_MAX) })
  .refine((selector) => selector.start < selector.end);

const cssSelectorSchema = z.object({
  type: z.literal('CssSelector'),
  value: z
    .string()
    .max(200)
    .transform((value, context) => parseCssSelector(value) ?? (context.addIssue({ code: 'custom', message: 'annotation.selectorInvalid', input: value }), z.NEVER)),
  refinedBy: textPositionSelectorSchema,
});

const selectorSchema = z.discriminatedUnion('type', [textQuoteSelectorSchema, cssSelectorSchema]);

/** One TextQuoteSelector and one refined CssSelector spanning its quote, in either order, alone or in a list. */
export const selectorsSchema = z
  .union([selectorSchema.transform((selector) => [selector]), z.array(selectorSchema).max(4)])
  .transform((selectors, context) => {
    const quotes = selectors.filter((selector) => selector.type === 'TextQuoteSelector');
    const blocks = selectors.filter((selector) => selector.type === 'CssSelector');
    const [quote] = quotes;
    const [block] = blocks;
    const spansQuote = quote && block && block.refinedBy.end - block.refinedBy.start === quote.exact.length;
    if (quotes.length !== 1 || blocks.length !== 1 || !quote || !block || !spansQuote) {
      context.addIssue({ code: 'custom', message: 'annotation.selectorInvalid', input: selectors });
      return z.NEVER;
    }
    return {
      ...block.value,
      start: block.refinedBy.start,
      end: block.refinedBy.end,
      exact: quote.exact,
      prefix: quote.prefix || null,
      suffix: quote.suffix || null,
    };
  });

export type PassageInput = {
  kind: 'passage';
  /** The post's IRI as sent; which post it names is checked against the site's origins. */
  source: string;
  /** Where in the post, as the client's selectors say it; the server finds the words. */
  selection: Selection;
};
/** A reply: the target is the IRI of the note replied to. */
export type ReplyInput = { kind: 'reply'; parentIri: string };
export type TargetInput = PassageInput | ReplyInput;

const iriSchema = z.url({ protocol: /^https?$/, error: 'annotation.targetInvalid' }).max(2000, 'annotation.targetInvalid');

const passageSchema = z.object({
  type: z.literal('SpecificResource').optional(),
  source: coded(iriSchema, 'annotation.targetInvalid'),
  selector: coded(selectionSchema, 'annotation.selectorInvalid'),
});

const replyTargetSchema = z.object({ id: coded(iriSchema, 'annotation.targetInvalid') });

/** A passage of a post (`{source, selector}`) or another note (its IRI, or `{id}`); one target only. */
export const targetSchema = z.unknown().transform((value, context): TargetInput => {
  const single = Array.isArray(value) && value.length === 1 ? (value[0] as unknown) : value;
  const fail = (message: ErrorCode) => (context.addIssue({ code: 'custom', message, input: value }), z.NEVER);
  if (typeof single === 'string') {
    const parsed = iriSchema.safeParse(single);
    return parsed.success ? { kind: 'reply', parentIri: parsed.data } : fail('annotation.targetInvalid');
  }
  if (typeof single !== 'object' || single === null || Array.isArray(single)) return fail(single === undefined ? 'annotation.invalid' : 'annotation.targetInvalid');
  const schema = 'source' in single || 'selector' in single ? passageSchema : replyTargetSchema;
  const parsed = schema.safeParse(single, { error: () => 'annotation.targetInvalid' });
  if (!parsed.success) return forwardIssues(parsed.error, context, value);
  const data = parsed.data;
  return 'source' in data ? { kind: 'passage', source: data.source, selection: data.selector } : { kind: 'reply', parentIri: data.id };
});
