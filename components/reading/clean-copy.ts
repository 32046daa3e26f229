/**
 * Copying from the post gives the text as read: the Chinese without its pinyin, the per-block
 * controls or the English gloss between paragraphs. A selection that starts in the English copies
 * the English alone; one wholly inside one gloss is left to the browser.
 */
import type { ClipboardEvent } from 'react';

// A <noscript> (the blocks' pinyin links) is raw markup as text when scripts run: never text.
const NOT_TEXT = 'rt, rp, noscript, .gloss-toggle, .sr-only, .word-help, .note-markers';
const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, figure, figcaption, pre, tr, .blk';

const glossOf = (node: Node) => (node instanceof Element ? node : node.parentElement)?.closest('.gloss') ?? null;

/** Text of a copied fragment with a line break after each block, as a reader expects on paste. */
function fragmentText(fragment: DocumentFragment): string {
  for (const block of fragment.querySelectorAll(BLOCKS)) block.append('\n');
  return fragment.textContent?.replace(/\n{3,}/g, '\n\n').trim() ?? '';
}

export function cleanCopy(event: ClipboardEvent<HTMLElement>): void {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return;
  const range = selection.getRangeAt(0);
  const startGloss = glossOf(range.startContainer);
  if (startGloss && startGloss === glossOf(range.endContainer)) return;
  const fragment = range.cloneContents();
  for (const node of fragment.querySelectorAll(startGloss ? `${NOT_TEXT}, [data-block]` : `${NOT_TEXT}, .gloss`)) node.remove();
  const holder = document.createElement('div');
  holder.append(fragment.cloneNode(true));
  event.clipboardData.setData('text/html', holder.innerHTML);
  event.clipboardData.setData('text/plain', fragmentText(fragment));
  event.preventDefault();
}
