/**
 * The card of one word: its reading, the sense that fits and where the sense comes from, with
 * Save and Close. Placed under the word inside the reading root, as wide as fits.
 */
import type { Ref } from 'react';
import { createPortal } from 'react-dom';
import type { GlossaryEntry } from '@/lib/gloss/glossary-types';
import type { ReadingLabels } from './labels';

/** The card's element id, which the open word's aria-describedby names. */
export const WORD_CARD_ID = 'word-help';

/** A word's lookup: in flight, failed, found, or not in the glossary (null). */
export type Lookup = 'loading' | 'failed' | GlossaryEntry | null;

type Props = {
  root: HTMLElement;
  word: HTMLElement;
  text: string;
  lookup: Lookup;
  saved: boolean;
  labels: ReadingLabels['words'];
  onToggleSave: (entry: GlossaryEntry) => void;
  onClose: () => void;
  cardRef: Ref<HTMLDivElement>;
};

export function WordCard({ root, word, text, lookup, saved, labels, onToggleSave, onClose, cardRef }: Props) {
  const entry = lookup && typeof lookup === 'object' ? lookup : null;
  const rootBox = root.getBoundingClientRect();
  const box = word.getBoundingClientRect();
  const width = Math.min(320, rootBox.width);
  const position = { top: box.bottom - rootBox.top + 6, left: Math.max(0, Math.min(box.left - rootBox.left, rootBox.width - width)), width };

  return createPortal(
    <div ref={cardRef} id={WORD_CARD_ID} className="word-help" role="dialog" aria-label={`${labels.label}: ${text}`} style={position}>
      <p className="word-help-word" lang="zh-Hans">
        {text}
      </p>
      {lookup === 'loading' ? <p role="status">{labels.loading}</p> : null}
      {lookup === 'failed' ? <p role="alert">{labels.failed}</p> : null}
      {lookup === null ? <p>{labels.unknown}</p> : null}
      {entry ? (
        <>
          <p className="word-help-pinyin" lang="zh-Latn-pinyin" translate="no">
            {entry.pinyin}
          </p>
          <p className="word-help-sense" lang="en" translate="no">
            {entry.sense}
          </p>
          {entry.note ? (
            <p className="word-help-note" lang="en" translate="no">
              {entry.note}
            </p>
          ) : null}
          <p className="word-help-source">{labels.sources[entry.source]}</p>
        </>
      ) : null}
      <div className="word-help-actions">
        {entry ? (
          <button type="button" aria-pressed={saved} onClick={() => onToggleSave(entry)}>
            {saved ? labels.saved : labels.save}
          </button>
        ) : null}
        <button type="button" onClick={onClose}>
          {labels.close}
        </button>
      </div>
    </div>,
    root,
  );
}
