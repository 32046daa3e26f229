/**
 * One post in a list: title, date, the number of comments (when the post takes them), tags and,
 * when the author wrote one, its description.
 */
import type { PostMeta } from '@/lib/content/types';
import type { Locale } from '@/lib/i18n/config';
import { formatDate } from '@/lib/i18n/format';
import { localePath } from '@/lib/i18n/paths';
import { getTranslator } from '@/lib/i18n/server';
import { TagList } from './tag-list';

type Props = {
  post: PostMeta;
  /** The author's description or headline, else the opening of the post. */
  summary: string;
  locale: Locale;
  /** Published comments; absent when the post takes none. */
  commentCount?: number;
};

export function PostCard({ post, summary, locale, commentCount }: Props) {
  const t = getTranslator(locale);
  return (
    <article className="post-card" aria-labelledby={`card-${post.slug}`}>
      <h2 id={`card-${post.slug}`} lang="zh-Hans">
        {/* Plain links: a post's text is only in its own page (components/server-html.tsx). */}
        <a href={localePath(locale, `/posts/${post.slug}`)}>{post.title}</a>
      </h2>
      <p className="post-card-meta">
        {post.featured ? <span className="badge">{t('posts.featured')}</span> : null}
        <time dateTime={post.date}>{formatDate(post.date, locale)}</time>
        {commentCount !== undefined ? (
          <>
            {' · '}
            <a href={`${localePath(locale, `/posts/${post.slug}`)}#comments`} className="comment-count">
              {t('comments.count', { count: commentCount })}
            </a>
          </>
        ) : null}
      </p>
      {summary ? (
        <p className="post-card-summary" lang="zh-Hans">
          {summary}
        </p>
      ) : null}
      <TagList tags={post.tags} locale={locale} />
    </article>
  );
}
