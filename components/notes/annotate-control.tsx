/**
 * The "Annotate" control beside the reader's selection, or, when the selection is longer than a
 * note's passage may be, a word saying so. It keeps the selection: pressing it does not take focus.
 */
import { createPortal } from 'react-dom';
import type { NoteLabels } from './labels';
import { MAX_PASSAGE, type PendingSelection } from './use-selection';

export function AnnotateControl({ pending, labels, onAnnotate }: { pending: PendingSelection; labels: NoteLabels; onAnnotate: () => void }) {
  return createPortal(
    <div className="annotate-control" style={{ top: pending.top, left: pending.left }}>
      {pending.anchor.exact.length > MAX_PASSAGE ? (
        <p role="status">{labels.selectionTooLong}</p>
      ) : (
        <button type="button" aria-keyshortcuts="a" onMouseDown={(event) => event.preventDefault()} onClick={onAnnotate}>
          {labels.annotate}
        </button>
      )}
    </div>,
    document.body,
  );
}
