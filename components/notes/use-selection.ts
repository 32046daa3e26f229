/**
 * The selection observer: the passage the reader has selected, when it is one a note can be on
 * (inside one block of the post, in one language, not only spaces), with where to offer the
 * "Annotate" control. Follows the selection a moment behind, so a drag does not redraw it at
 * every step.
 */
import { useEffect, useState } from 'react';
import { describe, type Anchor } from '@/lib/notes/anchoring';
import { fromRange, layerDocument } from '@/lib/notes/anchoring/dom';

export type PendingSelection = { anchor: Anchor; top: number; left: number };

/** The longest passage a note can be on (the API's limit on the quote). */
export const MAX_PASSAGE = 2000;
const FOLLOW_DELAY_MS = 80;

/** The selection as it is now, as a passage of one block, or null when it is not one we can note. */
export function readSelection(root: HTMLElement): PendingSelection | null {
  const selection = document.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer)) return null;
  const span = fromRange(root, range);
  if (!span) return null;
  const anchor = describe(layerDocument(root, span.layer), span.blockId, span.layer, span.start, span.end);
  if (!anchor || anchor.exact.trim() === '') return null;
  const rects = range.getClientRects();
  const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
  return { anchor, top: last.bottom + window.scrollY + 6, left: Math.max(8, Math.min(last.right + window.scrollX - 40, document.documentElement.clientWidth - 160)) };
}

/** The pending selection, and a way to set it at once (when the composer opens or closes). */
export function useSelection(root: HTMLElement | null) {
  const [pending, setPending] = useState<PendingSelection | null>(null);
  useEffect(() => {
    if (!root) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onChange = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setPending(readSelection(root)), FOLLOW_DELAY_MS);
    };
    document.addEventListener('selectionchange', onChange);
    onChange(); // the reader may have selected before the layer loaded
    return () => {
      document.removeEventListener('selectionchange', onChange);
      clearTimeout(timer);
    };
  }, [root]);
  return [pending, setPending] as const;
}
