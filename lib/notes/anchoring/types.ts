/**
 * The vocabulary of anchoring. A post is read as two layers of text, the Chinese (`zh`) and the
 * English gloss (`en`); each layer is the post's blocks in reading order. A passage is a span of
 * one block's text, counted in UTF-16 code units as DOM offsets are, where the block's text is
 * the concatenation of its text nodes without pinyin (`rt`, `rp`).
 */

export type Layer = 'zh' | 'en';

/** One block of one layer: `text` exactly as the page shows it (whitespace not collapsed). */
export type LayerBlock = { id: string; layer: Layer; text: string };

/** The blocks of a post in reading order; blocks of both layers may be mixed. Read, never changed. */
export type LayerDocument = readonly LayerBlock[];

/** A span of one block's text: `start` inclusive, `end` exclusive. */
export type TextSpan = { blockId: string; layer: Layer; start: number; end: number };

/**
 * What is stored for a passage: where it was, and the words with their surroundings, so it can
 * be found again after the post is edited.
 */
export type Anchor = TextSpan & {
  /** The passage, as it was in the block's text. */
  exact: string;
  /** Text just before the passage (possibly from earlier blocks of the layer, joined by `\n`). */
  prefix: string;
  /** Text just after the passage (possibly from later blocks of the layer, joined by `\n`). */
  suffix: string;
};

/**
 * How a passage was found again: at its stored position, elsewhere in its block, elsewhere in the
 * layer, or by approximate matching of words that changed a little.
 */
export type AnchorMethod = 'position' | 'quote-in-block' | 'quote-in-document' | 'fuzzy';

export type AnchorResult = TextSpan & {
  method: AnchorMethod;
  /** For `fuzzy` only: how well the words and their surroundings agree, from 0 to 1. */
  score?: number;
};

export type AnchorOptions = {
  /** A fuzzy match is accepted from this score (0..1) upward. Default 0.7. */
  minFuzzyScore?: number;
  /** Edits allowed in a fuzzy match, as a fraction of the quote's length. Default 0.25. */
  maxFuzzyErrorRatio?: number;
};
