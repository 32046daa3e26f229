/**
 * The saved words: a toolbar button with their count, opening a dialog that lists them (each
 * removable) and exports them as a TSV file Anki imports. They stay in this browser.
 */
import { useRef } from 'react';
import { toAnkiTsv, type SavedWord } from '@/lib/gloss/saved-words';
import type { ReadingLabels } from './labels';

type Props = {
  /** Null until this browser's list has been read; the count shows a dash meanwhile. */
  saved: readonly SavedWord[] | null;
  /** False in the server's HTML: the button holds its place, disabled, until hydration. */
  ready: boolean;
  labels: ReadingLabels['words'];
  onRemove: (word: string) => void;
};

function exportTsv(saved: readonly SavedWord[]): void {
  const url = URL.createObjectURL(new Blob([toAnkiTsv([...saved])], { type: 'text/tab-separated-values;charset=utf-8' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: 'duizhao-saved-words.tsv' });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function SavedWords({ saved: savedRead, ready, labels, onRemove }: Props) {
  const listRef = useRef<HTMLDialogElement>(null);
  const saved = savedRead ?? [];
  return (
    <>
      <button type="button" className="toolbar-button" aria-haspopup="dialog" disabled={!ready} onClick={() => listRef.current?.showModal()}>
        {labels.list} <span className="count">{savedRead ? savedRead.length : '–'}</span>
      </button>
      <dialog ref={listRef} className="overlay" aria-labelledby="saved-words-title">
        <h2 id="saved-words-title">{labels.list}</h2>
        {saved.length === 0 ? <p>{labels.empty}</p> : null}
        <ul className="saved-words">
          {saved.map((each) => (
            <li key={each.word}>
              <span lang="zh-Hans">{each.word}</span>{' '}
              <span className="saved-word-pinyin" lang="zh-Latn-pinyin" translate="no">
                {each.pinyin}
              </span>{' '}
              <span className="saved-word-sense" lang="en" translate="no">
                {each.sense}
              </span>{' '}
              <button type="button" onClick={() => onRemove(each.word)} aria-label={`${labels.remove} ${each.word}`}>
                {labels.remove}
              </button>
            </li>
          ))}
        </ul>
        <div className="word-help-actions">
          <button type="button" onClick={() => exportTsv(saved)} disabled={saved.length === 0}>
            {labels.export}
          </button>
          <form method="dialog">
            <button type="submit">{labels.close}</button>
          </form>
        </div>
      </dialog>
    </>
  );
}
