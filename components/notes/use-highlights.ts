/**
 * Painting: every placed passage highlighted, and the note being looked at once more, without
 * touching the text. Through the CSS Custom Highlight API where the browser has it; elsewhere as
 * boxes laid over the text (returned here for highlight-boxes.tsx to draw), redrawn on resize.
 */
import { useEffect, useState } from 'react';
import type { Placed } from './use-anchors';

export type HighlightBox = { key: string; top: number; left: number; width: number; height: number; active: boolean };

/** The names the stylesheet paints (`::highlight(...)` in app/globals.css). */
const HIGHLIGHT = 'duizhao-notes';
const ACTIVE_HIGHLIGHT = 'duizhao-note-active';

const hasHighlightApi = () => typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';

export function useHighlights(root: HTMLElement | null, placed: ReadonlyMap<string, Placed>, activeIri: string | null): HighlightBox[] {
  const [boxes, setBoxes] = useState<HighlightBox[]>([]);

  useEffect(() => {
    if (!root) return;
    const active = activeIri ? placed.get(activeIri) : undefined;
    if (hasHighlightApi()) {
      CSS.highlights.set(HIGHLIGHT, new Highlight(...[...placed.values()].map((each) => each.range)));
      if (active) CSS.highlights.set(ACTIVE_HIGHLIGHT, new Highlight(active.range));
      else CSS.highlights.delete(ACTIVE_HIGHLIGHT);
      return () => {
        CSS.highlights.delete(HIGHLIGHT);
        CSS.highlights.delete(ACTIVE_HIGHLIGHT);
      };
    }
    const draw = () => {
      const origin = root.getBoundingClientRect();
      setBoxes(
        [...placed.entries()].flatMap(([iri, each]) =>
          [...each.range.getClientRects()].map((rect, index) => ({
            key: `${iri}-${index}`,
            top: rect.top - origin.top,
            left: rect.left - origin.left,
            width: rect.width,
            height: rect.height,
            active: iri === activeIri,
          })),
        ),
      );
    };
    draw();
    window.addEventListener('resize', draw);
    return () => window.removeEventListener('resize', draw);
  }, [placed, activeIri, root]);

  return boxes;
}
