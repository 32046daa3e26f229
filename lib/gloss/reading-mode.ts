/**
 * The reading state a reader chooses: gloss mode and pinyin. It lives in the URL
 * (`?gloss=off|inline|parallel&pinyin=1`) and in cookies, and is rendered on the server, so a shared
 * link shows the same page and nothing flashes. How a request picks its state is in
 * reading-state.mjs, shared with the HTTP server. Pure and client-safe.
 */
import { glossModes, isGlossMode, viewSegment, type GlossMode, type ReadingMode } from './reading-state.mjs';

export { defaultReadingMode, glossModes, isGlossMode, readingCookies, resolveReadingMode, viewSegment } from './reading-state.mjs';
export type { GlossMode, ReadingMode } from './reading-state.mjs';

export function nextGlossMode(mode: GlossMode): GlossMode {
  return glossModes[(glossModes.indexOf(mode) + 1) % glossModes.length] ?? 'off';
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
