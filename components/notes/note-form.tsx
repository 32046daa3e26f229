'use client';
/**
 * Writing a note: a new note on a passage (text, who can see it, tags), a change to one, or a
 * reply (text only). The form says "saved" only once the API has answered with the stored note;
 * on a failure the text stays in the box and the translated error shows.
 */
import { useId, useState, type FormEvent } from 'react';
import type { Visibility } from '@/lib/notes/types';
import { errorMessage, type ApiFailure } from '@/components/api/client';
import type { NoteLabels } from './labels';
import { parseTags } from './notes-model';

export type NoteDraft = { text: string; visibility: Visibility; tags: string[] };

type Props = {
  labels: NoteLabels;
  kind: 'new' | 'edit' | 'reply';
  initial?: NoteDraft;
  submitLabel: string;
  /** Stores the note; resolves to a failure to show, or null once it is stored. */
  onSubmit: (draft: NoteDraft) => Promise<ApiFailure | null>;
  onCancel: () => void;
  autoFocus?: boolean;
};

export function NoteForm({ labels, kind, initial, submitLabel, onSubmit, onCancel, autoFocus = true }: Props) {
  const id = useId();
  const [text, setText] = useState(initial?.text ?? '');
  const [visibility, setVisibility] = useState<Visibility>(initial?.visibility ?? 'public');
  const [tags, setTags] = useState((initial?.tags ?? []).join(', '));
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setFailure(null);
    const result = await onSubmit({ text, visibility, tags: parseTags(tags) });
    setBusy(false);
    if (result) setFailure(result);
  };

  return (
    <form className="note-form" onSubmit={submit} onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        onCancel();
      }}>
      <label htmlFor={`${id}-text`}>{kind === 'reply' ? labels.reply : labels.note}</label>
      <textarea id={`${id}-text`} value={text} onChange={(event) => setText(event.target.value)} rows={kind === 'reply' ? 2 : 4} required autoFocus={autoFocus} />
      {kind === 'reply' ? null : (
        <>
          <fieldset className="note-visibility">
            <legend>{labels.visibility}</legend>
            {(['public', 'private'] as const).map((value) => (
              <label key={value}>
                <input type="radio" name={`${id}-visibility`} value={value} checked={visibility === value} onChange={() => setVisibility(value)} /> {labels[value]}
              </label>
            ))}
          </fieldset>
          <label htmlFor={`${id}-tags`}>{labels.tags}</label>
          <input id={`${id}-tags`} type="text" value={tags} onChange={(event) => setTags(event.target.value)} autoComplete="off" />
        </>
      )}
      {failure ? (
        <p className="note-error" role="alert">
          {errorMessage(labels.errors, failure)}
        </p>
      ) : null}
      <div className="note-actions">
        <button type="submit" disabled={busy}>
          {busy ? labels.saving : submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          {labels.cancel}
        </button>
      </div>
    </form>
  );
}
