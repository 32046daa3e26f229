/**
 * The UI languages and how a request picks one. Pure and client-safe: the proxy, the pages and
 * client components all read it.
 */
export const locales = ['zh', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'zh';

/** The cookie that remembers the language a reader last read in. */
export const localeCookie = 'lang';

/** BCP 47 tags for `<html lang>` and `hreflang`: the UI's Chinese is Simplified. */
export const languageTags: Record<Locale, string> = { zh: 'zh-Hans', en: 'en' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** Maps a language range from Accept-Language to one of our locales, if any. */
function localeForRange(range: string): Locale | null {
  const primary = range.toLowerCase().split('-')[0];
  if (primary === 'zh') return 'zh';
  if (primary === 'en') return 'en';
  return null;
}

/** Cookie first, then Accept-Language (by q-value, in order), then Chinese. */
export function negotiateLocale(cookie: string | undefined, acceptLanguage: string | null): Locale {
  if (isLocale(cookie)) return cookie;
  const ranges = (acceptLanguage ?? '')
    .split(',')
    .map((part, order) => {
      const [range = '', ...params] = part.trim().split(';');
      const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find(Boolean);
      return { range: range.trim(), q: q === undefined ? 1 : Number(q), order };
    })
    .filter(({ range, q }) => range !== '' && range !== '*' && q > 0 && !Number.isNaN(q))
    .sort((a, b) => b.q - a.q || a.order - b.order);
  for (const { range } of ranges) {
    const locale = localeForRange(range);
    if (locale) return locale;
  }
  return defaultLocale;
}
