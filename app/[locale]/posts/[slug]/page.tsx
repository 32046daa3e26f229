/** A post, as its author published it, prerendered for each UI language. */
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PostHeader } from '@/components/post-header';
import { postBodyComponents } from '@/components/post-body-components';
import { SiteHeader } from '@/components/site-header';
import { compilePostBody } from '@/lib/content/compile';
import { getPost, getPosts } from '@/lib/content/posts';
import { postImage, postSummary } from '@/lib/content/summary';
import { env } from '@/lib/env';
import { locales } from '@/lib/i18n/config';
import { readLocale, readSegment } from '@/lib/http/route-params';
import { alternatesFor, localePath } from '@/lib/i18n/paths';

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
  const path = `/posts/${post.slug}`;
  const description = postSummary(post);
  const image = postImage(post);
  return {
    title: post.title,
    description,
    keywords: post.tags,
    alternates: alternatesFor(locale, path),
    openGraph: {
      type: 'article',
      title: post.title,
      description,
      url: localePath(locale, path),
      publishedTime: post.publishedOn,
      modifiedTime: post.modified ?? undefined,
      tags: post.tags,
      images: image ? [{ url: image, alt: post.title }] : undefined,
    },
    twitter: { card: image ? 'summary_large_image' : 'summary', title: post.title, description, images: image ? [image] : undefined },
  };
}

export default async function PostPage({ params }: PageProps<'/[locale]/posts/[slug]'>) {
  const { locale, post } = await readPost(params);
  const body = await compilePostBody(post, postBodyComponents);
  const structuredData = {
    '@context': 'https://schema.org',
    '@type': 'BlogPosting',
    headline: post.title,
    inLanguage: 'zh-Hans',
    datePublished: post.publishedOn,
    dateModified: post.modified ?? post.publishedOn,
    keywords: post.tags.join(', '),
    url: `${env.siteUrl}${localePath(locale, `/posts/${post.slug}`)}`,
  };
  return (
    <>
      <SiteHeader locale={locale} path={`/posts/${post.slug}`} />
      <main id="main" className="page">
        <article className="post" aria-labelledby="post-title">
          <PostHeader post={post} locale={locale} />
          <div className="post-body" lang="zh-Hans">
            {body}
          </div>
        </article>
        <script
          type="application/ld+json"
          // JSON.stringify output with `<` escaped cannot close the script element.
          dangerouslySetInnerHTML={{ __html: JSON.stringify(structuredData).replace(/</g, '\\u003c') }}
        />
      </main>
    </>
  );
}
