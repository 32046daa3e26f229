/** The metadata of a post page (title, description, alternates, share cards), whatever its reading state. */
import type { Metadata } from 'next';
import type { Locale } from '../i18n/config';
import { alternatesFor, localePath, postPath } from '../i18n/paths';
import type { LoadedPost } from './posts';
import { postImage, postSummary } from './summary';

export function postMetadata(post: LoadedPost, locale: Locale): Metadata {
  const path = postPath(post.slug);
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
