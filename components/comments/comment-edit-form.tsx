'use client';
/** Editing one's own comment in place (JavaScript only): the markdown source and its language. */
import type { CommentLang } from '@/lib/comments/limits';
import { errorMessage, type ApiFailure } from '@/components/api/client';
import type { CommentLabels } from './labels';
import { CommentLangOptions } from './lang-options';

export type CommentDraft = { body: string; lang: CommentLang };

type Props = {
  id: string;
  labels: CommentLabels;
  draft: CommentDraft;
  onDraft: (draft: CommentDraft) => void;
  busy: boolean;
  failure: ApiFailure | null;
  onSave: () => void;
  onCancel: () => void;
};

export function CommentEditForm({ id, labels, draft, onDraft, busy, failure, onSave, onCancel }: Props) {
  const errorId = `${id}-error`;
  return (
    <form
      className="comment-edit"
      onSubmit={(event) => {
        event.preventDefault();
        onSave();
      }}
    >
      <label htmlFor={id}>{labels.form.edit}</label>
      <textarea
        id={id}
        rows={5}
        required
        value={draft.body}
        onChange={(event) => onDraft({ ...draft, body: event.target.value })}
        aria-invalid={failure ? true : undefined}
        aria-describedby={failure ? errorId : undefined}
        autoFocus
      />
      <label htmlFor={`${id}-lang`} className="sr-only">
        {labels.form.lang}
      </label>
      <select id={`${id}-lang`} value={draft.lang} onChange={(event) => onDraft({ ...draft, lang: event.target.value === 'en' ? 'en' : 'zh' })}>
        <CommentLangOptions names={labels.langName} />
      </select>
      {failure ? (
        <p className="comment-error" role="alert" id={errorId}>
          {errorMessage(labels.errors, failure)}
        </p>
      ) : null}
      <div className="comment-actions">
        <button type="submit" className="comment-button comment-button-primary" disabled={busy}>
          {busy ? labels.actions.saving : labels.actions.save}
        </button>
        <button type="button" className="comment-button" onClick={onCancel}>
          {labels.actions.cancel}
        </button>
      </div>
    </form>
  );
}
