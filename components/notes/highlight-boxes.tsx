/**
 * The highlights drawn as boxes over the text, for browsers without the CSS Custom Highlight API
 * (use-highlights.ts measures them). Hidden from assistive technology: the panel lists the notes.
 */
import { createPortal } from 'react-dom';
import type { HighlightBox } from './use-highlights';

export function HighlightBoxes({ root, boxes }: { root: HTMLElement | null; boxes: readonly HighlightBox[] }) {
  if (!root || boxes.length === 0) return null;
  return createPortal(
    <div className="note-boxes" aria-hidden="true">
      {boxes.map((box) => (
        <span key={box.key} className="note-box" data-active={box.active ? '' : undefined} style={{ top: box.top, left: box.left, width: box.width, height: box.height }} />
      ))}
    </div>,
    root,
  );
}
