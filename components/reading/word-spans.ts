/**
 * Marks the post's words in the page when the reader first asks for word help: each word the
 * glossary places in a block (`blocks`: offsets in the block's text, as notes count it, see
 * lib/gloss/words/rehype-words.ts) is wrapped in `<span class="w">` from then on, for the pointer,
 * the keyboard and the word card. The page is served without them: most readers never ask. With
 * pinyin on, the server marks each word as a `<ruby class="w">` already, and nothing is done.
 *
 * Only text nodes are split and wrapped: the text of every block stays as it was, so notes
 * anchored in it stay where they are.
 */
import { blockTextNodes } from '@/lib/notes/anchoring/dom';

export const WORD_SELECTOR = '.post-body .w';

/** Wraps `node`'s text from `start` to `end` (offsets in the node) in a word span; returns the text after it, if any. */
function wrap(node: Text, start: number, end: number): Text | null {
  const word = start > 0 ? node.splitText(start) : node;
  const after = end - start < word.data.length ? word.splitText(end - start) : null;
  const span = node.ownerDocument.createElement('span');
  span.className = 'w';
  word.replaceWith(span);
  span.append(word);
  return after;
}

/** Marks the words of one block; words that do not fit the block's text as it is are left out. */
function markBlock(block: Element, bounds: readonly number[]): number {
  let marked = 0;
  const nodes = blockTextNodes(block);
  let index = 0;
  /** Where the current node starts in the block's text. */
  let base = 0;
  let node = nodes[0];
  for (let pair = 0; pair + 1 < bounds.length; pair += 2) {
    const start = bounds[pair] ?? 0;
    const end = bounds[pair + 1] ?? 0;
    while (node && start >= base + node.data.length) {
      base += node.data.length;
      node = nodes[++index];
    }
    if (!node || end > base + node.data.length || start < base) continue;
    const rest = wrap(node, start - base, end - base);
    base = end;
    if (rest) nodes[index] = rest;
    else index += 1;
    node = nodes[index];
    marked += 1;
  }
  return marked;
}

/**
 * Marks every word of the post under `root` from the glossary's `blocks`, once; returns how many
 * words the page has marked.
 */
export function markWords(root: ParentNode, blocks: Readonly<Record<string, readonly number[]>>): number {
  const marked = root.querySelectorAll(WORD_SELECTOR).length;
  if (marked > 0) return marked;
  let count = 0;
  for (const block of root.querySelectorAll('.post-body [data-block]')) {
    const bounds = blocks[block.getAttribute('data-block') ?? ''];
    if (bounds) count += markBlock(block, bounds);
  }
  return count;
}

/**
 * Moves focus to the word that is the text's tab stop (the first, until the reader moves on):
 * it takes focus from then on, as the roving tab stop of use-word-keys.ts.
 */
export function focusWordStop(root: ParentNode): void {
  const word = root.querySelector<HTMLElement>(`${WORD_SELECTOR}[tabindex="0"]`) ?? root.querySelector<HTMLElement>(WORD_SELECTOR);
  if (!word) return;
  word.tabIndex = 0;
  word.focus();
}

/** The word under a point of the screen, if the page has marked its words. */
export function wordAtPoint(document: Document, x: number, y: number): HTMLElement | null {
  const position = document.caretPositionFromPoint?.(x, y);
  const node = position ? position.offsetNode : document.caretRangeFromPoint?.(x, y)?.startContainer;
  const element = node?.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element | null | undefined);
  return element?.closest<HTMLElement>(WORD_SELECTOR) ?? null;
}
