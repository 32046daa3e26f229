/**
 * Finding a stored passage again in the post as it is now. In order:
 *   (a) its stored block and position, when the words there are still the quote;
 *   (b) the quote elsewhere in its block;
 *   (c) the quote elsewhere in its layer (after a paragraph was split, or moved);
 *   (d) words that differ from the quote by a few edits (see fuzzy.ts);
 * else the passage is orphaned (null). All comparisons run on normalised text.
 *
 * Where the quote occurs more than once, the stored prefix and suffix decide, then nearness to the
 * old place. Words at the old position count as strong evidence; a quote found elsewhere must be
 * long enough, or agree with enough of its surroundings, to be more than a coincidence: "的"
 * alone is found in every sentence, and finding it somewhere proves nothing.
 */
import { agreementAfter, agreementBefore, expectedContext, sideAgreement, type ExpectedContext } from './context';
import { blockAt, indexDocument, type IndexedBlock, type IndexedDocument, type IndexedLayer } from './document-index';
import { fuzzyMatch } from './fuzzy';
import { normalise, normalisedSpan, originalSpan } from './normalise';
import type { Anchor, AnchorMethod, AnchorOptions, AnchorResult, LayerDocument } from './types';

/**
 * Evidence a match needs: its quote characters plus the context characters that agree, plus
 * `OLD_POSITION_EVIDENCE` at the stored position. So "Docker" is found anywhere, but "的" only
 * where at least a few characters around it are as they were.
 */
const MIN_EVIDENCE = 6;
const OLD_POSITION_EVIDENCE = 3;
/** Context agreement is 0..2 (prefix plus suffix); these tip a close call. */
const HOME_BLOCK_BONUS = 0.5;
const OLD_POSITION_BONUS = 0.25;

/** What one passage is being looked for with: its layer, old block and normalised old span. */
type Search = {
  layer: IndexedLayer;
  home: IndexedBlock | undefined;
  /** The old span in the home block's normalised text, if it still has one. */
  old: { start: number; end: number } | null;
  oldStart: number;
  quote: string;
  context: ExpectedContext;
};

type Candidate = {
  block: IndexedBlock;
  /** Normalised offsets within the block. */
  start: number;
  end: number;
  /** Both sides agree as far as the stored context goes. */
  fullAgreement: boolean;
  evidence: number;
  atOldPosition: boolean;
  rank: number;
  /** Distance from the old place: blocks apart, then characters apart. */
  blocksAway: number;
  charactersAway: number;
};

function candidateAt({ layer, home, old, oldStart, quote, context }: Search, block: IndexedBlock, start: number): Candidate {
  const end = start + quote.length;
  const before = agreementBefore(layer.text, block.offset + start, context.prefix);
  const after = agreementAfter(layer.text, block.offset + end, context.suffix);
  const inHome = block === home;
  const atOldPosition = inHome && old !== null && old.start === start && old.end === end;
  return {
    block,
    start,
    end,
    fullAgreement: before === context.prefix.length && after === context.suffix.length,
    evidence: quote.length + before + after + (atOldPosition ? OLD_POSITION_EVIDENCE : 0),
    atOldPosition,
    rank:
      sideAgreement(context.prefix, before) +
      sideAgreement(context.suffix, after) +
      (inHome ? HOME_BLOCK_BONUS : 0) +
      (atOldPosition ? OLD_POSITION_BONUS : 0),
    blocksAway: home ? Math.abs(block.order - home.order) : 0,
    charactersAway: inHome ? Math.abs(originalSpan(block.normalised, start, end).start - oldStart) : 0,
  };
}

function occurrences(text: string, quote: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) found.push(at);
  return found;
}

const better = (a: Candidate, b: Candidate) =>
  a.rank !== b.rank ? a.rank > b.rank : a.blocksAway !== b.blocksAway ? a.blocksAway < b.blocksAway : a.charactersAway < b.charactersAway;

function result(candidate: Pick<Candidate, 'block' | 'start' | 'end'>, target: Anchor, method: AnchorMethod, score?: number): AnchorResult {
  const { start, end } = originalSpan(candidate.block.normalised, candidate.start, candidate.end);
  return { blockId: candidate.block.id, layer: target.layer, start, end, method, ...(score === undefined ? {} : { score }) };
}

function anchorInIndex(index: IndexedDocument, target: Anchor, options: AnchorOptions): AnchorResult | null {
  const layer = index.layers[target.layer];
  const quote = normalise(target.exact);
  if (quote === '') return null;
  const home = layer.byId.get(target.blockId);
  const old = home ? normalisedSpan(home.normalised, target.start, target.end) : null;
  const search: Search = { layer, home, old, oldStart: target.start, quote, context: expectedContext(target.prefix, target.suffix) };

  // (a) The old position, when its words and all of the stored context are unchanged: nothing
  // can beat it, so there is no need to look further.
  if (home && old && home.normalised.text.slice(old.start, old.end) === quote) {
    const positional = candidateAt(search, home, old.start);
    if (positional.fullAgreement && positional.evidence >= MIN_EVIDENCE) return result(positional, target, 'position');
  }

  // (a) to (c): every occurrence of the quote in the layer with enough evidence, ranked.
  let best: Candidate | null = null;
  for (const at of occurrences(layer.text, quote)) {
    const block = blockAt(layer, at);
    if (!block) continue;
    const candidate = candidateAt(search, block, at - block.offset);
    if (candidate.evidence >= MIN_EVIDENCE && (!best || better(candidate, best))) best = candidate;
  }
  if (best) return result(best, target, best.atOldPosition ? 'position' : best.block === home ? 'quote-in-block' : 'quote-in-document');

  // (d) Words that changed a little.
  const fuzzy = fuzzyMatch(layer, home, quote, search.context, target.start, options);
  return fuzzy ? result(fuzzy, target, 'fuzzy', fuzzy.score) : null;
}

const isIndexed = (doc: LayerDocument | IndexedDocument): doc is IndexedDocument => 'layers' in doc;

/**
 * Where the stored passage `target` is in `doc` now, and how it was found; null when it is
 * orphaned. Pass an `indexDocument` result instead of the document to anchor many passages.
 */
export function anchor(doc: LayerDocument | IndexedDocument, target: Anchor, options: AnchorOptions = {}): AnchorResult | null {
  return anchorInIndex(isIndexed(doc) ? doc : indexDocument(doc), target, options);
}

/** `anchor` for many passages at once, normalising the document only once. Same order as `targets`. */
export function anchorAll(doc: LayerDocument | IndexedDocument, targets: readonly Anchor[], options: AnchorOptions = {}): Array<AnchorResult | null> {
  const index = isIndexed(doc) ? doc : indexDocument(doc);
  return targets.map((target) => anchorInIndex(index, target, options));
}
