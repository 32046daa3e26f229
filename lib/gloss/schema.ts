/**
 * The gloss file an author writes beside a post (`<post>.gloss.yaml`): an English rendering per
 * block, keyed by block id and the fingerprint of the Chinese it translates, and curated phrase
 * glosses. Validated here; nothing else reads the YAML.
 */
import { z } from 'zod';

const text = z.string().trim();

export const blockGlossSchema = z.object({
  /** The `data-block` id of the block translated. */
  id: text.min(1),
  /** Fingerprint of the Chinese this English was written for (see fingerprint.ts). */
  source: z.string().regex(/^[0-9a-f]{10}$/, 'must be the 10-character fingerprint gloss:scaffold writes'),
  /** The Chinese as it was when translated, so a stale gloss can show what changed. */
  zh: z.string(),
  /** The English, as inline markdown (links and code kept). Empty means not yet translated. */
  en: z.string().nullish().transform((value) => (value ?? '').trim()),
});

export const phraseGlossSchema = z.object({
  zh: text.min(1),
  pinyin: text.min(1),
  en: text.min(1),
  note: text.nullish().transform((value) => value || null),
});

export const glossFileSchema = z.object({
  blocks: z.array(blockGlossSchema).nullish().transform((value) => value ?? []),
  phrases: z.array(phraseGlossSchema).nullish().transform((value) => value ?? []),
});

export type BlockGloss = z.output<typeof blockGlossSchema>;
export type PhraseGloss = z.output<typeof phraseGlossSchema>;
export type GlossFile = z.output<typeof glossFileSchema>;
