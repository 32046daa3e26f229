/**
 * The comments of a post, in their own labelled landmark under it: the thread, the form, the
 * feed of the thread and (on the prerendered post page) the way to the comments page, where
 * everything also works without JavaScript. Only for posts whose front matter says
 * `comments: true`; the caller checks.
 */
import { commentsFeedPath } from '@/lib/comments/feed-path';
import type { CommentFormState } from '@/lib/comments/form-state';
import type { ThreadPage } from '@/lib/comments/thread-pages';
import type { Locale } from '@/lib/i18n/config';
import { localePath } from '@/lib/i18n/paths';
import { getTranslator } from '@/lib/i18n/server';
import { CommentThread } from './comment-thread';
import { commentLabels } from './labels';

type Props = {
  locale: Locale;
  slug: string;
  /** The page of the thread to render. */
  thread: ThreadPage;
  formState: CommentFormState;
  /** `post`: under the prerendered post, refreshed in the browser; `page`: the dynamic comments page. */
  variant: 'post' | 'page';
  notice?: string;
};

export const commentsPagePath = (locale: Locale, slug: string) => localePath(locale, `/posts/${encodeURIComponent(slug)}/comments`);

export function CommentsSection({ locale, slug, thread, formState, variant, notice }: Props) {
  const t = getTranslator(locale);
  const pagePath = commentsPagePath(locale, slug);
  return (
    <section id="comments" className="comments" aria-labelledby="comments-title">
      {/* Targets of the language filter's links, which work without JavaScript (:target in globals.css). */}
      <span id="comments-zh" className="comments-target" />
      <span id="comments-en" className="comments-target" />
      <CommentThread slug={slug} labels={commentLabels(locale)} initialPage={thread} live={variant === 'post'} pagePath={pagePath} formState={formState} notice={notice} />
      <p className="comments-links">
        <a href={commentsFeedPath(slug)} type="application/atom+xml">
          {t('comments.feed')}
        </a>
        {variant === 'post' ? (
          <>
            {' · '}
            <a href={pagePath}>{t('comments.page.link')}</a>
          </>
        ) : null}
      </p>
    </section>
  );
}
