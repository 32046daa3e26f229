/**
 * The bridge between the reading page's DOM and anchoring's text offsets. A block of the Chinese
 * layer is the element `[data-block="<id>"]`; a block of the English layer is
 * `#gloss-<id> > .gloss-text` (so the gloss's "may be out of date" note is never text). A
 * block's text is its text nodes in order, leaving out pinyin (`rt`, `rp`) and anything marked
 * `data-anchor-skip` (for markers the notes layer itself adds), so offsets do not depend on
 * whether pinyin is shown. Uses only standard DOM APIs; nothing runs at import.
 */
import { cssSelectorFor, isBlockId } from './css-selector';
import type { Layer, LayerBlock, TextSpan } from './types';

/** Elements whose text is not part of a block's text, as a selector (checked without it in `isNotText`). */
export const NOT_TEXT_SELECTOR = 'rt, rp, .gloss-stale, [data-anchor-skip]';
const CHINESE_BLOCKS = '[data-block]';
const ENGLISH_BLOCKS = '.gloss > .gloss-text';
const GLOSS_ID_PREFIX = 'gloss-';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_NODE = 9;

const isElement = (node: Node): node is Element => node.nodeType === ELEMENT_NODE;
const isText = (node: Node): node is Text => node.nodeType === TEXT_NODE;
const isDocument = (node: Node): node is Document => node.nodeType === DOCUMENT_NODE;

/** The block an element is, if it is one: its id and layer. */
function blockOf(element: Element): { id: string; layer: Layer } | null {
  if (element.matches(CHINESE_BLOCKS)) {
    const id = element.getAttribute('data-block') ?? '';
    return isBlockId(id) ? { id, layer: 'zh' } : null;
  }
  if (element.matches(ENGLISH_BLOCKS)) {
    const glossId = element.parentElement?.id ?? '';
    const id = glossId.slice(GLOSS_ID_PREFIX.length);
    return glossId.startsWith(GLOSS_ID_PREFIX) && isBlockId(id) ? { id, layer: 'en' } : null;
  }
  return null;
}

function blockElements(root: ParentNode, layer?: Layer): Element[] {
  const selector = layer === 'zh' ? CHINESE_BLOCKS : layer === 'en' ? ENGLISH_BLOCKS : `${CHINESE_BLOCKS}, ${ENGLISH_BLOCKS}`;
  return Array.from(root.querySelectorAll(selector));
}

/** `element.matches(NOT_TEXT_SELECTOR)`, without the selector engine: blocks with pinyin are big. */
const isNotText = (element: Element) =>
  element.localName === 'rt' || element.localName === 'rp' || element.classList.contains('gloss-stale') || element.hasAttribute('data-anchor-skip');

/** The text nodes that make up a block's text, in order. */
export function blockTextNodes(block: Element): Text[] {
  const found: Text[] = [];
  const visit = (parent: Node) => {
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (isText(child)) found.push(child);
      else if (isElement(child) && !isNotText(child)) visit(child);
    }
  };
  visit(block);
  return found;
}

const textOf = (block: Element) => blockTextNodes(block).map((node) => node.data).join('');

/**
 * The layer document of the page under `root`: every block of `layer` (both layers when omitted)
 * in document order, with its text as anchoring counts it.
 */
export function layerDocument(root: ParentNode, layer?: Layer): LayerBlock[] {
  const blocks: LayerBlock[] = [];
  for (const element of blockElements(root, layer)) {
    const block = blockOf(element);
    if (block) blocks.push({ id: block.id, layer: block.layer, text: textOf(element) });
  }
  return blocks;
}

function ownerDocument(root: ParentNode): Document {
  if (isDocument(root)) return root;
  if (!root.ownerDocument) throw new Error('root is not in a document');
  return root.ownerDocument;
}

/** The Range of `[start, end)` of a block's text, given its text nodes; null past its end. */
function rangeOver(doc: Document, block: Element, nodes: readonly Text[], { start, end }: TextSpan): Range | null {
  if (start < 0 || end < start) return null;
  const range = doc.createRange();
  let seen = 0;
  let startSet = false;
  for (const node of nodes) {
    const after = seen + node.length;
    // A boundary between two nodes goes at the start of the later node for the range's start,
    // and at the end of the earlier node for its end, so the range holds no node it does not need.
    if (!startSet && start < after) {
      range.setStart(node, start - seen);
      startSet = true;
    }
    if (startSet && end <= after) {
      range.setEnd(node, end - seen);
      return range;
    }
    seen = after;
  }
  if (start !== seen || end !== seen) return null;
  // An empty span at the very end of the block.
  const last = nodes.at(-1);
  if (last) range.setStart(last, last.length);
  else range.selectNodeContents(block);
  range.collapse(true);
  return range;
}

function blockElement(root: ParentNode, span: TextSpan): Element | null {
  return isBlockId(span.blockId) ? root.querySelector(cssSelectorFor(span.blockId, span.layer)) : null;
}

/**
 * A DOM Range over the span (e.g. an `anchor` result) in the page under `root`; null when the
 * block is not there or the span does not fit its text (the page changed since the span was taken).
 */
export function toRange(root: ParentNode, span: TextSpan): Range | null {
  const block = blockElement(root, span);
  return block ? rangeOver(ownerDocument(root), block, blockTextNodes(block), span) : null;
}

/** `toRange` for many spans, reading each block's text nodes once. Same order as `spans`. */
export function toRanges(root: ParentNode, spans: readonly TextSpan[]): Array<Range | null> {
  const doc = ownerDocument(root);
  const blocks = new Map<string, { block: Element; nodes: Text[] } | null>();
  return spans.map((span) => {
    const key = `${span.layer}:${span.blockId}`;
    let found = blocks.get(key);
    if (found === undefined) {
      const block = blockElement(root, span);
      found = block ? { block, nodes: blockTextNodes(block) } : null;
      blocks.set(key, found);
    }
    return found ? rangeOver(doc, found.block, found.nodes, span) : null;
  });
}

/** The text offset within `block` of the boundary point (`container`, `offset`). */
function textOffset(block: Element, nodes: readonly Text[], container: Node, offset: number): number {
  if (!block.contains(container)) return 0;
  const probe = ownerDocument(block).createRange();
  probe.setStart(container, offset);
  let seen = 0;
  for (const node of nodes) {
    if (node === container) return seen + Math.min(offset, node.length);
    // The probe is collapsed at the boundary point: 1 means the node ends after it, so (not
    // holding the point) lies wholly after it.
    if (probe.comparePoint(node, node.length) > 0) return seen;
    seen += node.length;
  }
  return seen;
}

/**
 * The span of the page's text a DOM Range (a reader's selection) covers, clipped to the first block
 * it touches; null when it covers no text of any block. A selection across blocks keeps its
 * first block's part, since a passage lies within one block.
 */
export function fromRange(root: ParentNode, range: Range): TextSpan | null {
  for (const element of blockElements(root)) {
    if (!range.intersectsNode(element)) continue;
    const block = blockOf(element);
    if (!block) continue;
    const nodes = blockTextNodes(element);
    const total = nodes.reduce((sum, node) => sum + node.length, 0);
    const start = element.contains(range.startContainer) ? textOffset(element, nodes, range.startContainer, range.startOffset) : 0;
    const end = element.contains(range.endContainer) ? textOffset(element, nodes, range.endContainer, range.endOffset) : total;
    if (start < end) return { blockId: block.id, layer: block.layer, start, end };
  }
  return null;
}
