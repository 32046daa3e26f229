/**
 * The last resort of anchoring: words that differ from the stored quote by a few edits (a typo
 * fixed, a word swapped), found with approx-string-match (Myers' bit-parallel algorithm) in the
 * old block and in the whole layer. Up to a quarter of the quote may differ. A match is scored
 * half on how close the words are and half on how well its surroundings agree with the stored
 * prefix and suffix, and is only accepted from a minimum score, so a passage whose words are gone
 * is orphaned rather than pinned to text that merely looks alike.
 */
import search from 'approx-string-match';
import { keyAfter, keyBefore, similarity, type ExpectedContext } from './context';
import { blockAt, type IndexedBlock, type IndexedLayer } from './document-index';
import { originalSpan } from './normalise';
import type { AnchorOptions } from './types';

export const DEFAULT_MIN_FUZZY_SCORE = 0.7;
export const DEFAULT_MAX_FUZZY_ERROR_RATIO = 0.25;
const QUOTE_WEIGHT = 0.5;
const SIDE_WEIGHT = 0.25;
/**
 * Context characters compared on each side. Edit distance is quadratic in this, and a short
 * quote can have hundreds of equally close matches ("then" is one edit from every "the ").
 */
const FUZZY_CONTEXT = 32;

export type FuzzyMatch = { block: IndexedBlock; start: number; end: number; score: number };

type Scored = FuzzyMatch & { inHome: boolean; blocksAway: number; charactersAway: number };

/** As `sideAgreement`: no stored context is a neutral half. */
function sideSimilarity(expected: string, actual: string): number {
  return expected.length === 0 ? 0.5 : similarity(expected, actual);
}

const better = (a: Scored, b: Scored) =>
  a.score !== b.score
    ? a.score > b.score
    : a.inHome !== b.inHome
      ? a.inHome
      : a.blocksAway !== b.blocksAway
        ? a.blocksAway < b.blocksAway
        : a.charactersAway < b.charactersAway;

export function fuzzyMatch(
  layer: IndexedLayer,
  home: IndexedBlock | undefined,
  quote: string,
  context: ExpectedContext,
  oldStart: number,
  options: AnchorOptions,
): FuzzyMatch | null {
  const maxErrors = Math.floor(quote.length * (options.maxFuzzyErrorRatio ?? DEFAULT_MAX_FUZZY_ERROR_RATIO));
  // With no edit allowed this is the exact search again, which has already failed.
  if (maxErrors < 1) return null;
  const minScore = options.minFuzzyScore ?? DEFAULT_MIN_FUZZY_SCORE;
  const prefix = context.prefix.slice(-FUZZY_CONTEXT);
  const suffix = context.suffix.slice(0, FUZZY_CONTEXT);
  const matches: Scored[] = [];
  const consider = (block: IndexedBlock, start: number, end: number, errors: number) => {
    const quoteScore = QUOTE_WEIGHT * (1 - errors / quote.length);
    const before = sideSimilarity(prefix, keyBefore(layer.text, block.offset + start, prefix.length));
    // Not even full agreement after the words could lift this one to the minimum.
    if (quoteScore + SIDE_WEIGHT * (before + 1) < minScore) return;
    const after = sideSimilarity(suffix, keyAfter(layer.text, block.offset + end, suffix.length));
    const inHome = block === home;
    matches.push({
      block,
      start,
      end,
      score: quoteScore + SIDE_WEIGHT * before + SIDE_WEIGHT * after,
      inHome,
      blocksAway: home ? Math.abs(block.order - home.order) : 0,
      charactersAway: inHome ? Math.abs(originalSpan(block.normalised, start, end).start - oldStart) : 0,
    });
  };
  // The layer-wide search reports only the fewest-error matches; searching the old block too
  // keeps a near match there in the running against a slightly closer one far away.
  if (home) for (const match of search(home.normalised.text, quote, maxErrors)) consider(home, match.start, match.end, match.errors);
  for (const match of search(layer.text, quote, maxErrors)) {
    const block = blockAt(layer, match.start);
    if (!block || match.end > block.offset + block.normalised.text.length) continue;
    consider(block, match.start - block.offset, match.end - block.offset, match.errors);
  }
  const found = matches.reduce<Scored | null>((best, match) => (!best || better(match, best) ? match : best), null);
  if (!found || found.score < minScore) return null;
  return { block: found.block, start: found.start, end: found.end, score: found.score };
}
