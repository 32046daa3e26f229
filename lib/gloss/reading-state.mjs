// @ts-check
/**
 * Which reading state a request asks for: gloss mode and pinyin from the URL
 * (`?gloss=off|inline|parallel&pinyin=1`), else from the reader's cookies, else the locale's
 * default. Plain JavaScript, so that the HTTP server (scripts/server.mjs), which Node runs as is,
 * decides exactly as the app's proxy does. Pure and client-safe; lib/gloss/reading-mode.ts
 * re-exports it with its types and what the pages add.
 */

/** @typedef {import('../i18n/negotiate.mjs').Locale} Locale */

export const glossModes = /** @type {const} */ (['off', 'inline', 'parallel']);
/** @typedef {(typeof glossModes)[number]} GlossMode */
/** @typedef {{ gloss: GlossMode, pinyin: boolean }} ReadingMode */

export const readingCookies = /** @type {const} */ ({ gloss: 'gloss', pinyin: 'pinyin' });

/**
 * @param {unknown} value
 * @returns {value is GlossMode}
 */
export function isGlossMode(value) {
  return typeof value === 'string' && /** @type {readonly string[]} */ (glossModes).includes(value);
}

/**
 * Chinese readers start with the original alone; English readers with the gloss under each block.
 * @param {Locale} locale
 * @returns {ReadingMode}
 */
export function defaultReadingMode(locale) {
  return { gloss: locale === 'en' ? 'inline' : 'off', pinyin: false };
}

/**
 * The URL's choice wins over the cookie's, the cookie's over the locale's default.
 * @param {Locale} locale
 * @param {{ gloss?: string | null, pinyin?: string | null }} query
 * @param {{ gloss?: string | null, pinyin?: string | null }} cookies
 * @returns {ReadingMode}
 */
export function resolveReadingMode(locale, query, cookies) {
  const fallback = defaultReadingMode(locale);
  const gloss = [query.gloss, cookies.gloss].find(isGlossMode) ?? fallback.gloss;
  const pinyinChoice = [query.pinyin, cookies.pinyin].find((value) => value === '1' || value === '0');
  return { gloss, pinyin: pinyinChoice === undefined ? fallback.pinyin : pinyinChoice === '1' };
}

/**
 * The internal route segment a reading mode is prerendered under, e.g. `inline-pinyin`.
 * @param {ReadingMode} mode
 * @returns {string}
 */
export function viewSegment(mode) {
  return mode.pinyin ? `${mode.gloss}-pinyin` : mode.gloss;
}
