/**
 * A layer document prepared for anchoring many passages: each block normalised once, and each
 * layer's normalised blocks joined into one string, so a quote is looked for in the whole layer
 * with one search. Blocks are joined by `\n`, which normalised text never contains, so no match
 * can run from one block into the next.
 */
import { normaliseText, type NormalisedText } from './normalise';
import type { Layer, LayerDocument } from './types';

export const BLOCK_SEPARATOR = '\n';

export type IndexedBlock = {
  id: string;
  text: string;
  normalised: NormalisedText;
  /** Position of the block within its layer. */
  order: number;
  /** Where the block's normalised text starts in the layer's joined text. */
  offset: number;
};

export type IndexedLayer = {
  blocks: IndexedBlock[];
  byId: ReadonlyMap<string, IndexedBlock>;
  /** The layer's normalised blocks joined by `BLOCK_SEPARATOR`. */
  text: string;
};

export type IndexedDocument = { layers: Readonly<Record<Layer, IndexedLayer>> };

function indexLayer(doc: LayerDocument, layer: Layer): IndexedLayer {
  const blocks: IndexedBlock[] = [];
  const byId = new Map<string, IndexedBlock>();
  const parts: string[] = [];
  let offset = 0;
  for (const block of doc) {
    if (block.layer !== layer) continue;
    const normalised = normaliseText(block.text);
    const indexed: IndexedBlock = { id: block.id, text: block.text, normalised, order: blocks.length, offset };
    blocks.push(indexed);
    // An id repeated by mistake keeps its first block, as `querySelector` would.
    if (!byId.has(block.id)) byId.set(block.id, indexed);
    parts.push(normalised.text);
    offset += normalised.text.length + BLOCK_SEPARATOR.length;
  }
  return { blocks, byId, text: parts.join(BLOCK_SEPARATOR) };
}

/** Normalises every block of `doc` once; pass the result to `anchor` to anchor many passages. */
export function indexDocument(doc: LayerDocument): IndexedDocument {
  return { layers: { zh: indexLayer(doc, 'zh'), en: indexLayer(doc, 'en') } };
}

/** The block whose normalised text contains the layer offset `at` (or ends there). */
export function blockAt(layer: IndexedLayer, at: number): IndexedBlock | undefined {
  let low = 0;
  let high = layer.blocks.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if ((layer.blocks[middle]?.offset ?? 0) <= at) low = middle;
    else high = middle - 1;
  }
  return layer.blocks[low];
}
