/** The post list: featured posts first, then newest first, with their comment counts. */
import type { Metadata } from 'next';
import { PostCard } from '@/components/post-card';
import { SiteHeader } from '@/components/site-header';
import { readCommentCounts } from '@/lib/comments/published';
import { postSummary } from '@/lib/content/summary';
import { listPosts } from '@/lib/content/posts';
import { readLocale } from '@/lib/http/route-params';
import { alternatesFor } from '@/lib/i18n/paths';
import { getTranslator } from '@/lib/i18n/server';

// Prerendered; revalidated when a comment changes a count, and at most a minute stale otherwise.
export const revalidate = 60;

export async function generateMetadata({ params }: PageProps<'/[locale]'>): Promise<Metadata> {
  const locale = await readLocale(params);
  const t = getTranslator(locale);
  return {
    title: { absolute: t('site.name') },
    alternates: alternatesFor(locale),
    openGraph: { type: 'website', title: t('site.name'), description: t('site.description'), url: alternatesFor(locale).canonical },
    twitter: { card: 'summary', title: t('site.name'), description: t('site.description') },
  };
}

export default async function PostListPage({ params }: PageProps<'/[locale]'>) {
  const locale = await readLocale(params);
  const t = getTranslator(locale);
  const posts = await listPosts();
  const counts = await readCommentCounts(posts.filter((post) => post.comments).map((post) => post.slug));
  return (
    <>
      <SiteHeader locale={locale} path="" />
      <main id="main" className="page">
        <h1>{t('posts.heading')}</h1>
        {posts.length === 0 ? <p>{t('posts.empty')}</p> : null}
        {posts.map((post) => (
          <PostCard key={post.slug} post={post} summary={postSummary(post)} locale={locale} commentCount={counts[post.slug]} />
        ))}
      </main>
    </>
  );
}
