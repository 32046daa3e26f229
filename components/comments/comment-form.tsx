'use client';
/**
 * The comment form. Without JavaScript it is a plain form posting to the server action
 * (lib/comments/form-actions.ts, which explains the flow) at the post's comments page; with
 * JavaScript it posts to the JSON API without a reload, previews the markdown as rendered by the
 * server, counts characters, and asks for a minimum-time token when the reader starts writing.
 * The code behind those requests (form-requests.ts) loads when the reader first comes to the form.
 * Every field is labelled; errors are announced (role="alert") and point at their field.
 */
import { useActionState, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { submitCommentForm } from '@/lib/comments/form-actions';
import { FIELD, type CommentFormLang, type CommentFormState, type CommentFormValues } from '@/lib/comments/form-state';
import type { ClientErrorCode } from '@/lib/http/errors';
import { BODY_MAX } from '@/lib/comments/limits';
import type { CommentDto } from '@/lib/comments/types';
import { fill } from '@/lib/i18n/fill';
import { errorMessage, type ApiFailure } from '@/components/api/client';
import { loadFormRequests, readCommenter, rememberCommenter, useFormClock, usePreview } from './form-hooks';
import type { CommentLabels } from './labels';
import { CommentLangOptions } from './lang-options';

type Props = {
  slug: string;
  labels: CommentLabels;
  /** Where the form posts without JavaScript: the post's (dynamic) comments page. */
  permalink: string;
  initialState: CommentFormState;
  hydrated: boolean;
  onPosted: (comment: CommentDto) => void;
  /** For an inline reply form (JavaScript only): the comment it answers, and how to close it. */
  parent?: { id: string; author: string };
  onCancel?: () => void;
  /** Where "cancel reply" leads without JavaScript. */
  cancelReplyHref?: string;
  /** The element id readers and links jump to (`#comment-form`). */
  id?: string;
};

type Field = 'author' | 'email' | 'website' | 'body';

const FIELD_OF_ERROR: Partial<Record<ClientErrorCode, Field>> = {
  'comment.authorRequired': 'author',
  'comment.authorTooLong': 'author',
  'comment.emailInvalid': 'email',
  'comment.websiteInvalid': 'website',
  'comment.bodyRequired': 'body',
  'comment.tooLong': 'body',
  'comment.duplicate': 'body',
};

const codePoints = (text: string) => Array.from(text).length;
const formLang = (value: string): CommentFormLang => (value === 'zh' || value === 'en' ? value : 'auto');

export function CommentForm({ slug, labels, permalink, initialState, hydrated, onPosted, parent, onCancel, cancelReplyHref, id }: Props) {
  const [state, formAction] = useActionState(submitCommentForm, initialState, permalink);
  const [values, setValues] = useState<CommentFormValues>(state.values);
  const [replyTo, setReplyTo] = useState(() => (parent ?? (state.values.parentId ? { id: state.values.parentId, author: state.values.replyTo } : null)));
  const [failure, setFailure] = useState<ApiFailure | null>(state.error);
  const [sending, setSending] = useState(false);
  const preview = usePreview(values.body, hydrated, state.previewHtml);
  const clock = useFormClock(state.token);
  const formRef = useRef<HTMLFormElement>(null);
  const uid = useId();
  const ids = {
    heading: `${uid}-heading`,
    error: `${uid}-error`,
    author: `${uid}-author`,
    email: `${uid}-email`,
    emailHint: `${uid}-email-hint`,
    website: `${uid}-website`,
    body: `${uid}-body`,
    bodyHint: `${uid}-body-hint`,
    counter: `${uid}-counter`,
    lang: `${uid}-lang`,
    honeypot: `${uid}-fax`,
    preview: `${uid}-preview`,
  };

  // The reader's saved name is in localStorage, which only the browser has: filled in after hydration.
  useEffect(() => {
    let mounted = true;
    void readCommenter().then((saved) => {
      if (mounted && saved) setValues((current) => ({ ...current, author: current.author || saved.author, email: current.email || saved.email, website: current.website || saved.website }));
    });
    return () => {
      mounted = false;
    };
  }, []);

  const set = (field: keyof CommentFormValues) => (event: { target: { value: string } }) => {
    const value = event.target.value;
    setValues((current) => ({ ...current, [field]: value }));
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (sending) return;
    const honeypot = new FormData(event.currentTarget).get(FIELD.honeypot);
    setSending(true);
    setFailure(null);
    const formToken = await clock.current();
    const comment = {
      author: values.author,
      email: values.email,
      website: values.website,
      body: values.body,
      lang: values.lang === 'auto' ? null : values.lang,
      parentId: replyTo?.id ?? null,
      honeypot: typeof honeypot === 'string' ? honeypot : '',
      formToken,
    };
    const result = await loadFormRequests().then(
      (requests) => requests.postComment(slug, comment),
      (): { ok: false; error: ApiFailure } => ({ ok: false, error: { code: 'network', retryAfter: null } }),
    );
    setSending(false);
    if (!result.ok) {
      setFailure(result.error);
      const field = FIELD_OF_ERROR[result.error.code];
      if (field) formRef.current?.querySelector<HTMLElement>(`#${CSS.escape(ids[field])}`)?.focus();
      return;
    }
    rememberCommenter({ author: values.author, email: values.email, website: values.website });
    setValues((current) => ({ ...current, body: '' }));
    if (!parent) setReplyTo(null);
    onPosted(result.data.comment);
  };

  const invalidField = failure ? FIELD_OF_ERROR[failure.code] : undefined;
  const fieldProps = (field: Field, describedBy: string[] = []) => {
    const described = invalidField === field ? [ids.error, ...describedBy] : describedBy;
    return {
      id: ids[field],
      name: FIELD[field],
      value: values[field],
      onChange: set(field),
      'aria-invalid': invalidField === field ? true : undefined,
      'aria-describedby': described.length > 0 ? described.join(' ') : undefined,
    };
  };
  const count = codePoints(values.body);
  const heading = replyTo ? fill(labels.form.replyHeading, { author: replyTo.author || labels.deletedAuthor }) : labels.form.heading;

  return (
    <form
      ref={formRef}
      id={id}
      className={parent ? 'comment-form comment-form-reply' : 'comment-form'}
      action={formAction}
      onSubmit={submit}
      onFocus={clock.start}
      aria-labelledby={ids.heading}
    >
      <h3 id={ids.heading} className="comment-form-heading">
        {heading}
      </h3>
      {replyTo && !parent ? (
        hydrated ? (
          <button type="button" className="comment-link-button" onClick={() => setReplyTo(null)}>
            {labels.form.cancelReply}
          </button>
        ) : cancelReplyHref ? (
          <a href={cancelReplyHref}>{labels.form.cancelReply}</a>
        ) : null
      ) : null}
      {state.status === 'confirm' && !failure ? (
        <p className="comment-confirm" role="status">
          {labels.form.confirm}
        </p>
      ) : null}
      {failure ? (
        <p className="comment-error" role="alert" id={ids.error}>
          {errorMessage(labels.errors, failure)}
        </p>
      ) : null}
      <input type="hidden" name={FIELD.slug} value={slug} />
      <input type="hidden" name={FIELD.locale} value={labels.locale} />
      <input type="hidden" name={FIELD.parentId} value={replyTo?.id ?? ''} />
      <input type="hidden" name={FIELD.replyTo} value={replyTo?.author ?? ''} />
      <input type="hidden" name={FIELD.token} value={state.token ?? ''} />
      <div className="comment-fields">
        <div className="comment-field">
          <label htmlFor={ids.author}>{labels.form.author}</label>
          <input type="text" required autoComplete="name" {...fieldProps('author')} />
        </div>
        <div className="comment-field">
          <label htmlFor={ids.email}>{labels.form.email}</label>
          <input type="email" autoComplete="email" {...fieldProps('email', [ids.emailHint])} />
          <span className="comment-hint" id={ids.emailHint}>
            {labels.form.emailHint}
          </span>
        </div>
        <div className="comment-field">
          <label htmlFor={ids.website}>{labels.form.website}</label>
          <input type="url" autoComplete="url" inputMode="url" placeholder="https://" {...fieldProps('website')} />
        </div>
      </div>
      <div className="comment-field">
        <label htmlFor={ids.body}>{labels.form.body}</label>
        <textarea rows={parent ? 4 : 6} required autoFocus={Boolean(parent)} {...fieldProps('body', hydrated ? [ids.bodyHint, ids.counter] : [ids.bodyHint])} />
        <span className="comment-field-foot">
          <span className="comment-hint" id={ids.bodyHint}>
            {labels.form.bodyHint}
          </span>
          {hydrated ? (
            <span className="comment-counter" id={ids.counter} data-over={count > BODY_MAX ? '' : undefined}>
              <span aria-hidden="true">{fill(labels.form.counter, { count })}</span>
              <span className="sr-only">{fill(labels.form.counterLabel, { count })}</span>
            </span>
          ) : null}
        </span>
      </div>
      <div className="comment-field comment-field-inline">
        <label htmlFor={ids.lang}>{labels.form.lang}</label>
        <select id={ids.lang} name={FIELD.lang} value={values.lang} onChange={(event) => setValues((current) => ({ ...current, lang: formLang(event.target.value) }))}>
          <option value="auto">{labels.form.langAuto}</option>
          <CommentLangOptions names={labels.langName} />
        </select>
      </div>
      <div className="comment-hp" aria-hidden="true">
        <label htmlFor={ids.honeypot}>{labels.form.honeypot}</label>
        <input type="text" id={ids.honeypot} name={FIELD.honeypot} tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      {preview ? (
        <div className="comment-preview" role="group" aria-labelledby={ids.preview}>
          <p className="comment-preview-label" id={ids.preview}>
            {labels.form.preview}
          </p>
          <div className="comment-body" dangerouslySetInnerHTML={{ __html: preview }} />
        </div>
      ) : null}
      <div className="comment-form-actions">
        <button type="submit" className="comment-button comment-button-primary" disabled={sending}>
          {sending ? labels.form.sending : replyTo ? labels.form.submitReply : labels.form.submit}
        </button>
        {parent && onCancel ? (
          <button type="button" className="comment-button" onClick={onCancel}>
            {labels.actions.cancel}
          </button>
        ) : null}
      </div>
    </form>
  );
}
