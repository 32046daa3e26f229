/** sitemap.xml: every post and tag page in both UI languages, with hreflang alternates. */
import type { MetadataRoute } from 'next';
import { getPosts, listTags } from '@/lib/content/posts';
import { env } from '@/lib/env';
import { languageTags, locales } from '@/lib/i18n/config';
import { localePath, postPath } from '@/lib/i18n/paths';

function entry(path: string, lastModified?: string): MetadataRoute.Sitemap {
  const languages = Object.fromEntries(locales.map((locale) => [languageTags[locale], `${env.siteUrl}${localePath(locale, path)}`]));
  return locales.map((locale) => ({
    url: `${env.siteUrl}${localePath(locale, path)}`,
    lastModified,
    alternates: { languages },
  }));
}

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const posts = await getPosts();
  const tags = await listTags();
  return [
    ...entry('', posts[0]?.date),
    ...entry('/tags'),
    ...entry('/credits'),
    ...tags.flatMap(({ tag }) => entry(`/tags/${encodeURIComponent(tag)}`)),
    ...posts.flatMap((post) => entry(postPath(post.slug), post.date)),
  ];
}
