/**
 * A post's title block: title and headline in the author's language, dates, the number of
 * comments (when the post takes them) and tags in the UI's.
 */
import type { PostMeta } from '@/lib/content/types';
import type { Locale } from '@/lib/i18n/config';
import { formatDate } from '@/lib/i18n/format';
import { getTranslator } from '@/lib/i18n/server';
import { featureImage } from '@/lib/content/summary';
import { TagList } from './tag-list';

type Props = { post: PostMeta; locale: Locale; /** Published comments, or null when the post takes none. */ commentCount?: number | null };

export function PostHeader({ post, locale, commentCount = null }: Props) {
  const t = getTranslator(locale);
  const feature = featureImage(post);
  const updated = post.modified && post.modified !== post.publishedOn ? post.modified : null;
  return (
    <header className="post-header">
      <h1 id="post-title" lang="zh-Hans">
        {post.title}
      </h1>
      {post.headline ? (
        <p className="post-headline" lang="zh-Hans">
          {post.headline}
        </p>
      ) : null}
      <p className="post-meta">
        <span>
          {t('post.published')} <time dateTime={post.publishedOn}>{formatDate(post.publishedOn, locale)}</time>
        </span>
        {updated ? (
          <span>
            {' · '}
            {t('post.updated')} <time dateTime={updated}>{formatDate(updated, locale)}</time>
          </span>
        ) : null}
        {commentCount !== null ? (
          <span>
            {' · '}
            <a href="#comments" className="comment-count">
              {t('comments.count', { count: commentCount })}
            </a>
          </span>
        ) : null}
      </p>
      <TagList tags={post.tags} locale={locale} />
      {feature ? (
        // eslint-disable-next-line @next/next/no-img-element -- the post's feature image as the author published it, decorative (alt=""); next/image would resize and rewrite it
        <img className="post-feature" src={feature} alt="" />
      ) : null}
    </header>
  );
}
