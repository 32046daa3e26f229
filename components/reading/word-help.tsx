'use client';
/**
 * Word help: tap, click or focus a Chinese word to see its reading and the sense that fits (a
 * curated phrase gloss first, else CC-CEDICT). The post's glossary is fetched on the first
 * request only. Keyboard: one tab stop into the text, arrow keys move word by word, Enter opens
 * the card, Escape closes it, Shift+arrow keys select word by word (to annotate a passage). Saved words stay in this browser and export as an Anki TSV file.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { glossarySchema, lookupGlossary, type Glossary, type GlossaryEntry } from '@/lib/gloss/glossary-types';
import { parseSavedWords, savedWordsKey, toAnkiTsv, withSavedWord, withoutSavedWord, type SavedWord } from '@/lib/gloss/saved-words';
import { isShortcutKey } from './keyboard';
import type { ReadingLabels } from './labels';

type Props = {
  /** The reading view's root: the post, its words and glosses. */
  root: HTMLElement | null;
  glossaryUrl: string;
  labels: ReadingLabels['words'];
  slug: string;
};
type Lookup = 'loading' | 'failed' | GlossaryEntry | null;

const POPOVER_ID = 'word-help';

function wordsOf(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('.post-body .w')];
}

/** The word's own text, without its ruby reading. */
function wordText(element: HTMLElement): string {
  return [...element.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE).map((node) => node.textContent).join('');
}

function release(word: HTMLElement | null): void {
  word?.classList.remove('w-active');
  word?.removeAttribute('aria-describedby');
}

export function WordHelp({ root, glossaryUrl, labels, slug }: Props) {
  const [active, setActive] = useState<HTMLElement | null>(null);
  const [lookup, setLookup] = useState<Lookup>(null);
  const [saved, setSaved] = useState<SavedWord[]>([]);
  const glossary = useRef<Promise<Glossary> | null>(null);
  const popoverRef = useRef<HTMLDivElement>(null);
  /** Set while focus goes back to a word after closing its card, so that focus does not reopen it. */
  const returningFocus = useRef(false);
  /** Set when Enter opens a card: focus moves into it once its lookup has settled, so it lands on the first action. */
  const focusCardWhenReady = useRef(false);
  const listRef = useRef<HTMLDialogElement>(null);

  // eslint-disable-next-line react-hooks/set-state-in-effect -- saved words live in localStorage, which only the browser has: read after hydration
  useEffect(() => setSaved(parseSavedWords(localStorage.getItem(savedWordsKey))), []);

  const store = (next: SavedWord[]) => {
    setSaved(next);
    localStorage.setItem(savedWordsKey, JSON.stringify(next));
  };

  const loadGlossary = useCallback((): Promise<Glossary> => {
    glossary.current ??= fetch(glossaryUrl).then((response) => {
      if (!response.ok) throw new Error(`glossary ${response.status}`);
      return response.json().then((data: unknown) => glossarySchema.parse(data));
    });
    glossary.current.catch(() => {
      glossary.current = null;
    });
    return glossary.current;
  }, [glossaryUrl]);

  /** The word whose card is open; mirrored in a ref so handlers see it without re-subscribing. */
  const activeRef = useRef<HTMLElement | null>(null);

  const show = useCallback(
    (element: HTMLElement) => {
      if (activeRef.current !== element) release(activeRef.current);
      activeRef.current = element;
      setActive(element);
      element.classList.add('w-active');
      element.setAttribute('aria-describedby', POPOVER_ID);
      setLookup('loading');
      const word = wordText(element);
      loadGlossary().then(
        (loaded) => setLookup(lookupGlossary(loaded, word)),
        () => setLookup('failed'),
      );
    },
    [loadGlossary],
  );

  const close = useCallback((returnFocus: boolean) => {
    const previous = activeRef.current;
    activeRef.current = null;
    focusCardWhenReady.current = false;
    setActive(null);
    release(previous);
    if (returnFocus && previous) {
      returningFocus.current = true;
      previous.focus();
      returningFocus.current = false;
    }
  }, []);

  // One tab stop into the text; arrow keys move between words (roving tabindex). Only the current
  // word carries a tabindex at all: Chromium starts no mouse selection at the edge of a focusable
  // element, so words that all had one could not be dragged across from their first character.
  useEffect(() => {
    if (!root) return;
    const words = wordsOf(root);
    let current = words[0];
    if (current) current.tabIndex = 0;
    const makeCurrent = (word: HTMLElement) => {
      if (current !== word) current?.removeAttribute('tabindex');
      current = word;
      word.tabIndex = 0;
    };

    const focusWord = (word: HTMLElement | undefined) => {
      if (!word) return;
      makeCurrent(word);
      word.focus();
    };
    const onClick = (event: MouseEvent) => {
      const word = (event.target as Element).closest<HTMLElement>('.post-body .w');
      if (word && !window.getSelection()?.toString()) show(word);
    };
    const onFocus = (event: FocusEvent) => {
      const word = (event.target as Element).closest<HTMLElement>('.post-body .w');
      if (!word) return;
      makeCurrent(word);
      if (!returningFocus.current) show(word);
    };
    /** Word indexes of a selection made from the keyboard: where it started and where it reaches. */
    let selecting: { from: number; to: number } | null = null;
    const onKey = (event: KeyboardEvent) => {
      const word = (event.target as Element).closest<HTMLElement>('.post-body .w');
      if (!word) return;
      const index = words.indexOf(word);
      if (event.shiftKey && (event.key === 'ArrowRight' || event.key === 'ArrowLeft')) {
        // Shift+arrows select word by word from the focused word, e.g. to annotate the passage.
        event.preventDefault();
        if (selecting?.from !== index) selecting = { from: index, to: index };
        else selecting.to = Math.max(0, Math.min(words.length - 1, selecting.to + (event.key === 'ArrowRight' ? 1 : -1)));
        const first = words[Math.min(selecting.from, selecting.to)];
        const last = words[Math.max(selecting.from, selecting.to)];
        if (first && last) window.getSelection()?.setBaseAndExtent(first, 0, last, last.childNodes.length);
        close(false);
        return;
      }
      if (event.key !== 'Shift') selecting = null;
      const moves: Record<string, number> = { ArrowRight: index + 1, ArrowDown: index + 1, ArrowLeft: index - 1, ArrowUp: index - 1, Home: 0, End: words.length - 1 };
      if (event.key in moves) {
        event.preventDefault();
        focusWord(words[Math.max(0, Math.min(words.length - 1, moves[event.key] ?? index))]);
      } else if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        focusCardWhenReady.current = true;
        show(word);
      }
    };
    root.addEventListener('click', onClick);
    root.addEventListener('focusin', onFocus);
    root.addEventListener('keydown', onKey);
    return () => {
      root.removeEventListener('click', onClick);
      root.removeEventListener('focusin', onFocus);
      root.removeEventListener('keydown', onKey);
    };
  }, [root, show, close]);

  useEffect(() => {
    if (!focusCardWhenReady.current || !active || lookup === 'loading') return;
    focusCardWhenReady.current = false;
    popoverRef.current?.querySelector<HTMLElement>('button')?.focus();
  }, [active, lookup]);

  // Escape closes; a press outside the card and the words closes; `w` jumps into the text.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && active && !event.defaultPrevented) {
        event.preventDefault();
        close(true);
      } else if (event.key === 'w' && isShortcutKey(event)) {
        event.preventDefault();
        root?.querySelector<HTMLElement>('.post-body .w[tabindex="0"]')?.focus();
      }
    };
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Element;
      if (active && !target.closest(`#${POPOVER_ID}, .post-body .w`)) close(false);
    };
    window.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [active, close, root]);

  const word = active ? wordText(active) : '';
  const entry = lookup && typeof lookup === 'object' ? lookup : null;
  const isSaved = saved.some((each) => each.word === word);
  const position = (() => {
    if (!active || !root) return undefined;
    const rootBox = root.getBoundingClientRect();
    const box = active.getBoundingClientRect();
    const width = Math.min(320, rootBox.width);
    return { top: box.bottom - rootBox.top + 6, left: Math.max(0, Math.min(box.left - rootBox.left, rootBox.width - width)), width };
  })();

  const exportTsv = () => {
    const url = URL.createObjectURL(new Blob([toAnkiTsv(saved)], { type: 'text/tab-separated-values;charset=utf-8' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: 'duizhao-saved-words.tsv' });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const card =
    active && root
      ? createPortal(
          <div ref={popoverRef} id={POPOVER_ID} className="word-help" role="dialog" aria-label={`${labels.label}: ${word}`} style={position}>
            <p className="word-help-word" lang="zh-Hans">
              {word}
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
                <button
                  type="button"
                  aria-pressed={isSaved}
                  onClick={() => store(isSaved ? withoutSavedWord(saved, word) : withSavedWord(saved, { word, pinyin: entry.pinyin, sense: entry.sense, slug, savedAt: new Date().toISOString() }))}
                >
                  {isSaved ? labels.saved : labels.save}
                </button>
              ) : null}
              <button type="button" onClick={() => close(true)}>
                {labels.close}
              </button>
            </div>
          </div>,
          root,
        )
      : null;

  return (
    <>
      <button type="button" className="toolbar-button" aria-haspopup="dialog" onClick={() => listRef.current?.showModal()}>
        {labels.list} <span className="count">{saved.length}</span>
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
              <button type="button" onClick={() => store(withoutSavedWord(saved, each.word))} aria-label={`${labels.remove} ${each.word}`}>
                {labels.remove}
              </button>
            </li>
          ))}
        </ul>
        <div className="word-help-actions">
          <button type="button" onClick={exportTsv} disabled={saved.length === 0}>
            {labels.export}
          </button>
          <form method="dialog">
            <button type="submit">{labels.close}</button>
          </form>
        </div>
      </dialog>
      {card}
    </>
  );
}
