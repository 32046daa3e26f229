/**
 * Which post a foreign comment thread belongs to. Old systems keyed threads by the page's address
 * as it was: on the old domain, under the old `baseurl`, percent-encoded or not, with `.html`,
 * `index.html` or a trailing slash, or already at Duizhao's `/posts/<slug>`. Every spelling is
 * reduced to one key and compared with the keys of each post. Only when no address matches may
 * the thread's title decide, and only when exactly one post has that title. Pure.
 */
import type { ForeignThread } from './foreign';

export type SiteForImport = {
  /** The old site's `baseurl` (`/blog`), or ''. */
  baseurl: string;
  posts: ReadonlyArray<{ slug: string; title: string; permalink: string }>;
};

export type ThreadMatch = { slug: string; by: 'address' | 'title' };

/** One key for every spelling of an address: path only, decoded, lower case, no base or ending. */
export function addressKey(address: string, baseurl = ''): string | null {
  let pathname: string;
  try {
    pathname = new URL(address.trim(), 'http://address.invalid').pathname;
  } catch {
    return null;
  }
  try {
    pathname = decodeURIComponent(pathname);
  } catch {
    // A malformed escape: compare the path as written.
  }
  let key = pathname.toLowerCase().replace(/\/index\.html?$/, '/').replace(/\.html?$/, '').replace(/\/+$/, '');
  const base = baseurl.toLowerCase().replace(/\/+$/, '');
  if (base !== '' && (key === base || key.startsWith(`${base}/`))) key = key.slice(base.length);
  return key === '' ? '/' : key;
}

/** `一个标题 | 旧时光` -> `一个标题`: page titles often carry the site's name. */
const withoutSiteName = (title: string) => title.replace(/\s+[|\-–—·]\s+[^|\-–—·]+$/, '').trim();

export function createThreadMatcher(site: SiteForImport): (thread: ForeignThread) => ThreadMatch | null {
  const byKey = new Map<string, string>();
  for (const post of site.posts) {
    const keys = [addressKey(post.permalink), `/posts/${post.slug}`, `/zh/posts/${post.slug}`, `/en/posts/${post.slug}`];
    for (const key of keys) if (key !== null) byKey.set(key.toLowerCase(), post.slug);
  }
  const byTitle = new Map<string, string[]>();
  for (const post of site.posts) byTitle.set(post.title.trim(), [...(byTitle.get(post.title.trim()) ?? []), post.slug]);

  return (thread) => {
    for (const url of thread.urls) {
      // Tried with the old base removed and as it is: a post of the old site may itself live under a path named like the base.
      for (const key of [addressKey(url, site.baseurl), addressKey(url)]) {
        const slug = key === null ? undefined : byKey.get(key);
        if (slug) return { slug, by: 'address' };
      }
    }
    if (thread.title) {
      for (const title of [thread.title.trim(), withoutSiteName(thread.title)]) {
        const slugs = byTitle.get(title);
        if (slugs?.length === 1 && slugs[0]) return { slug: slugs[0], by: 'title' };
      }
    }
    return null;
  };
}
