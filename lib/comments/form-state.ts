/**
 * The HTML comment form's fields and what the server action answers: the state a no-JavaScript
 * reader sees after a submit (their text back, an error code or a request to confirm, a fresh
 * time token). Pure and client-safe: the form component renders it, the action produces it.
 */
import type { ClientErrorCode } from '../http/errors';

export type CommentFormLang = 'auto' | 'zh' | 'en';

export type CommentFormValues = {
  author: string;
  email: string;
  website: string;
  body: string;
  lang: CommentFormLang;
  /** The comment replied to, or ''. */
  parentId: string;
  /** Its author's name, only to say whom the form replies to. */
  replyTo: string;
};

export type CommentFormState = {
  status: 'editing' | 'error' | 'confirm';
  values: CommentFormValues;
  /** A signed time token for the minimum-time check, when the page could make one (see form-actions.ts). */
  token: string | null;
  error: { code: ClientErrorCode; retryAfter: number | null } | null;
  /** The comment as it will look, on the confirmation step. */
  previewHtml: string | null;
};

/** Form field names, shared by the markup and the action. `fax` is the honeypot. */
export const FIELD = {
  author: 'author',
  email: 'email',
  website: 'website',
  body: 'body',
  lang: 'lang',
  parentId: 'parentId',
  replyTo: 'replyTo',
  honeypot: 'fax',
  token: 'formToken',
  slug: 'slug',
  locale: 'locale',
} as const;

export const emptyFormValues: CommentFormValues = { author: '', email: '', website: '', body: '', lang: 'auto', parentId: '', replyTo: '' };

export function editingState(values: Partial<CommentFormValues> = {}, token: string | null = null): CommentFormState {
  return { status: 'editing', values: { ...emptyFormValues, ...values }, token, error: null, previewHtml: null };
}

/** Longest text kept to put back in a field: anything longer is not a comment anyone will finish. */
const ECHO_MAX = 20_000;

function text(form: FormData, name: string, max = 400): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.slice(0, max) : '';
}

/** What the reader typed, to refill the form with (validation is the action's job). */
export function readFormValues(form: FormData): CommentFormValues {
  const lang = text(form, FIELD.lang);
  return {
    author: text(form, FIELD.author),
    email: text(form, FIELD.email),
    website: text(form, FIELD.website),
    body: text(form, FIELD.body, ECHO_MAX),
    lang: lang === 'zh' || lang === 'en' ? lang : 'auto',
    parentId: text(form, FIELD.parentId, 40),
    replyTo: text(form, FIELD.replyTo, 100),
  };
}
