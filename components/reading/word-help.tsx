'use client';
/**
 * Word help: tap, click or focus a Chinese word to see its reading and the sense that fits (a
 * curated phrase gloss first, else CC-CEDICT). The post's glossary (and the schema it is checked
 * with) is fetched on the first request only. Keyboard (use-word-keys.ts): one tab stop into the text, arrow keys move word by
 * word, Enter opens the card (word-card.tsx), Escape closes it, Shift+arrow keys select word by
 * word (to annotate a passage). Saved words stay in this browser and export as an Anki TSV file
 * (saved-words.tsx).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { lookupGlossary } from '@/lib/gloss/glossary-lookup';
import type { Glossary } from '@/lib/gloss/glossary-types';
import { parseSavedWords, savedWordsKey, withSavedWord, withoutSavedWord, type SavedWord } from '@/lib/gloss/saved-words';
import { isShortcutKey } from './keyboard';
import type { ReadingLabels } from './labels';
import { SavedWords } from './saved-words';
import { useWordKeys } from './use-word-keys';
import { focusWordStop, markWords as markWordsIn, WORD_SELECTOR } from './word-spans';
import { WORD_CARD_ID, WordCard, type Lookup } from './word-card';

type Props = {
  /** The reading view's root: the post, its words and glosses. */
  root: HTMLElement | null;
  glossaryUrl: string;
  labels: ReadingLabels['words'];
  slug: string;
  /** False in the server's HTML: the saved-words button holds its place until hydration. */
  ready: boolean;
};

/** The word's own text, without its ruby reading. */
function wordText(element: HTMLElement): string {
  return [...element.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE).map((node) => node.textContent).join('');
}

function release(word: HTMLElement | null): void {
  word?.classList.remove('w-active');
  word?.removeAttribute('aria-describedby');
}

export function WordHelp({ root, glossaryUrl, labels, slug, ready }: Props) {
  const [active, setActive] = useState<HTMLElement | null>(null);
  const [lookup, setLookup] = useState<Lookup>(null);
  /** Null until read from localStorage, which only the browser has. */
  const [savedRead, setSaved] = useState<SavedWord[] | null>(null);
  const saved = savedRead ?? [];
  const glossary = useRef<Promise<Glossary> | null>(null);
  const cardRef = useRef<HTMLDivElement>(null);
  /** Set while focus goes back to a word after closing its card, so that focus does not reopen it. */
  const returningFocus = useRef(false);
  /** Set when Enter opens a card: focus moves into it once its lookup has settled, so it lands on the first action. */
  const focusCardWhenReady = useRef(false);

  // eslint-disable-next-line react-hooks/set-state-in-effect -- saved words live in localStorage, which only the browser has: read after hydration
  useEffect(() => setSaved(parseSavedWords(localStorage.getItem(savedWordsKey))), []);

  const store = (next: SavedWord[]) => {
    setSaved(next);
    localStorage.setItem(savedWordsKey, JSON.stringify(next));
  };

  const loadGlossary = useCallback((): Promise<Glossary> => {
    // The schema (and zod) loads beside the glossary, not with the page.
    glossary.current ??= Promise.all([
      fetch(glossaryUrl).then((response): Promise<unknown> => {
        if (!response.ok) throw new Error(`glossary ${response.status}`);
        return response.json();
      }),
      import('@/lib/gloss/glossary-types'),
    ]).then(([data, { glossarySchema }]) => glossarySchema.parse(data));
    glossary.current.catch(() => {
      glossary.current = null;
    });
    return glossary.current;
  }, [glossaryUrl]);

  /** Bumped when the page's words have been marked (word-spans.ts). */
  const [wordsVersion, setWordsVersion] = useState(0);
  const markWords = useCallback(async (): Promise<boolean> => {
    if (!root) return false;
    if (root.querySelector(WORD_SELECTOR)) return true;
    const marked = markWordsIn(root, (await loadGlossary()).blocks);
    setWordsVersion((version) => version + 1);
    return marked > 0;
  }, [root, loadGlossary]);

  /** The word whose card is open; mirrored in a ref so handlers see it without re-subscribing. */
  const activeRef = useRef<HTMLElement | null>(null);

  const show = useCallback(
    (element: HTMLElement) => {
      if (activeRef.current !== element) release(activeRef.current);
      activeRef.current = element;
      setActive(element);
      element.classList.add('w-active');
      element.setAttribute('aria-describedby', WORD_CARD_ID);
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

  useWordKeys(root, { show, close, returningFocus, focusCardWhenReady, markWords, wordsVersion });

  useEffect(() => {
    if (!focusCardWhenReady.current || !active || lookup === 'loading') return;
    focusCardWhenReady.current = false;
    cardRef.current?.querySelector<HTMLElement>('button')?.focus();
  }, [active, lookup]);

  // Escape closes; a press outside the card and the words closes; `w` jumps into the text.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && active && !event.defaultPrevented) {
        event.preventDefault();
        close(true);
      } else if (event.key === 'w' && isShortcutKey(event)) {
        event.preventDefault();
        void markWords().then(() => root && focusWordStop(root));
      }
    };
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Element;
      if (active && !target.closest(`#${WORD_CARD_ID}, ${WORD_SELECTOR}`)) close(false);
    };
    window.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [active, close, root, markWords]);

  const word = active ? wordText(active) : '';
  const isSaved = saved.some((each) => each.word === word);
  const toggleSave = (entry: { pinyin: string; sense: string }) =>
    store(isSaved ? withoutSavedWord(saved, word) : withSavedWord(saved, { word, pinyin: entry.pinyin, sense: entry.sense, slug, savedAt: new Date().toISOString() }));

  return (
    <>
      <SavedWords saved={savedRead} ready={ready} labels={labels} onRemove={(each) => store(withoutSavedWord(saved, each))} />
      {active && root ? (
        <WordCard root={root} word={active} text={word} lookup={lookup} saved={isSaved} labels={labels} onToggleSave={toggleSave} onClose={() => close(true)} cardRef={cardRef} />
      ) : null}
    </>
  );
}
