/**
 * Every other path under a locale (the proxy sends locale-less paths here too): an old Jekyll
 * permalink redirects permanently (308) to its post; anything else is a translated 404.
 */
import { notFound, permanentRedirect } from 'next/navigation';
import { findPostByPermalink } from '@/lib/content/posts';
import { readLocale } from '@/lib/http/route-params';
import { localePath, postPath } from '@/lib/i18n/paths';

export default async function PermalinkPage({ params }: PageProps<'/[locale]/[...path]'>) {
  const locale = await readLocale(params);
  const { path } = await params;
  const post = await findPostByPermalink(`/${path.join('/')}`);
  if (!post) notFound();
  // The slug escaped: a Location header carries no raw CJK.
  permanentRedirect(localePath(locale, postPath(post.slug)));
}
