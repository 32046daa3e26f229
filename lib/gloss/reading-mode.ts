/**
 * The reading state a reader chooses: gloss mode and pinyin. It lives in the URL
 * (`?gloss=off|inline|parallel&pinyin=1`) and in cookies, and is rendered on the server, so a shared
 * link shows the same page and nothing flashes. Pure and client-safe.
 */
import type { Locale } from '../i18n/config';

export const glossModes = ['off', 'inline', 'parallel'] as const;
export type GlossMode = (typeof glossModes)[number];
export type ReadingMode = { gloss: GlossMode; pinyin: boolean };

export const readingCookies = { gloss: 'gloss', pinyin: 'pinyin' } as const;

export function isGlossMode(value: unknown): value is GlossMode {
  return typeof value === 'string' && (glossModes as readonly string[]).includes(value);
}

/** Chinese readers start with the original alone; English readers with the gloss under each block. */
export function defaultReadingMode(locale: Locale): ReadingMode {
  return { gloss: locale === 'en' ? 'inline' : 'off', pinyin: false };
}

export function nextGlossMode(mode: GlossMode): GlossMode {
  return glossModes[(glossModes.indexOf(mode) + 1) % glossModes.length] ?? 'off';
}

/** The URL's choice wins over the cookie's, the cookie's over the locale's default. */
export function resolveReadingMode(
  locale: Locale,
  query: { gloss?: string | null; pinyin?: string | null },
  cookies: { gloss?: string | null; pinyin?: string | null },
): ReadingMode {
  const fallback = defaultReadingMode(locale);
  const gloss = [query.gloss, cookies.gloss].find(isGlossMode) ?? fallback.gloss;
  const pinyinChoice = [query.pinyin, cookies.pinyin].find((value) => value === '1' || value === '0');
  return { gloss, pinyin: pinyinChoice === undefined ? fallback.pinyin : pinyinChoice === '1' };
}

/** The internal route segment a reading mode is prerendered under, e.g. `inline-pinyin`. */
export function viewSegment(mode: ReadingMode): string {
  return mode.pinyin ? `${mode.gloss}-pinyin` : mode.gloss;
}

export function parseViewSegment(segment: string): ReadingMode | null {
  const [gloss, pinyin, ...rest] = segment.split('-');
  if (!isGlossMode(gloss) || rest.length > 0 || (pinyin !== undefined && pinyin !== 'pinyin')) return null;
  return { gloss, pinyin: pinyin === 'pinyin' };
}

export const allViewSegments = glossModes.flatMap((gloss) => [viewSegment({ gloss, pinyin: false }), viewSegment({ gloss, pinyin: true })]);

/** A link to the post in a reading mode, as a plain URL that works without JavaScript. */
export function readingHref(path: string, mode: ReadingMode, fragment?: string): string {
  const query = `?gloss=${mode.gloss}&pinyin=${mode.pinyin ? '1' : '0'}`;
  return `${path}${query}${fragment ? `#${encodeURIComponent(fragment)}` : ''}`;
}
