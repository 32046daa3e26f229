/**
 * A post in one reading state (`inline`, `parallel-pinyin`, ...), prerendered. Readers never see
 * this address: the proxy serves it at the post's own URL, chosen by `?gloss=`/`?pinyin=` or cookie.
 */
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PostView } from '@/components/reading/post-view';
import { withCommentsFeed } from '@/lib/comments/feed-path';
import { postMetadata } from '@/lib/content/post-metadata';
import { getPost, getPosts } from '@/lib/content/posts';
import { allViewSegments, parseViewSegment } from '@/lib/gloss/reading-mode';
import { locales } from '@/lib/i18n/config';
import { readLocale, readSegment } from '@/lib/http/route-params';
import { getTranslator } from '@/lib/i18n/server';

// Prerendered with the post's published comments; revalidated on every change to the thread
// (lib/comments/revalidate.ts) and, as a backstop for changes made elsewhere, after a minute.
export const revalidate = 60;
export const dynamicParams = false;

export async function generateStaticParams() {
  const posts = await getPosts();
  return locales.flatMap((locale) => posts.flatMap((post) => allViewSegments.map((view) => ({ locale, slug: post.slug, view }))));
}

async function readView(params: PageProps<'/[locale]/posts/[slug]/[view]'>['params']) {
  const locale = await readLocale(params);
  const post = await getPost(await readSegment(params, 'slug'));
  const mode = parseViewSegment(await readSegment(params, 'view'));
  if (!post || !mode) notFound();
  return { locale, post, mode };
}

export async function generateMetadata({ params }: PageProps<'/[locale]/posts/[slug]/[view]'>): Promise<Metadata> {
  const { locale, post } = await readView(params);
  const metadata = postMetadata(post, locale);
  if (!post.comments) return metadata;
  return withCommentsFeed(metadata, post.slug, getTranslator(locale)('comments.feedTitle', { title: post.title }));
}

export default async function PostViewPage({ params }: PageProps<'/[locale]/posts/[slug]/[view]'>) {
  const { locale, post, mode } = await readView(params);
  return <PostView locale={locale} post={post} mode={mode} />;
}
