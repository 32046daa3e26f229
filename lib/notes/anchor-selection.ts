/**
 * Finding where a client's note goes in a post (server side), with the same anchoring library the
 * page uses: a `Selection` (w3c/client-selectors.ts) becomes the `Anchor` the page itself would
 * have described for those words — block, layer, position, the words and their surroundings — so
 * the note shows in the page on the same words, whichever selectors the client sent.
 *
 * The page's own pair is taken as it is (see `ownPair`). Otherwise the quote decides; a block or
 * a position only says where to look first. Without a block, the
 * Chinese is searched before the English gloss. A quote too short to be found by `anchor` alone
 * ("内核" with no context) is still taken where it occurs, nearest the hint; a quote that is not
 * in the post at all (not even after normalising whitespace and the like) has no anchor. Pure.
 */
import { anchor, describe, indexDocument, normalise, type Anchor, type IndexedDocument, type Layer, type LayerDocument } from './anchoring';
import { blockAt, BLOCK_SEPARATOR } from './anchoring/document-index';
import { originalSpan } from './anchoring/normalise';
import type { Selection, Span } from './w3c/client-selectors';

type Hint = { blockId: string; span: Span | null };

/** The block and span within it that a position in a layer's whole text (blocks joined by `\n`) falls in. */
function hintInText(doc: LayerDocument, layer: Layer, span: Span): Hint | null {
  let offset = 0;
  for (const block of doc) {
    if (block.layer !== layer) continue;
    const end = offset + block.text.length;
    if (span.start >= offset && span.start < end) return { blockId: block.id, span: { start: span.start - offset, end: Math.min(span.end - offset, block.text.length) } };
    offset = end + BLOCK_SEPARATOR.length;
  }
  return null;
}

/** Any occurrence of the quote in the layer, nearest the hinted block; for quotes too short for `anchor`. */
function anyOccurrence(index: IndexedDocument, layer: Layer, exact: string, hint: Hint | null): { blockId: string; start: number; end: number } | null {
  const indexed = index.layers[layer];
  const quote = normalise(exact);
  if (quote === '') return null;
  const home = hint ? indexed.byId.get(hint.blockId) : undefined;
  let best: { blockId: string; start: number; end: number; distance: number } | null = null;
  for (let at = indexed.text.indexOf(quote); at >= 0; at = indexed.text.indexOf(quote, at + 1)) {
    const block = blockAt(indexed, at);
    if (!block) continue;
    const distance = home ? Math.abs(block.order - home.order) * 1e6 + Math.abs(at - block.offset - (hint?.span?.start ?? 0)) : at;
    if (!best || distance < best.distance) best = { blockId: block.id, ...originalSpan(block.normalised, at - block.offset, at - block.offset + quote.length), distance };
  }
  return best;
}

function anchorInLayer(doc: LayerDocument, index: IndexedDocument, layer: Layer, selection: Selection): Anchor | null {
  const blocks = doc.filter((block) => block.layer === layer);
  const hint: Hint | null = selection.block
    ? { blockId: selection.block.blockId, span: selection.inBlock }
    : selection.inText
      ? hintInText(doc, layer, selection.inText)
      : null;
  const { quote } = selection;
  if (!quote) {
    // A block alone: the span given in it, or the whole block.
    const text = blocks.find((block) => block.id === hint?.blockId)?.text;
    if (text === undefined || !hint) return null;
    return describe(doc, hint.blockId, layer, hint.span?.start ?? 0, Math.min(hint.span?.end ?? text.length, text.length));
  }
  const target: Anchor = {
    blockId: hint?.blockId ?? '',
    layer,
    start: hint?.span?.start ?? 0,
    end: hint?.span?.end ?? 0,
    exact: quote.exact,
    prefix: quote.prefix ?? '',
    suffix: quote.suffix ?? '',
  };
  const found = anchor(index, target);
  const span = found && found.method !== 'fuzzy' ? found : anyOccurrence(index, layer, quote.exact, hint);
  if (!span) return null;
  return describe(doc, span.blockId, layer, span.start, span.end);
}

/**
 * The page's own pair (a quote, and its block refined by a position spanning exactly the quote)
 * already is the anchor the page stores, and is kept as it is, as before: it may have been taken
 * from an earlier version of the post (a note moved from elsewhere, an import), and the page
 * finds such words again, or lists the note apart, when it shows the notes.
 */
function ownPair({ quote, block, inBlock, inText }: Selection): Anchor | null {
  if (!quote || !block || !inBlock || inText || inBlock.end - inBlock.start !== quote.exact.length) return null;
  return { ...block, ...inBlock, exact: quote.exact, prefix: quote.prefix ?? '', suffix: quote.suffix ?? '' };
}

/** Where the selection's words are in the post, as the page would describe them; null when they are not in it. */
export function anchorSelection(doc: LayerDocument, selection: Selection): Anchor | null {
  const pair = ownPair(selection);
  if (pair) return pair;
  const index = indexDocument(doc);
  const layers: Layer[] = selection.block ? [selection.block.layer] : ['zh', 'en'];
  for (const layer of layers) {
    const found = anchorInLayer(doc, index, layer, selection);
    if (found) return found;
  }
  return null;
}
