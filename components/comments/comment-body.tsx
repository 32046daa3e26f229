'use client';
/**
 * A comment's body (sanitised HTML from the server) and what the reader can do with it. Reply is
 * a link to the comments page without JavaScript and opens a form in place with it; edit and
 * delete (own comments, within the window, while unanswered) and report need JavaScript.
 */
import { useState } from 'react';
import type { CommentLang } from '@/lib/comments/limits';
import type { CommentDto } from '@/lib/comments/types';
import { fill } from '@/lib/i18n/fill';
import { formatDateTime } from '@/lib/i18n/format';
import { callApi, errorMessage, type ApiFailure } from '@/components/api/client';
import { commentAnswer, deleteAnswer, flagAnswer } from './answers';
import { CommentEditForm, type CommentDraft } from './comment-edit-form';
import type { CommentHandlers } from './comment-item';
import type { CommentLabels } from './labels';

export const LANG_TAGS: Record<CommentLang, string> = { zh: 'zh-Hans', en: 'en' };

type Mode = 'view' | 'edit' | 'confirmDelete';

/** The body and the actions on it, which may turn it into an edit form. */
export function CommentBody({ comment, labels, handlers }: { comment: CommentDto; labels: CommentLabels; handlers: CommentHandlers }) {
  const [mode, setMode] = useState<Mode>('view');
  const [draft, setDraft] = useState<CommentDraft>({ body: comment.bodySource ?? '', lang: comment.lang });
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [flagged, setFlagged] = useState(false);
  const { hydrated, now } = handlers;
  const own = comment.editableUntil !== undefined;
  const editable = hydrated && own && Date.parse(comment.editableUntil ?? '') > now && !handlers.answered.has(comment.id);
  const canReply = !comment.pending;
  const canFlag = hydrated && !own && !comment.pending;

  /** Back to the comment once the edit form is gone, so keyboard users keep their place. */
  const leaveEdit = () => {
    setMode('view');
    requestAnimationFrame(() => document.getElementById(`comment-${comment.id}`)?.querySelector<HTMLElement>('.comment-card')?.focus());
  };

  const run = async (action: () => Promise<ApiFailure | null>) => {
    setBusy(true);
    setFailure(null);
    const failed = await action();
    setBusy(false);
    setFailure(failed);
  };

  const save = () =>
    run(async () => {
      const result = await callApi(`/api/comments/${comment.id}`, commentAnswer, { method: 'PATCH', json: draft });
      if (!result.ok) return result.error;
      leaveEdit();
      handlers.onChanged(result.data.comment);
      handlers.onNotice(labels.form.saved);
      return null;
    });

  const remove = () =>
    run(async () => {
      const result = await callApi(`/api/comments/${comment.id}`, deleteAnswer, { method: 'DELETE' });
      if (!result.ok) return result.error;
      handlers.onRemoved(comment.id, result.data.placeholder);
      handlers.onNotice(labels.form.deletedDone);
      return null;
    });

  const report = () =>
    run(async () => {
      const result = await callApi(`/api/comments/${comment.id}/flag`, flagAnswer, { method: 'POST' });
      if (!result.ok && result.error.code !== 'comment.alreadyFlagged') return result.error;
      setFlagged(true);
      return null;
    });

  if (mode === 'edit') {
    return (
      <CommentEditForm
        id={`comment-${comment.id}-edit`}
        labels={labels}
        draft={draft}
        onDraft={setDraft}
        busy={busy}
        failure={failure}
        onSave={() => void save()}
        onCancel={leaveEdit}
      />
    );
  }

  const replyLabel = fill(labels.actions.replyLabel, { author: comment.author });
  return (
    <>
      <div className="comment-body" lang={LANG_TAGS[comment.lang]} dangerouslySetInnerHTML={{ __html: comment.bodyHtml }} />
      {failure ? (
        <p className="comment-error" role="alert">
          {errorMessage(labels.errors, failure)}
        </p>
      ) : null}
      <footer className="comment-actions">
        {canReply ? (
          hydrated ? (
            <button
              type="button"
              className="comment-action"
              aria-label={replyLabel}
              aria-expanded={handlers.replyingTo === comment.id}
              onClick={() => handlers.onReply(handlers.replyingTo === comment.id ? null : comment.id)}
            >
              {labels.actions.reply}
            </button>
          ) : (
            <a className="comment-action" href={handlers.replyHref(comment.id)} aria-label={replyLabel}>
              {labels.actions.reply}
            </a>
          )
        ) : null}
        {editable && mode === 'view' ? (
          <>
            <button
              type="button"
              className="comment-action"
              onClick={() => {
                setDraft({ body: comment.bodySource ?? '', lang: comment.lang });
                setFailure(null);
                setMode('edit');
              }}
            >
              {labels.actions.edit}
            </button>
            <button type="button" className="comment-action" onClick={() => setMode('confirmDelete')}>
              {labels.actions.delete}
            </button>
            <span className="comment-window">{fill(labels.actions.editableUntil, { time: formatDateTime(comment.editableUntil ?? '', labels.locale) })}</span>
          </>
        ) : null}
        {editable && mode === 'confirmDelete' ? (
          <>
            <button type="button" className="comment-action comment-action-danger" disabled={busy} onClick={() => void remove()} autoFocus>
              {labels.actions.confirmDelete}
            </button>
            <button type="button" className="comment-action" onClick={() => setMode('view')}>
              {labels.actions.cancel}
            </button>
          </>
        ) : null}
        {canFlag ? (
          <button
            type="button"
            className="comment-action"
            aria-label={flagged ? undefined : fill(labels.actions.flagLabel, { author: comment.author })}
            disabled={flagged || busy}
            onClick={() => void report()}
          >
            {flagged ? labels.actions.flagged : labels.actions.flag}
          </button>
        ) : null}
      </footer>
    </>
  );
}
