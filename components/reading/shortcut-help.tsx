'use client';
/**
 * The `?` overlay listing the reading shortcuts: a modal dialog opened by its button or the `?`
 * key, closed by Escape or its close button.
 */
import { useEffect, useRef } from 'react';
import { isShortcutKey } from './keyboard';
import type { ReadingLabels } from './labels';

const SHORTCUTS = [
  { keys: ['g'], label: 'gloss' },
  { keys: ['p'], label: 'pinyin' },
  { keys: ['w'], label: 'words' },
  { keys: ['a'], label: 'annotate' },
  { keys: ['?'], label: 'help' },
] as const;

/** `ready` is false in the server's HTML: the button holds its place but does nothing until hydration. */
export function ShortcutHelp({ labels, ready }: { labels: ReadingLabels['shortcuts']; ready: boolean }) {
  const dialogRef = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '?' || !isShortcutKey(event)) return;
      event.preventDefault();
      if (!dialogRef.current?.open) dialogRef.current?.showModal();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <>
      <button type="button" className="toolbar-button" aria-label={labels.open} title={labels.open} aria-keyshortcuts="?" aria-haspopup="dialog" disabled={!ready} onClick={() => dialogRef.current?.showModal()}>
        <kbd aria-hidden="true">?</kbd>
      </button>
      <dialog ref={dialogRef} className="overlay" aria-labelledby="shortcut-help-title">
        <h2 id="shortcut-help-title">{labels.title}</h2>
        <dl className="shortcut-list">
          {SHORTCUTS.map(({ keys, label }) => (
            <div key={label}>
              <dt>
                {keys.map((key) => (
                  <kbd key={key}>{key}</kbd>
                ))}
              </dt>
              <dd>{labels[label]}</dd>
            </div>
          ))}
        </dl>
        <form method="dialog">
          <button type="submit" className="toolbar-button">
            {labels.close}
          </button>
        </form>
      </dialog>
    </>
  );
}
