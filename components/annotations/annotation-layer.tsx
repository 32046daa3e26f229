'use client';
/**
 * Reader notes on the post: select any passage, in the Chinese or in an English gloss, and attach
 * a note. The layer reads the post's notes from the annotation API, finds each passage again in
 * the page as it is now (lib/annotations/anchoring), and shows them without touching the text:
 * highlights through the CSS Custom Highlight API (boxes drawn over the text where a browser
 * lacks it), markers in the margin of each block with notes (also beside the other language's
 * version of the block), and a panel listing the notes in reading order with the ones that no
 * longer anchor at the end. Nothing here changes the flow of the page, so nothing shifts.
 *
 * Keyboard: Shift+arrow keys on a word (see word-help.tsx) select word by word; `a` annotates
 * the selection; the markers and the panel are ordinary buttons.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { z } from 'zod';
import { anchorAll, describe, type Anchor, type AnchorResult, type Layer } from '@/lib/annotations/anchoring';
import { fromRange, layerDocument, toRanges } from '@/lib/annotations/anchoring/dom';
import { annotationDocumentSchema, annotationPageSchema } from '@/lib/annotations/dto-schema';
import { notesApiPath, notesPageApiPath } from '@/lib/annotations/paths';
import { callApi, type ApiFailure } from '@/components/api/client';
import { isShortcutKey } from '@/components/reading/keyboard';
import { fill } from '@/lib/i18n/fill';
import type { NoteLabels } from './labels';
import { NoteForm, type NoteDraft } from './note-form';
import { NoteItem, type NoteActions } from './note-item';
import { NOTES_PANEL_ID as PANEL_ID } from './panel-id';
import { noteElementId, notePatch, passageAnnotation, replyAnnotation, toNote, type Note } from './notes-model';

type Props = {
  rootRef: RefObject<HTMLElement | null>;
  slug: string;
  /** The post's IRI, the target source of its notes. */
  postIri: string;
  labels: NoteLabels;
  /** Whether the panel is open; the toolbar's button (in the reading view) toggles it too. */
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Told the number of notes the reader can see, for the toolbar's button. */
  onCount: (count: number) => void;
  /** The reader pressed `a` on a selection while this layer was loading: open the composer at once. */
  annotateOnLoad: boolean;
  /** Called once the layer handles selections and its shortcut itself. */
  onReady: () => void;
  /** The first page of the post's notes, when the reading view has already fetched it. */
  initialPage?: unknown;
};

type Placed = { result: AnchorResult; range: Range };
type PendingSelection = { anchor: Anchor; top: number; left: number };

const HIGHLIGHT = 'duizhao-notes';
const ACTIVE_HIGHLIGHT = 'duizhao-note-active';
const MAX_PASSAGE = 2000;
const anything = z.unknown();

const hasHighlightApi = () => typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';

/** Every page of the post's notes; `first`, when given, is the answer for page 0 already in hand. */
async function loadAll(slug: string, first: unknown): Promise<Note[] | ApiFailure> {
  const notes: Note[] = [];
  let page = 0;
  const known = first === undefined ? null : annotationPageSchema.safeParse(first);
  if (known?.success) {
    notes.push(...known.data.items.map(toNote));
    if (!known.data.next) return notes;
    page = 1;
  }
  for (; page < 1000; page++) {
    const result = await callApi(notesPageApiPath(slug, page), annotationPageSchema);
    if (!result.ok) return result.error;
    notes.push(...result.data.items.map(toNote));
    if (!result.data.next) break;
  }
  return notes;
}

/** The pending selection as a passage of one block, or null when it is not one we can note. */
function readSelection(root: HTMLElement): PendingSelection | null {
  const selection = document.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer)) return null;
  const span = fromRange(root, range);
  if (!span) return null;
  const anchor = describe(layerDocument(root, span.layer), span.blockId, span.layer, span.start, span.end);
  if (!anchor || anchor.exact.trim() === '') return null;
  const rects = range.getClientRects();
  const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
  return { anchor, top: last.bottom + window.scrollY + 6, left: Math.max(8, Math.min(last.right + window.scrollX - 40, document.documentElement.clientWidth - 160)) };
}

const short = (text: string, max = 24) => (text.length > max ? `${text.slice(0, max)}…` : text);

export function AnnotationLayer({ rootRef, slug, postIri, labels, open: panelOpen, onOpenChange: setPanelOpen, onCount, annotateOnLoad, onReady, initialPage }: Props) {
  const [notes, setNotes] = useState<Note[]>([]);
  const [loadFailed, setLoadFailed] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const [placed, setPlaced] = useState<ReadonlyMap<string, Placed>>(new Map());
  /** Each block's place in the post, read with the text the passages were found in. */
  const [order, setOrder] = useState<ReadonlyMap<string, number>>(new Map());
  const [pageVersion, setPageVersion] = useState(0);
  const [pending, setPending] = useState<PendingSelection | null>(null);
  const [composing, setComposing] = useState<Anchor | null>(null);
  const [activeIri, setActiveIri] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [boxes, setBoxes] = useState<Array<{ key: string; top: number; left: number; width: number; height: number; active: boolean }>>([]);
  const panelRef = useRef<HTMLElement>(null);

  /** The reading view's first answer, used once instead of asking again. */
  const firstPage = useRef(initialPage);
  const reload = useCallback(async () => {
    const loaded = await loadAll(slug, firstPage.current);
    firstPage.current = undefined;
    if (Array.isArray(loaded)) {
      setNotes(loaded);
      setLoadFailed(false);
      setLoaded(true);
    } else setLoadFailed(true);
  }, [slug]);

  useEffect(() => {
    void reload();
  }, [reload]);

  // The post's markup is replaced when pinyin is switched on or off: find the passages again.
  useEffect(() => {
    const body = rootRef.current?.querySelector('.post-body');
    if (!body) return;
    let frame = 0;
    const observer = new MutationObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setPageVersion((version) => version + 1));
    });
    observer.observe(body, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [rootRef]);

  const passages = useMemo(() => notes.filter((note) => note.parentIri === null), [notes]);

  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    // A deleted note kept for its replies marks no words; it is listed with its block, below.
    const anchored = passages.filter((note) => note.anchor && !note.deleted);
    const doc = layerDocument(root);
    const blocks = new Map<string, number>();
    for (const block of doc) if (!blocks.has(block.id)) blocks.set(block.id, blocks.size);
    setOrder(blocks);
    const results = anchorAll(doc, anchored.map((note) => note.anchor as Anchor));
    const found = results.flatMap((result, index) => (result ? [{ result, note: anchored[index] as Note }] : []));
    const ranges = toRanges(root, found.map(({ result }) => result));
    const next = new Map<string, Placed>();
    found.forEach(({ result, note }, index) => {
      const range = ranges[index];
      if (range) next.set(note.iri, { result, range });
    });
    setPlaced(next);
  }, [passages, pageVersion, rootRef]);

  // Highlights: one for every placed passage, one more for the note being looked at.
  useEffect(() => {
    const root = rootRef.current;
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
  }, [placed, activeIri, rootRef]);

  // The "Annotate" control follows the reader's selection.
  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onChange = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setPending(readSelection(root)), 80);
    };
    document.addEventListener('selectionchange', onChange);
    onChange(); // the reader may have selected before the layer loaded
    return () => {
      document.removeEventListener('selectionchange', onChange);
      clearTimeout(timer);
    };
  }, [rootRef]);

  /** Where focus goes back to when the composer closes without saving. */
  const returnFocus = useRef<HTMLElement | null>(null);

  /** Opens the composer on what is selected right now (the control may lag the selection by a moment). */
  const startNote = useCallback(() => {
    const root = rootRef.current;
    const current = root ? readSelection(root) : null;
    if (!current || current.anchor.exact.length > MAX_PASSAGE) return;
    returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setPending(current);
    setComposing(current.anchor);
    setPanelOpen(true);
    setStatus('');
  }, [rootRef, setPanelOpen]);

  const cancelNote = () => {
    setComposing(null);
    const root = rootRef.current;
    setPending(root ? readSelection(root) : null);
    const back = returnFocus.current?.isConnected ? returnFocus.current : document.querySelector<HTMLElement>(`.reading-toolbar [aria-controls="${PANEL_ID}"]`);
    back?.focus();
  };

  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    if (annotateOnLoad) startNote();
    onReady();
  }, [annotateOnLoad, onReady, startNote]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'a' && isShortcutKey(event) && !document.getSelection()?.isCollapsed) {
        event.preventDefault();
        startNote();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [startNote]);

  // A click on highlighted text (with nothing selected) opens its note.
  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    const onClick = (event: MouseEvent) => {
      if (!document.getSelection()?.isCollapsed) return;
      const caret = document.caretPositionFromPoint?.(event.clientX, event.clientY);
      const node = caret?.offsetNode;
      if (!node || !caret) return;
      for (const [iri, each] of placed) {
        if (each.range.startContainer.getRootNode() !== node.getRootNode()) continue;
        if (each.range.isPointInRange(node, caret.offset) && !(each.range.endContainer === node && each.range.endOffset === caret.offset)) {
          setActiveIri(iri);
          setPanelOpen(true);
          requestAnimationFrame(() => document.getElementById(noteElementId(iri))?.scrollIntoView({ block: 'nearest' }));
          return;
        }
      }
    };
    root.addEventListener('click', onClick);
    return () => root.removeEventListener('click', onClick);
  }, [placed, rootRef]);

  const show = useCallback(
    (note: Note) => {
      const where = placed.get(note.iri);
      setActiveIri(note.iri);
      if (!where) return;
      const element = where.range.startContainer.parentElement;
      element?.scrollIntoView({ block: 'center' });
    },
    [placed],
  );

  const actions: NoteActions = useMemo(
    () => ({
      show,
      edit: async (note, draft) => {
        const result = await callApi(note.path, annotationDocumentSchema, { method: 'PATCH', json: notePatch(draft) });
        if (!result.ok) return result.error;
        const changed = toNote(result.data);
        setNotes((all) => all.map((each) => (each.iri === note.iri ? changed : each)));
        setStatus(labels.saved);
        return null;
      },
      remove: async (note) => {
        const result = await callApi(note.path, anything, { method: 'DELETE' });
        if (!result.ok) return result.error;
        if (activeIri === note.iri) setActiveIri(null);
        await reload();
        return null;
      },
      reply: async (note, text) => {
        const result = await callApi(notesApiPath(slug), annotationDocumentSchema, { method: 'POST', json: replyAnnotation(note.iri, text) });
        if (!result.ok) return result.error;
        const created = toNote(result.data);
        setNotes((all) => [...all, created]);
        setStatus(labels.saved);
        return null;
      },
    }),
    [activeIri, labels.saved, reload, show, slug],
  );

  const saveNew = async (draft: NoteDraft): Promise<ApiFailure | null> => {
    if (!composing) return null;
    const result = await callApi(notesApiPath(slug), annotationDocumentSchema, {
      method: 'POST',
      json: passageAnnotation(postIri, composing, draft),
    });
    if (!result.ok) return result.error;
    const created = toNote(result.data);
    setNotes((all) => [...all, created]);
    setComposing(null);
    setActiveIri(created.iri);
    setStatus(labels.saved);
    document.getSelection()?.removeAllRanges();
    // The form goes away: focus moves to the note just saved, in the panel.
    requestAnimationFrame(() => document.getElementById(noteElementId(created.iri))?.focus());
    return null;
  };

  // Reading order: by block, the Chinese before its English, then by position.
  const root = rootRef.current;
  const groups = useMemo(() => {
    const byBlock = new Map<string, Note[]>();
    const position = (note: Note): { blockId: string; layer: Layer; start: number } | undefined =>
      placed.get(note.iri)?.result ?? (note.deleted && note.anchor ? note.anchor : undefined);
    for (const note of passages) {
      const where = position(note);
      if (!where) continue;
      const list = byBlock.get(where.blockId) ?? [];
      list.push(note);
      byBlock.set(where.blockId, list);
    }
    return [...byBlock.entries()]
      .sort(([a], [b]) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity))
      .map(([blockId, list]) => ({
        blockId,
        notes: list.sort((a, b) => {
          const [pa, pb] = [position(a), position(b)];
          if (!pa || !pb) return 0;
          return (pa.layer === pb.layer ? 0 : pa.layer === 'zh' ? -1 : 1) || pa.start - pb.start;
        }),
      }));
  }, [passages, placed, order]);
  const orphaned = passages.filter((note) => !note.deleted && !placed.has(note.iri));
  const replies = useMemo(() => {
    const map = new Map<string, Note[]>();
    for (const note of notes) {
      if (!note.parentIri) continue;
      map.set(note.parentIri, [...(map.get(note.parentIri) ?? []), note]);
    }
    for (const list of map.values()) list.sort((a, b) => a.created.localeCompare(b.created));
    return map;
  }, [notes]);

  const visibleCount = passages.filter((note) => !note.deleted).length;
  useEffect(() => {
    if (loaded) onCount(visibleCount);
  }, [loaded, onCount, visibleCount]);

  const openBlock = (blockId: string) => {
    setPanelOpen(true);
    requestAnimationFrame(() => {
      const group = document.getElementById(`notes-block-${blockId}`);
      group?.scrollIntoView({ block: 'nearest' });
      group?.querySelector<HTMLElement>('h3')?.focus();
    });
  };

  const markers = root
    ? groups.flatMap(({ blockId, notes: list }) => {
        const counts: Record<Layer, number> = { zh: 0, en: 0 };
        for (const note of list) {
          const layer = note.deleted ? undefined : placed.get(note.iri)?.result.layer;
          if (layer) counts[layer] += 1;
        }
        const group = (
          <span className="note-markers" data-anchor-skip="">
            {(['zh', 'en'] as const).map((layer) =>
              counts[layer] ? (
                <button key={layer} type="button" className="note-marker" data-layer={layer} aria-controls={PANEL_ID} aria-label={fill(labels.markerLabel[layer], { count: counts[layer] })} onClick={() => openBlock(blockId)}>
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
      })
    : [];

  const blockLabel = (blockId: string) => {
    const text = root?.querySelector(`[data-block="${CSS.escape(blockId)}"]`)?.textContent ?? blockId;
    return short(text.replace(/\s+/g, ' ').trim(), 18);
  };

  const tooLong = pending ? pending.anchor.exact.length > MAX_PASSAGE : false;

  return (
    <>
      {markers}
      {boxes.length && root
        ? createPortal(
            <div className="note-boxes" aria-hidden="true">
              {boxes.map((box) => (
                <span key={box.key} className="note-box" data-active={box.active ? '' : undefined} style={{ top: box.top, left: box.left, width: box.width, height: box.height }} />
              ))}
            </div>,
            root,
          )
        : null}
      {pending && !composing
        ? createPortal(
            <div className="annotate-control" style={{ top: pending.top, left: pending.left }}>
              {tooLong ? (
                <p role="status">{labels.selectionTooLong}</p>
              ) : (
                <button type="button" aria-keyshortcuts="a" onMouseDown={(event) => event.preventDefault()} onClick={startNote}>
                  {labels.annotate}
                </button>
              )}
            </div>,
            document.body,
          )
        : null}
      {createPortal(
        <aside
          ref={panelRef}
          id={PANEL_ID}
          className="notes-panel"
          hidden={!panelOpen}
          aria-labelledby="notes-panel-title"
          onKeyDown={(event) => {
            if (event.key !== 'Escape' || event.defaultPrevented) return;
            event.preventDefault();
            setPanelOpen(false);
            document.querySelector<HTMLElement>(`.reading-toolbar [aria-controls="${PANEL_ID}"]`)?.focus();
          }}
        >
          <header>
            <h2 id="notes-panel-title">
              {labels.panel} <span className="count">{visibleCount}</span>
            </h2>
            <button type="button" onClick={() => setPanelOpen(false)}>
              {labels.close}
            </button>
          </header>
          <p role="status" className="notes-status">
            {status}
          </p>
          {composing ? (
            <section className="note-composer" aria-labelledby="note-composer-title">
              <h3 id="note-composer-title">
                {fill(labels.composerTitle, { quote: short(composing.exact, 30) })} <span className="note-badge">{labels.onLayer[composing.layer]}</span>
              </h3>
              <NoteForm labels={labels} kind="new" submitLabel={labels.save} onSubmit={saveNew} onCancel={cancelNote} />
            </section>
          ) : null}
          {loadFailed ? <p role="alert">{labels.loadFailed}</p> : null}
          {!loadFailed && passages.length === 0 && !composing ? <p className="notes-empty">{labels.empty}</p> : null}
          {groups.map(({ blockId, notes: list }) => (
            <section key={blockId} id={`notes-block-${blockId}`} className="notes-block" aria-labelledby={`notes-block-title-${blockId}`}>
              <h3 id={`notes-block-title-${blockId}`} tabIndex={-1}>
                <span lang="zh-Hans">{blockLabel(blockId)}</span>{' '}
                <span className="count">{fill(labels.blockCount, { count: list.filter((note) => !note.deleted).length })}</span>
              </h3>
              <ol>
                {list.map((note) => (
                  <NoteItem key={note.iri} note={note} replies={replies} labels={labels} actions={actions} active={note.iri === activeIri} />
                ))}
              </ol>
            </section>
          ))}
          {orphaned.length ? (
            <section className="notes-orphaned" aria-labelledby="notes-orphaned-title">
              <h3 id="notes-orphaned-title">{fill(labels.orphaned, { count: orphaned.length })}</h3>
              <p>{labels.orphanedHint}</p>
              <ol>
                {orphaned.map((note) => (
                  <NoteItem key={note.iri} note={note} replies={replies} labels={labels} actions={{ ...actions, show: undefined }} active={false} />
                ))}
              </ol>
            </section>
          ) : null}
        </aside>,
        document.body,
      )}
    </>
  );
}
