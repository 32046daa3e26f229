/**
 * The glossary a post page loads for word help: its schema and types. Pure and client-safe: the
 * word-help popover loads it with the glossary (hence zod/mini, the small build of zod); looking
 * a word up is in glossary-lookup.ts.
 */
import * as z from '../browser-zod';

export const glossaryEntrySchema = z.object({
  /** Reading with tone marks, syllables of the word joined (zhǐyào). */
  pinyin: z.string(),
  /** The sense that fits the word here. */
  sense: z.string(),
  /** Where the sense comes from: an author's curated gloss, CC-CEDICT, or CC-CEDICT piece by piece. */
  source: z.enum(['curated', 'dictionary', 'pieces']),
  note: z.optional(z.string()),
});

export const glossarySchema = z.object({
  license: z.string(),
  words: z.record(z.string(), glossaryEntrySchema),
  /** Each block's words: `[start, end, start, end, ...]` offsets in its text, readings left out. */
  blocks: z.record(z.string(), z.array(z.number())),
});

export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;
export type Glossary = z.infer<typeof glossarySchema>;
