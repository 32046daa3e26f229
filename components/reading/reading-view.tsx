'use client';
/**
 * The reading controls around a server-rendered post: gloss mode, pinyin, per-block toggles,
 * keyboard shortcuts, word help and clean copying. The post itself arrives as `children` and is
 * never re-rendered here; a gloss mode is a CSS state of this container, so switching is a single
 * frame with no request. Pinyin is markup from the server: switching loads that page (from memory).
 * Every control is a plain link first, so all of it works without JavaScript.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import dynamic from 'next/dynamic';
import type { NoteLabels } from '@/components/notes/labels';
import { NOTES_PANEL_ID } from '@/components/notes/panel-id';
import { notesPageApiPath } from '@/lib/notes/paths';
import { glossModes, nextGlossMode, readingCookies, readingHref, type GlossMode, type ReadingMode } from '@/lib/gloss/reading-mode';
import { cleanCopy } from './clean-copy';
import { isShortcutKey } from './keyboard';
import type { ReadingLabels } from './labels';
import { captureAnchor, carryAnchor, restoreAnchor, takeCarriedAnchor } from './reading-anchor';
import { ShortcutHelp } from './shortcut-help';
import { WordHelp } from './word-help';

// Notes load after the page is interactive, in a chunk of their own: reading needs none of it.
const NotesLayer = dynamic(() => import('@/components/notes/notes-layer').then((module) => module.NotesLayer), { ssr: false });

type Props = {
  initialMode: ReadingMode;
  labels: ReadingLabels;
  /** The post's path without query. */
  path: string;
  glossaryUrl: string;
  /** The notes layer's settings: the post's slug and IRI, and its strings. */
  notes: { slug: string; postIri: string; labels: NoteLabels };
  children: ReactNode;
};

const ONE_YEAR = 60 * 60 * 24 * 365;

function rememberModeCookies(mode: ReadingMode): void {
  document.cookie = `${readingCookies.gloss}=${mode.gloss}; path=/; max-age=${ONE_YEAR}; samesite=lax`;
  document.cookie = `${readingCookies.pinyin}=${mode.pinyin ? '1' : '0'}; path=/; max-age=${ONE_YEAR}; samesite=lax`;
}

/** The reading state switched in place: remembered, and shown in the address. */
function rememberMode(mode: ReadingMode, path: string): void {
  rememberModeCookies(mode);
  window.history.replaceState(window.history.state, '', readingHref(path, mode));
}

/** Whether a block's gloss shows: the page's mode, unless the reader toggled that block. */
function glossShown(block: HTMLElement, mode: GlossMode): boolean {
  const own = block.dataset.glossBlock;
  return own === 'shown' || (own !== 'hidden' && mode !== 'off');
}

function syncBlockToggles(root: HTMLElement, mode: GlossMode): void {
  for (const toggle of root.querySelectorAll<HTMLElement>('[data-gloss-toggle]')) {
    const block = toggle.closest<HTMLElement>('.blk');
    if (block) toggle.setAttribute('aria-expanded', String(glossShown(block, mode)));
  }
}

export function ReadingView({ initialMode, labels, path, glossaryUrl, notes, children }: Props) {
  const [mode, setMode] = useState(initialMode);
  const [hydrated, setHydrated] = useState(false);
  const [notesOpen, setNotesOpen] = useState(false);
  const [noteCount, setNoteCount] = useState<number | null>(null);
  const [notesWanted, setNotesWanted] = useState(false);
  /** `a` pressed on a selection before the notes layer had loaded: it opens the composer once it has. */
  const [annotateOnLoad, setAnnotateOnLoad] = useState(false);
  const notesReady = useRef(false);
  /** The probe's answer (the first page of notes), handed to the layer so it does not ask again. */
  const [firstNotesPage, setFirstNotesPage] = useState<unknown>(undefined);
  const rootRef = useRef<HTMLDivElement>(null);
  /** The same element as state, for the layers that render into it (word help, notes). */
  const [root, setRoot] = useState<HTMLDivElement | null>(null);
  const attachRoot = useCallback((element: HTMLDivElement | null) => {
    rootRef.current = element;
    setRoot(element);
  }, []);
  const toolbarRef = useRef<HTMLElement>(null);

  // Back from a pinyin switch: put the block the reader was on exactly where it was, as soon as
  // the page runs and again once the browser's own scroll to the block has settled.
  useLayoutEffect(() => {
    const root = rootRef.current;
    const anchor = takeCarriedAnchor();
    if (root && anchor) {
      restoreAnchor(root, anchor);
      requestAnimationFrame(() => {
        restoreAnchor(root, anchor);
        setTimeout(() => restoreAnchor(root, anchor), 150);
      });
    }
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the controls that need JavaScript are enabled once it runs; the server's HTML holds them disabled
    setHydrated(true);
  }, []);

  // The notes layer's code loads only when there is something for it: notes on this post, a
  // passage selected, or the panel asked for. Most visits read without it.
  useEffect(() => {
    if (!hydrated || notesWanted) return;
    const root = rootRef.current;
    const controller = new AbortController();
    fetch(notesPageApiPath(notes.slug, 0), { credentials: 'same-origin', signal: controller.signal })
      .then((response) => (response.ok ? response.json() : null))
      .then((page: unknown) => {
        const total = typeof page === 'object' && page !== null && 'partOf' in page ? (page.partOf as { total?: unknown }).total : undefined;
        if (typeof total === 'number' && total === 0) setNoteCount(0);
        else {
          setFirstNotesPage(page);
          setNotesWanted(true);
        }
      })
      .catch(() => undefined);
    const onSelection = () => {
      const selection = document.getSelection();
      if (root && selection && !selection.isCollapsed && root.contains(selection.anchorNode)) setNotesWanted(true);
    };
    document.addEventListener('selectionchange', onSelection);
    return () => {
      controller.abort();
      document.removeEventListener('selectionchange', onSelection);
    };
  }, [hydrated, notesWanted, notes.slug]);

  const anchorOffset = () => toolbarRef.current?.getBoundingClientRect().bottom ?? 0;

  const switchGloss = useCallback(
    (gloss: GlossMode) => {
      const root = rootRef.current;
      if (!root) return;
      const anchor = captureAnchor(root, anchorOffset());
      for (const block of root.querySelectorAll<HTMLElement>('.blk[data-gloss-block]')) delete block.dataset.glossBlock;
      const next = { ...mode, gloss };
      flushSync(() => setMode(next));
      syncBlockToggles(root, gloss);
      restoreAnchor(root, anchor);
      rememberMode(next, path);
    },
    [mode, path],
  );

  const switchPinyin = useCallback(
    (pinyin: boolean) => {
      const root = rootRef.current;
      if (!root) return;
      const next = { ...mode, pinyin };
      const anchor = captureAnchor(root, anchorOffset());
      carryAnchor(anchor);
      rememberModeCookies(next);
      // The other page's text is in its own HTML only (components/server-html.tsx): load it in
      // place of this one, landing on the block being read from the first paint; the carried
      // anchor then puts it exactly back.
      window.location.replace(readingHref(path, next, anchor?.id));
    },
    [mode, path],
  );

  const toggleBlock = (event: MouseEvent<HTMLElement>) => {
    const toggle = (event.target as HTMLElement).closest<HTMLElement>('[data-gloss-toggle]');
    const block = toggle?.closest<HTMLElement>('.blk');
    if (!toggle || !block) return;
    event.preventDefault();
    const show = !glossShown(block, mode.gloss);
    const matchesPage = show === (mode.gloss !== 'off');
    if (matchesPage) delete block.dataset.glossBlock;
    else block.dataset.glossBlock = show ? 'shown' : 'hidden';
    toggle.setAttribute('aria-expanded', String(show));
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isShortcutKey(event)) return;
      if (event.key === 'g') switchGloss(nextGlossMode(mode.gloss));
      else if (event.key === 'p') switchPinyin(!mode.pinyin);
      else if (event.key === 'a' && !notesReady.current && !document.getSelection()?.isCollapsed) {
        setNotesWanted(true);
        setAnnotateOnLoad(true);
      } else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [mode, switchGloss, switchPinyin]);

  const follow = (event: MouseEvent<HTMLAnchorElement>, action: () => void) => {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    action();
  };

  return (
    <div ref={attachRoot} className="reading" data-gloss={mode.gloss} data-pinyin={mode.pinyin ? '1' : '0'} onClick={toggleBlock} onCopy={cleanCopy}>
      <nav ref={toolbarRef} className="reading-toolbar" aria-label={labels.toolbar}>
        <span className="toolbar-group">
          <span className="toolbar-label" id="gloss-mode-label">
            {labels.gloss}
          </span>
          <span className="segmented" role="group" aria-labelledby="gloss-mode-label">
            {glossModes.map((gloss) => (
              <a
                key={gloss}
                href={readingHref(path, { ...mode, gloss })}
                aria-current={mode.gloss === gloss ? 'true' : undefined}
                title={labels.modeLabels[gloss]}
                data-gloss-mode={gloss}
                onClick={(event) => follow(event, () => switchGloss(gloss))}
              >
                {labels.modes[gloss]}
              </a>
            ))}
          </span>
        </span>
        <a
          className="toolbar-pinyin"
          href={readingHref(path, { ...mode, pinyin: !mode.pinyin })}
          data-pinyin-toggle=""
          onClick={(event) => follow(event, () => switchPinyin(!mode.pinyin))}
        >
          {mode.pinyin ? labels.pinyinOff : labels.pinyinOn}
        </a>
        {/* Every button is in the server's HTML, hidden and disabled until this code runs, so the
            toolbar has its final size from the first paint and nothing moves when the page hydrates. */}
        <ShortcutHelp labels={labels.shortcuts} ready={hydrated} />
        <WordHelp root={root} glossaryUrl={glossaryUrl} labels={labels.words} slug={path.split('/').pop() ?? ''} ready={hydrated} />
        <button type="button" className="toolbar-button" aria-expanded={notesOpen} aria-controls={NOTES_PANEL_ID} disabled={!hydrated} onClick={() => {
            setNotesWanted(true);
            setNotesOpen((open) => !open);
          }}
        >
          {notes.labels.open} <span className="count">{noteCount ?? '–'}</span>
        </button>
        {hydrated && notesWanted ? (
          <NotesLayer root={root} slug={notes.slug} postIri={notes.postIri} labels={notes.labels} open={notesOpen}
            onOpenChange={setNotesOpen}
            onCount={setNoteCount}
            annotateOnLoad={annotateOnLoad}
            initialPage={firstNotesPage}
            onReady={() => {
              notesReady.current = true;
              setAnnotateOnLoad(false);
            }}
          />
        ) : null}
      </nav>
      {children}
    </div>
  );
}
