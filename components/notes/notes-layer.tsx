'use client';
/**
 * Reader notes on the post: select any passage, in the Chinese or in an English gloss, and attach
 * a note. The layer puts together, as hypothesis/client's annotator does, parts that each do one
 * thing: the post's notes from the notes API (use-post-notes.ts), each passage found again in the
 * page as it is now (use-anchors.ts), highlights painted without touching the text
 * (use-highlights.ts, highlight-boxes.tsx), the selection observer (use-selection.ts) with its
 * "Annotate" control, the keyboard (use-annotate-shortcut.ts), clicks on highlights
 * (use-highlight-clicks.ts), the markers in the margin (note-markers.tsx), and the panel listing
 * the notes in reading order (notes-panel.tsx). Nothing here changes the flow of the page, so
 * nothing shifts.
 */
// First of all: the notes layer's modules build zod schemas as they load (lib/notes/w3c), and zod
// must be in jitless mode before it builds one, or it probes `new Function` under the page's
// Content-Security-Policy, which reports it (lib/browser-zod.ts).
import '@/lib/browser-zod';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { Anchor } from '@/lib/notes/anchoring';
import type { ApiFailure } from '@/components/api/client';
import { AnnotateControl } from './annotate-control';
import { HighlightBoxes } from './highlight-boxes';
import type { NoteLabels } from './labels';
import type { NoteDraft } from './note-form';
import type { NoteActions } from './note-item';
import { NoteMarkers } from './note-markers';
import { noteElementId, passageAnnotation, replyAnnotation, type Note } from './notes-model';
import { blockSectionId, focusNotesButton, NotesPanel } from './notes-panel';
import { notesByBlock, orphanedNotes, repliesByParent } from './reading-order';
import { useAnchors } from './use-anchors';
import { useAnnotateShortcut } from './use-annotate-shortcut';
import { useHighlightClicks } from './use-highlight-clicks';
import { useHighlights } from './use-highlights';
import { usePostNotes } from './use-post-notes';
import { MAX_PASSAGE, readSelection, useSelection } from './use-selection';

type Props = {
  /** The reading view's root: the post and its glosses. */
  root: HTMLElement | null;
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

export function NotesLayer({ root, slug, postIri, labels, open: panelOpen, onOpenChange: setPanelOpen, onCount, annotateOnLoad, onReady, initialPage }: Props) {
  const { notes, loaded, loadFailed, create, edit, remove } = usePostNotes(slug, initialPage);
  const passages = useMemo(() => notes.filter((note) => note.parentIri === null), [notes]);
  const { placed, order } = useAnchors(root, passages);
  const [activeIri, setActiveIri] = useState<string | null>(null);
  const boxes = useHighlights(root, placed, activeIri);
  const [pending, setPending] = useSelection(root);
  const [composing, setComposing] = useState<Anchor | null>(null);
  const [status, setStatus] = useState('');

  /** Where focus goes back to when the composer closes without saving. */
  const returnFocus = useRef<HTMLElement | null>(null);

  /** Opens the composer on what is selected right now (the control may lag the selection by a moment). */
  const startNote = useCallback(() => {
    const current = root ? readSelection(root) : null;
    if (!current || current.anchor.exact.length > MAX_PASSAGE) return;
    returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setPending(current);
    setComposing(current.anchor);
    setPanelOpen(true);
    setStatus('');
  }, [root, setPanelOpen, setPending]);

  const cancelNote = () => {
    setComposing(null);
    setPending(root ? readSelection(root) : null);
    if (returnFocus.current?.isConnected) returnFocus.current.focus();
    else focusNotesButton();
  };

  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    // The selection is the page's, made while this layer loaded: it can only be read once mounted.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- opening the composer on it is the point
    if (annotateOnLoad) startNote();
    onReady();
  }, [annotateOnLoad, onReady, startNote]);

  useAnnotateShortcut(startNote);

  const openNote = useCallback(
    (iri: string) => {
      setActiveIri(iri);
      setPanelOpen(true);
      requestAnimationFrame(() => document.getElementById(noteElementId(iri))?.scrollIntoView({ block: 'nearest' }));
    },
    [setPanelOpen],
  );
  useHighlightClicks(root, placed, openNote);

  const show = useCallback(
    (note: Note) => {
      const where = placed.get(note.iri);
      setActiveIri(note.iri);
      if (!where) return;
      where.range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    },
    [placed],
  );

  const actions: NoteActions = useMemo(
    () => ({
      show,
      edit: async (note, draft) => {
        const result = await edit(note, draft);
        if (!result.ok) return result.error;
        setStatus(labels.saved);
        return null;
      },
      remove: (note) =>
        remove(note, () => {
          if (activeIri === note.iri) setActiveIri(null);
        }),
      reply: async (note, text) => {
        const result = await create(replyAnnotation(note.iri, text));
        if (!result.ok) return result.error;
        setStatus(labels.saved);
        return null;
      },
    }),
    [activeIri, create, edit, labels.saved, remove, show],
  );

  const saveNew = async (draft: NoteDraft): Promise<ApiFailure | null> => {
    if (!composing) return null;
    const result = await create(passageAnnotation(postIri, composing, draft));
    if (!result.ok) return result.error;
    setComposing(null);
    setActiveIri(result.note.iri);
    setStatus(labels.saved);
    document.getSelection()?.removeAllRanges();
    // The form goes away: focus moves to the note just saved, in the panel.
    requestAnimationFrame(() => document.getElementById(noteElementId(result.note.iri))?.focus());
    return null;
  };

  const groups = useMemo(() => notesByBlock(passages, placed, order), [passages, placed, order]);
  const orphaned = orphanedNotes(passages, placed);
  const replies = useMemo(() => repliesByParent(notes), [notes]);

  const visibleCount = passages.filter((note) => !note.deleted).length;
  useEffect(() => {
    if (loaded) onCount(visibleCount);
  }, [loaded, onCount, visibleCount]);

  const openBlock = (blockId: string) => {
    setPanelOpen(true);
    requestAnimationFrame(() => {
      const group = document.getElementById(blockSectionId(blockId));
      group?.scrollIntoView({ block: 'nearest' });
      group?.querySelector<HTMLElement>('h3')?.focus();
    });
  };

  return (
    <>
      {root ? <NoteMarkers root={root} groups={groups} placed={placed} labels={labels} onOpenBlock={openBlock} /> : null}
      <HighlightBoxes root={root} boxes={boxes} />
      {pending && !composing ? <AnnotateControl pending={pending} labels={labels} onAnnotate={startNote} /> : null}
      {createPortal(
        <NotesPanel
          root={root}
          open={panelOpen}
          onClose={() => setPanelOpen(false)}
          labels={labels}
          status={status}
          count={visibleCount}
          loadFailed={loadFailed}
          empty={passages.length === 0}
          groups={groups}
          orphaned={orphaned}
          replies={replies}
          actions={actions}
          activeIri={activeIri}
          composing={composing}
          onSaveNew={saveNew}
          onCancelNew={cancelNote}
        />,
        document.body,
      )}
    </>
  );
}
