/** Posts with one tag, with their comment counts. */
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PostCard } from '@/components/post-card';
import { SiteHeader } from '@/components/site-header';
import { readCommentCounts } from '@/lib/comments/published';
import { postSummary } from '@/lib/content/summary';
import { listPosts, listTags } from '@/lib/content/posts';
import { locales } from '@/lib/i18n/config';
import { readLocale, readSegment } from '@/lib/http/route-params';
import { alternatesFor, localePath } from '@/lib/i18n/paths';
import { getTranslator } from '@/lib/i18n/server';

// Prerendered; revalidated when a comment changes a count, and at most a minute stale otherwise.
export const revalidate = 60;

export async function generateStaticParams() {
  const tags = await listTags();
  return locales.flatMap((locale) => tags.map(({ tag }) => ({ locale, tag })));
}

export async function generateMetadata({ params }: PageProps<'/[locale]/tags/[tag]'>): Promise<Metadata> {
  const locale = await readLocale(params);
  const tag = await readSegment(params, 'tag');
  const path = `/tags/${encodeURIComponent(tag)}`;
  return { title: getTranslator(locale)('tags.headingFor', { tag }), alternates: alternatesFor(locale, path) };
}

export default async function TagPage({ params }: PageProps<'/[locale]/tags/[tag]'>) {
  const locale = await readLocale(params);
  const tag = await readSegment(params, 'tag');
  const posts = await listPosts(tag);
  if (posts.length === 0) notFound();
  const counts = await readCommentCounts(posts.filter((post) => post.comments).map((post) => post.slug));
  const t = getTranslator(locale);
  return (
    <>
      <SiteHeader locale={locale} path={`/tags/${encodeURIComponent(tag)}`} />
      <main id="main" className="page">
        <h1>{t('tags.headingFor', { tag })}</h1>
        <p className="muted">
          {t('tags.count', { count: posts.length })} · <a href={localePath(locale, '/tags')}>{t('tags.all')}</a>
        </p>
        {posts.map((post) => (
          <PostCard key={post.slug} post={post} summary={postSummary(post)} locale={locale} commentCount={counts[post.slug]} />
        ))}
      </main>
    </>
  );
}
