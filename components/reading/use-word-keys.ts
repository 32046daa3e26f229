/**
 * The words of the post from the keyboard and the pointer: one tab stop into the text, arrow
 * keys (and Home, End) move word by word, Enter or Space opens the word's card, Shift+arrow keys
 * select word by word (to annotate a passage); a click or focus on a word opens its card.
 *
 * The page is served without an element per word (word-spans.ts): until they are marked, the
 * tab stop is the post's text itself, and a click or that tab stop has them marked first
 * (`markWords`), then goes on with the word under the pointer or the first word.
 *
 * Only the current word carries a tabindex at all (a roving tabindex): Chromium starts no mouse
 * selection at the edge of a focusable element, so words that all had one could not be dragged
 * across from their first character.
 */
import { useEffect, type RefObject } from 'react';
import { focusWordStop, WORD_SELECTOR as WORD, wordAtPoint } from './word-spans';

export type WordKeyHandlers = {
  /** Opens the card of a word. */
  show: (word: HTMLElement) => void;
  /** Closes the open card; with true, focus goes back to its word. */
  close: (returnFocus: boolean) => void;
  /** Set while focus goes back to a word after its card closed: that focus does not reopen it. */
  returningFocus: RefObject<boolean>;
  /** Set when the keyboard opens a card, so focus moves into the card once it has its lookup. */
  focusCardWhenReady: RefObject<boolean>;
  /** Has the page's words marked (once), and says whether there are any. */
  markWords: () => Promise<boolean>;
  /** Changes each time words are marked, so the handlers see them. */
  wordsVersion: number;
};

export const wordsOf = (root: HTMLElement): HTMLElement[] => [...root.querySelectorAll<HTMLElement>(WORD)];

export function useWordKeys(root: HTMLElement | null, { show, close, returningFocus, focusCardWhenReady, markWords, wordsVersion }: WordKeyHandlers): void {
  useEffect(() => {
    if (!root) return;
    const words = wordsOf(root);
    let current = root.querySelector<HTMLElement>(`${WORD}[tabindex="0"]`) ?? words[0];
    if (current) current.tabIndex = 0;
    // Before the words are marked, the text itself is the tab stop into them.
    const body = root.querySelector<HTMLElement>('.post-body');
    if (body && !current) body.tabIndex = 0;
    else body?.removeAttribute('tabindex');
    const firstWordFromKeyboard = () => void markWords().then(() => focusWordStop(root));
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
    const wordAt = (target: EventTarget | null) => (target instanceof Element ? target.closest<HTMLElement>(WORD) : null);
    const onClick = (event: MouseEvent) => {
      if (window.getSelection()?.toString()) return;
      const word = wordAt(event.target);
      if (word) {
        show(word);
        return;
      }
      const target = event.target instanceof Element ? event.target : null;
      if (words.length > 0 || !target?.closest('.post-body [data-block]') || target.closest('a, button')) return;
      const { clientX, clientY } = event;
      void markWords().then(() => {
        const marked = wordAtPoint(root.ownerDocument, clientX, clientY);
        if (marked) show(marked);
      });
    };
    const onFocus = (event: FocusEvent) => {
      if (body && event.target === body && body.matches(':focus-visible')) {
        firstWordFromKeyboard();
        return;
      }
      const word = wordAt(event.target);
      if (!word) return;
      makeCurrent(word);
      if (!returningFocus.current) show(word);
    };
    /** Word indexes of a selection made from the keyboard: where it started and where it reaches. */
    let selecting: { from: number; to: number } | null = null;
    const onKey = (event: KeyboardEvent) => {
      const word = wordAt(event.target);
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
  }, [root, show, close, returningFocus, focusCardWhenReady, markWords, wordsVersion]);
}
