/**
 * The notes panel (the sidebar): the notes in reading order under their blocks, the composer of a
 * new note, what the last action did (announced), and at the end the notes whose words are no
 * longer in the post. Escape closes it and gives focus back to the toolbar's Notes button.
 */
import type { Anchor } from '@/lib/notes/anchoring';
import { fill } from '@/lib/i18n/fill';
import type { ApiFailure } from '@/components/api/client';
import type { NoteLabels } from './labels';
import { NoteForm, type NoteDraft } from './note-form';
import { NoteItem, type NoteActions } from './note-item';
import type { Note } from './notes-model';
import { NOTES_PANEL_ID } from './panel-id';
import type { BlockNotes } from './reading-order';

type Props = {
  root: HTMLElement | null;
  open: boolean;
  onClose: () => void;
  labels: NoteLabels;
  /** What the last action did, for screen readers and everyone else. */
  status: string;
  /** How many notes the reader can see on the post. */
  count: number;
  loadFailed: boolean;
  /** Whether the post has any note on a passage (placeholders included). */
  empty: boolean;
  groups: readonly BlockNotes[];
  orphaned: readonly Note[];
  replies: ReadonlyMap<string, Note[]>;
  actions: NoteActions;
  activeIri: string | null;
  /** The passage a new note is being written on, if one is. */
  composing: Anchor | null;
  onSaveNew: (draft: NoteDraft) => Promise<ApiFailure | null>;
  onCancelNew: () => void;
};

/** The id of the section that lists a block's notes, which its markers open the panel at. */
export const blockSectionId = (blockId: string) => `notes-block-${blockId}`;

const short = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** The toolbar's button that opens the panel; it is always there, the panel only once notes load. */
export const focusNotesButton = () => document.querySelector<HTMLElement>(`.reading-toolbar [aria-controls="${NOTES_PANEL_ID}"]`)?.focus();

export function NotesPanel({ root, open, onClose, labels, status, count, loadFailed, empty, groups, orphaned, replies, actions, activeIri, composing, onSaveNew, onCancelNew }: Props) {
  const blockLabel = (blockId: string) => {
    const text = root?.querySelector(`[data-block="${CSS.escape(blockId)}"]`)?.textContent ?? blockId;
    return short(text.replace(/\s+/g, ' ').trim(), 18);
  };

  return (
    <aside
      id={NOTES_PANEL_ID}
      className="notes-panel"
      hidden={!open}
      aria-labelledby="notes-panel-title"
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || event.defaultPrevented) return;
        event.preventDefault();
        onClose();
        focusNotesButton();
      }}
    >
      <header>
        <h2 id="notes-panel-title">
          {labels.panel} <span className="count">{count}</span>
        </h2>
        <button type="button" onClick={onClose}>
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
          <NoteForm labels={labels} kind="new" submitLabel={labels.save} onSubmit={onSaveNew} onCancel={onCancelNew} />
        </section>
      ) : null}
      {loadFailed ? <p role="alert">{labels.loadFailed}</p> : null}
      {!loadFailed && empty && !composing ? <p className="notes-empty">{labels.empty}</p> : null}
      {groups.map(({ blockId, notes }) => (
        <section key={blockId} id={blockSectionId(blockId)} className="notes-block" aria-labelledby={`notes-block-title-${blockId}`}>
          <h3 id={`notes-block-title-${blockId}`} tabIndex={-1}>
            <span lang="zh-Hans">{blockLabel(blockId)}</span> <span className="count">{fill(labels.blockCount, { count: notes.filter((note) => !note.deleted).length })}</span>
          </h3>
          <ol>
            {notes.map((note) => (
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
    </aside>
  );
}
