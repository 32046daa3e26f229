'use server';
/**
 * The comment form's server action: how a reader without JavaScript comments. (With JavaScript
 * the form posts to the JSON API instead and never calls this.)
 *
 * The post pages are prerendered, so the form they carry cannot hold anything made per request.
 * The form therefore posts (React's `useActionState` permalink) to the post's dynamic comments
 * page, `/{locale}/posts/{slug}/comments`, which runs this action and renders its answer there:
 * - invalid input, the honeypot filled (`comment.spam`), a rate limit...: the form again, with
 *   what the reader typed and the translated error;
 * - no time token yet (every first submit from a prerendered page): a confirmation step showing
 *   the comment as it will look, with a fresh signed time token; sending it again at least 3 s
 *   later posts it (sooner is `comment.tooFast`). The comments page itself is rendered per
 *   request, so a form started there carries a token from the start and needs no second step;
 * - success: the authorship cookie is set (the reader may edit for 15 minutes with JavaScript),
 *   the post's pages are revalidated, and the reader is redirected (303) to the comment on the
 *   post when the post's page of the thread holds it, else to the comments page at the page that
 *   does, and, when it awaits moderation, to the comments page, which shows it to its author.
 */
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { env } from '../env';
import { AppError, isAppError } from '../http/errors';
import { fromZodError } from '../http/respond';
import { parseSlug } from '../http/route-params';
import { isSecureOrigin } from '../http/secure-cookie';
import { locales, type Locale } from '../i18n/config';
import { localePath } from '../i18n/paths';
import { renderReaderMarkdown } from '../ugc/render-markdown';
import { createComment } from './actions';
import { AUTHORSHIP_COOKIE, authorshipCookieOptions, writeAuthorship } from './authorship';
import { checkFormToken, issueFormToken } from './form-token';
import { listComments } from './queries';
import { emptyFormValues, FIELD, readFormValues, type CommentFormState, type CommentFormValues } from './form-state';
import { threadChanged } from './revalidate';
import { newCommentSchema } from './schema';
import { commentViewerOf, readCommentSession } from './session';
import { threadPage } from './thread-pages';
import { anonymousViewer } from './types';

const targetSchema = z.object({ slug: z.string().max(400), locale: z.enum(locales) });

function failure(values: CommentFormValues, token: string | null, error: unknown): CommentFormState {
  if (!isAppError(error)) throw error;
  return { status: 'error', values, token, error: { code: error.code, retryAfter: error.retryAfter ?? null }, previewHtml: null };
}

function toNewComment(values: CommentFormValues) {
  const parsed = newCommentSchema.safeParse({
    author: values.author,
    body: values.body,
    email: values.email,
    website: values.website,
    parentId: values.parentId,
    lang: values.lang === 'auto' ? null : values.lang,
  });
  if (!parsed.success) throw fromZodError(parsed.error, new AppError('comment.invalid', 422, 'invalid comment'));
  return parsed.data;
}

const encodedSlug = (slug: string) => encodeURIComponent(slug);

/**
 * React calls this with the previous state and the form, as the page's form binds it. A post that
 * names the action some other way (as a plain action: the form as the first argument and nothing
 * after it, or with other bound arguments) is answered with the form's error, not run.
 */
export async function submitCommentForm(_previous: CommentFormState, form: FormData): Promise<CommentFormState> {
  if (!(form instanceof FormData)) return failure(emptyFormValues, null, new AppError('request.invalid', 400, 'the form was not sent as the page sends it'));
  const values = readFormValues(form);
  const target = targetSchema.safeParse({ slug: form.get(FIELD.slug), locale: form.get(FIELD.locale) });
  if (!target.success) return failure(values, null, new AppError('request.invalid', 400, 'the form names no post'));
  const locale: Locale = target.data.locale;
  const session = await readCommentSession(await headers(), await cookies());
  const sentToken = form.get(FIELD.token);
  const tokenCheck = checkFormToken(typeof sentToken === 'string' ? sentToken : null, session.secret);
  // A token that will pass once old enough is kept; anything else is replaced by a fresh one.
  const nextToken = tokenCheck === 'ok' || tokenCheck === 'tooFast' ? String(sentToken) : issueFormToken(session.secret);

  let created: { id: string; pending: boolean; onPostPage: boolean; slug: string };
  try {
    const slug = parseSlug(target.data.slug);
    if (form.get(FIELD.honeypot)) throw new AppError('comment.spam', 422, 'the honeypot field must stay empty');
    const input = toNewComment(values);
    if (tokenCheck !== 'ok' && tokenCheck !== 'tooFast') {
      return { status: 'confirm', values, token: nextToken, error: null, previewHtml: renderReaderMarkdown(input.body) };
    }
    if (tokenCheck === 'tooFast') throw new AppError('comment.tooFast', 422, 'sent within 3 seconds of the form');
    const comment = await createComment(session.db, input, { slug, addressHash: session.addressHash, viewer: commentViewerOf(session) });
    const authored = new Map(session.authored).set(comment.id, Date.parse(comment.createdAt));
    (await cookies()).set(AUTHORSHIP_COOKIE, writeAuthorship(authored, session.secret), authorshipCookieOptions(isSecureOrigin((await headers()).get('origin'), env.siteUrl)));
    threadChanged(session.db, slug);
    const onPostPage = !comment.pending && threadPage(await listComments(session.db, slug, anonymousViewer), { comment: comment.id }).page === 1;
    created = { id: comment.id, pending: comment.pending === true, onPostPage, slug };
  } catch (error) {
    return failure(values, nextToken, error);
  }
  const post = localePath(locale, `/posts/${encodedSlug(created.slug)}`);
  const fragment = `#comment-${created.id}`;
  if (created.pending) redirect(`${post}/comments?posted=${created.id}${fragment}`);
  redirect(created.onPostPage ? `${post}${fragment}` : `${post}/comments?comment=${created.id}${fragment}`);
}
