/**
 * A post in its locale's default reading state (Chinese alone under /zh, with the English under
 * /en), prerendered. Other reading states are served by the `[view]` route, which the proxy
 * rewrites to from `?gloss=`/`?pinyin=` or the reader's cookies.
 */
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PostView } from '@/components/reading/post-view';
import { postMetadata } from '@/lib/content/post-metadata';
import { getPost, getPosts } from '@/lib/content/posts';
import { defaultReadingMode } from '@/lib/gloss/reading-mode';
import { locales } from '@/lib/i18n/config';
import { readLocale, readSegment } from '@/lib/http/route-params';

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
  return postMetadata(post, locale);
}

export default async function PostPage({ params }: PageProps<'/[locale]/posts/[slug]'>) {
  const { locale, post } = await readPost(params);
  return <PostView locale={locale} post={post} mode={defaultReadingMode(locale)} />;
}
