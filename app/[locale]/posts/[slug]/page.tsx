/**
 * A post in its locale's default reading state (Chinese alone under /zh, with the English under
 * /en), prerendered. Other reading states are served by the `[view]` route, which the proxy
 * rewrites to from `?gloss=`/`?pinyin=` or the reader's cookies.
 */
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PostView } from '@/components/reading/post-view';
import { withCommentsFeed } from '@/lib/comments/feed-path';
import { postMetadata } from '@/lib/content/post-metadata';
import { getPost, getPosts } from '@/lib/content/posts';
import { defaultReadingMode } from '@/lib/gloss/reading-mode';
import { locales } from '@/lib/i18n/config';
import { readLocale, readSegment } from '@/lib/http/route-params';
import { getTranslator } from '@/lib/i18n/server';

// Prerendered with the post's published comments; revalidated on every change to the thread
// (lib/comments/revalidate.ts) and, as a backstop for changes made elsewhere, after a minute.
export const revalidate = 60;

export async function generateStaticParams() {
  const posts = await getPosts();
  return locales.flatMap((locale) => posts.map((post) => ({ locale, slug: post.slug })));
}

async function readPost(params: PageProps<'/[locale]/posts/[slug]'>['params']) {
  const locale = await readLocale(params);
  const post = await getPost(await readSegment(params, 'slug'));
  if (!post) notFound();
  return { locale, post };
}

export async function generateMetadata({ params }: PageProps<'/[locale]/posts/[slug]'>): Promise<Metadata> {
  const { locale, post } = await readPost(params);
  const metadata = postMetadata(post, locale);
  if (!post.comments) return metadata;
  return withCommentsFeed(metadata, post.slug, getTranslator(locale)('comments.feedTitle', { title: post.title }));
}

export default async function PostPage({ params }: PageProps<'/[locale]/posts/[slug]'>) {
  const { locale, post } = await readPost(params);
  return <PostView locale={locale} post={post} mode={defaultReadingMode(locale)} />;
}
