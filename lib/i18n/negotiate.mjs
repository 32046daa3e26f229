// @ts-check
/**
 * The UI languages and how a request picks one, in plain JavaScript so that the HTTP server
 * (scripts/server.mjs), which Node runs as is, decides exactly as the app's proxy does. Pure and
 * client-safe; lib/i18n/config.ts re-exports it with its types.
 */

export const locales = /** @type {const} */ (['zh', 'en']);
/** @typedef {(typeof locales)[number]} Locale */

/** @type {Locale} */
export const defaultLocale = 'zh';

/** The cookie that remembers the language a reader last read in. */
export const localeCookie = 'lang';

/**
 * @param {unknown} value
 * @returns {value is Locale}
 */
export function isLocale(value) {
  return typeof value === 'string' && /** @type {readonly string[]} */ (locales).includes(value);
}

/**
 * Maps a language range from Accept-Language to one of our locales, if any.
 * @param {string} range
 * @returns {Locale | null}
 */
function localeForRange(range) {
  const primary = range.toLowerCase().split('-')[0];
  if (primary === 'zh') return 'zh';
  if (primary === 'en') return 'en';
  return null;
}

/**
 * Cookie first, then Accept-Language (by q-value, in order), then Chinese.
 * @param {string | undefined} cookie
 * @param {string | null | undefined} acceptLanguage
 * @returns {Locale}
 */
export function negotiateLocale(cookie, acceptLanguage) {
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
