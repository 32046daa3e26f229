'use client';
/**
 * One note in the notes panel: the passage it is on, the note (sanitised HTML from the server),
 * its tags, and its replies; its author may edit or delete it, anyone may reply.
 */
import { useState } from 'react';
import { errorMessage, type ApiFailure } from '@/components/api/client';
import type { NoteLabels } from './labels';
import { NoteForm, type NoteDraft } from './note-form';
import { noteElementId, type Note } from './notes-model';

export type NoteActions = {
  edit: (note: Note, draft: NoteDraft) => Promise<ApiFailure | null>;
  remove: (note: Note) => Promise<ApiFailure | null>;
  reply: (note: Note, text: string) => Promise<ApiFailure | null>;
  /** Scrolls to the passage and marks it; absent for a note that could not be anchored. */
  show?: (note: Note) => void;
};

type Props = {
  note: Note;
  replies: ReadonlyMap<string, Note[]>;
  labels: NoteLabels;
  actions: NoteActions;
  active: boolean;
  depth?: number;
};

const MAX_INDENT = 5;

export function NoteItem({ note, replies, labels, actions, active, depth = 0 }: Props) {
  const [mode, setMode] = useState<'view' | 'edit' | 'reply' | 'confirm'>('view');
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const children = replies.get(note.iri) ?? [];

  return (
    <li id={noteElementId(note.iri)} tabIndex={-1} className="note" data-active={active ? '' : undefined} data-depth={Math.min(depth, MAX_INDENT)}>
      <article aria-label={note.anchor ? `${labels.quote}: ${note.anchor.exact}` : undefined}>
        {note.anchor ? (
          <blockquote className="note-quote" lang={note.anchor.layer === 'zh' ? 'zh-Hans' : 'en'}>
            {note.anchor.exact}
          </blockquote>
        ) : null}
        {note.deleted ? (
          <p className="note-deleted">{labels.deleted}</p>
        ) : mode === 'edit' ? (
          <NoteForm
            labels={labels}
            kind={note.anchor ? 'edit' : 'reply'}
            initial={{ text: note.source, visibility: note.visibility, tags: note.tags }}
            submitLabel={labels.update}
            onSubmit={async (draft) => {
              const result = await actions.edit(note, draft);
              if (!result) setMode('view');
              return result;
            }}
            onCancel={() => setMode('view')}
          />
        ) : (
          <>
            <div className="note-body" dangerouslySetInnerHTML={{ __html: note.html }} />
            <p className="note-meta">
              {note.mine ? <span className="note-badge">{labels.mine}</span> : null}
              {note.visibility === 'private' ? <span className="note-badge note-private">{labels.privateBadge}</span> : null}
              {note.tags.map((tag) => (
                <span key={tag} className="note-tag">
                  #{tag}
                </span>
              ))}
            </p>
          </>
        )}
        {mode === 'view' && !note.deleted ? (
          <div className="note-actions">
            {actions.show && note.anchor ? (
              <button type="button" onClick={() => actions.show?.(note)}>
                {labels.show}
              </button>
            ) : null}
            <button type="button" onClick={() => setMode('reply')}>
              {labels.replyAction}
            </button>
            {note.mine ? (
              <>
                <button type="button" onClick={() => setMode('edit')}>
                  {labels.edit}
                </button>
                <button type="button" onClick={() => setMode('confirm')}>
                  {labels.delete}
                </button>
              </>
            ) : null}
          </div>
        ) : null}
        {mode === 'confirm' ? (
          <div className="note-actions">
            <button
              type="button"
              autoFocus
              onClick={async () => {
                const result = await actions.remove(note);
                setFailure(result);
                if (!result) setMode('view');
              }}
            >
              {labels.confirmDelete}
            </button>
            <button type="button" onClick={() => setMode('view')}>
              {labels.cancel}
            </button>
          </div>
        ) : null}
        {failure ? (
          <p className="note-error" role="alert">
            {errorMessage(labels.errors, failure)}
          </p>
        ) : null}
        {mode === 'reply' ? (
          <NoteForm
            labels={labels}
            kind="reply"
            submitLabel={labels.sendReply}
            onSubmit={async (draft) => {
              const result = await actions.reply(note, draft.text);
              if (!result) setMode('view');
              return result;
            }}
            onCancel={() => setMode('view')}
          />
        ) : null}
      </article>
      {children.length ? (
        <ol className="note-replies">
          {children.map((child) => (
            <NoteItem key={child.iri} note={child} replies={replies} labels={labels} actions={actions} active={false} depth={depth + 1} />
          ))}
        </ol>
      ) : null}
    </li>
  );
}
