/**
 * Markers in the margin of each block with notes, one per language with notes on it, placed
 * beside the Chinese and again beside the block's English, so a note on one language shows by
 * the other. Each is a button that opens the panel at the block.
 */
import { createPortal } from 'react-dom';
import type { Layer } from '@/lib/notes/anchoring';
import { fill } from '@/lib/i18n/fill';
import type { NoteLabels } from './labels';
import { NOTES_PANEL_ID } from './panel-id';
import type { BlockNotes } from './reading-order';
import type { Placed } from './use-anchors';

type Props = {
  root: HTMLElement;
  groups: readonly BlockNotes[];
  placed: ReadonlyMap<string, Placed>;
  labels: NoteLabels;
  onOpenBlock: (blockId: string) => void;
};

export function NoteMarkers({ root, groups, placed, labels, onOpenBlock }: Props) {
  return groups.flatMap(({ blockId, notes }) => {
    const counts: Record<Layer, number> = { zh: 0, en: 0 };
    for (const note of notes) {
      const layer = note.deleted ? undefined : placed.get(note.iri)?.result.layer;
      if (layer) counts[layer] += 1;
    }
    const group = (
      <span className="note-markers" data-anchor-skip="">
        {(['zh', 'en'] as const).map((layer) =>
          counts[layer] ? (
            <button key={layer} type="button" className="note-marker" data-layer={layer} aria-controls={NOTES_PANEL_ID} aria-label={fill(labels.markerLabel[layer], { count: counts[layer] })} onClick={() => onOpenBlock(blockId)}>
              {fill(labels.markerShort[layer], { count: counts[layer] })}
            </button>
          ) : null,
        )}
      </span>
    );
    const block = root.querySelector<HTMLElement>(`.blk[id="${CSS.escape(blockId)}"]`);
    const gloss = root.querySelector<HTMLElement>(`#gloss-${CSS.escape(blockId)}`);
    return [
      block ? createPortal(group, block, `zh-${blockId}`) : null,
      gloss ? createPortal(<span className="note-markers-gloss">{group}</span>, gloss, `en-${blockId}`) : null,
    ];
  });
}
