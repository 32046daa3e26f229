/**
 * URLs of the locale routes, and the `hreflang` alternates every page declares. Pure.
 */
import { languageTags, locales, type Locale } from './config';

/** `/zh/posts/x` from `zh` and `/posts/x`; the site root of a locale is `/zh`. */
export function localePath(locale: Locale, path = ''): string {
  return `/${locale}${path === '/' ? '' : path}`;
}

/** A post's path without the locale (`/posts/%E8%AF%BB`): the slug escaped, as a header or a sitemap needs it. */
export const postPath = (slug: string) => `/posts/${encodeURIComponent(slug)}`;

export function otherLocale(locale: Locale): Locale {
  return locale === 'zh' ? 'en' : 'zh';
}

/**
 * Metadata alternates: canonical for this locale, one per language, `x-default` (the negotiating
 * address) and the feed. A page's `alternates` replace the layout's whole, so the feed is here too.
 */
export function alternatesFor(locale: Locale, path = '') {
  const languages: Record<string, string> = Object.fromEntries(locales.map((each) => [languageTags[each], localePath(each, path)]));
  languages['x-default'] = path === '' ? '/' : path;
  return { canonical: localePath(locale, path), languages, types: { 'application/atom+xml': '/feed.xml' } };
}
