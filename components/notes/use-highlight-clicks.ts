/**
 * A click on highlighted text (with nothing selected) opens that passage's note: the highlights
 * are not elements, so the click is matched against the placed ranges at the caret's position.
 */
import { useEffect } from 'react';
import type { Placed } from './use-anchors';

export function useHighlightClicks(root: HTMLElement | null, placed: ReadonlyMap<string, Placed>, openNote: (iri: string) => void): void {
  useEffect(() => {
    if (!root) return;
    const onClick = (event: MouseEvent) => {
      if (!document.getSelection()?.isCollapsed) return;
      const caret = document.caretPositionFromPoint?.(event.clientX, event.clientY);
      const node = caret?.offsetNode;
      if (!node || !caret) return;
      for (const [iri, each] of placed) {
        if (each.range.startContainer.getRootNode() !== node.getRootNode()) continue;
        // The range's end is the first character after the passage: a click there is not on it.
        if (each.range.isPointInRange(node, caret.offset) && !(each.range.endContainer === node && each.range.endOffset === caret.offset)) {
          openNote(iri);
          return;
        }
      }
    };
    root.addEventListener('click', onClick);
    return () => root.removeEventListener('click', onClick);
  }, [placed, root, openNote]);
}
