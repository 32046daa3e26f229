/**
 * The reading state (gloss mode and pinyin) a reader picks: where it comes from (link, cookie,
 * language), the route segment each state is prerendered under, and the links that switch it.
 */
import { describe, expect, test } from 'vitest';
import {
  allViewSegments,
  defaultReadingMode,
  isGlossMode,
  nextGlossMode,
  parseViewSegment,
  readingHref,
  resolveReadingMode,
  viewSegment,
  type ReadingMode,
} from './reading-mode';

describe('resolveReadingMode', () => {
  test('with nothing chosen, Chinese readers get the original alone and English readers the inline gloss', () => {
    expect(resolveReadingMode('zh', {}, {})).toEqual({ gloss: 'off', pinyin: false });
    expect(resolveReadingMode('en', {}, {})).toEqual({ gloss: 'inline', pinyin: false });
    expect(defaultReadingMode('zh')).toEqual({ gloss: 'off', pinyin: false });
    expect(defaultReadingMode('en')).toEqual({ gloss: 'inline', pinyin: false });
  });

  test('the cookie beats the language default', () => {
    expect(resolveReadingMode('zh', {}, { gloss: 'parallel', pinyin: '1' })).toEqual({ gloss: 'parallel', pinyin: true });
    expect(resolveReadingMode('en', {}, { gloss: 'off', pinyin: '0' })).toEqual({ gloss: 'off', pinyin: false });
  });

  test('the link beats the cookie, for each setting on its own', () => {
    expect(resolveReadingMode('zh', { gloss: 'inline', pinyin: '0' }, { gloss: 'parallel', pinyin: '1' })).toEqual({ gloss: 'inline', pinyin: false });
    expect(resolveReadingMode('en', { gloss: 'off' }, { gloss: 'parallel', pinyin: '1' })).toEqual({ gloss: 'off', pinyin: true });
    expect(resolveReadingMode('en', { pinyin: '1' }, { gloss: 'parallel', pinyin: '0' })).toEqual({ gloss: 'parallel', pinyin: true });
  });

  test('pinyin is on only for "1" and off for "0"', () => {
    expect(resolveReadingMode('zh', { pinyin: '1' }, {}).pinyin).toBe(true);
    expect(resolveReadingMode('zh', { pinyin: '0' }, { pinyin: '1' }).pinyin).toBe(false);
  });

  test('values that mean nothing are ignored, falling through to the next source', () => {
    expect(resolveReadingMode('zh', { gloss: 'INLINE', pinyin: 'true' }, { gloss: 'parallel', pinyin: '1' })).toEqual({ gloss: 'parallel', pinyin: true });
    expect(resolveReadingMode('en', { gloss: '', pinyin: 'yes' }, { gloss: 'both', pinyin: '2' })).toEqual({ gloss: 'inline', pinyin: false });
    expect(resolveReadingMode('zh', { gloss: null, pinyin: null }, { gloss: null, pinyin: null })).toEqual({ gloss: 'off', pinyin: false });
    expect(resolveReadingMode('zh', { gloss: 'toString' }, { gloss: 'constructor' }).gloss).toBe('off');
  });

  test('isGlossMode accepts exactly the three modes', () => {
    expect(['off', 'inline', 'parallel'].every(isGlossMode)).toBe(true);
    expect([undefined, null, 1, '', 'Off', 'inline ', 'none'].some(isGlossMode)).toBe(false);
  });
});

describe('view segments', () => {
  const all: ReadingMode[] = (['off', 'inline', 'parallel'] as const).flatMap((gloss) => [
    { gloss, pinyin: false },
    { gloss, pinyin: true },
  ]);

  test('each of the six states has its own segment, and reads back as itself', () => {
    expect(all.map(viewSegment)).toEqual(['off', 'off-pinyin', 'inline', 'inline-pinyin', 'parallel', 'parallel-pinyin']);
    expect(allViewSegments).toEqual(all.map(viewSegment));
    for (const mode of all) expect(parseViewSegment(viewSegment(mode))).toEqual(mode);
  });

  test('junk is not a view', () => {
    for (const junk of ['inline-foo', 'x', 'off-pinyin-pinyin', '', '-', 'pinyin', 'off-', 'inline-pinyin-', 'Inline', 'parallel-Pinyin']) {
      expect(parseViewSegment(junk), junk).toBeNull();
    }
  });
});

describe('switching modes', () => {
  test('the gloss button cycles off, inline, parallel and back', () => {
    expect(nextGlossMode('off')).toBe('inline');
    expect(nextGlossMode('inline')).toBe('parallel');
    expect(nextGlossMode('parallel')).toBe('off');
  });

  test('a reading link carries both settings as a query, and the block as the fragment', () => {
    expect(readingHref('/posts/docker-and-hyper', { gloss: 'parallel', pinyin: true })).toBe('/posts/docker-and-hyper?gloss=parallel&pinyin=1');
    expect(readingHref('/en/posts/docker-and-hyper', { gloss: 'off', pinyin: false }, 'top-p1')).toBe(
      '/en/posts/docker-and-hyper?gloss=off&pinyin=0#top-p1',
    );
  });

  test('a Chinese block id is percent-encoded in the fragment, and decodes back to the id', () => {
    const href = readingHref('/posts/docker-and-hyper', { gloss: 'inline', pinyin: false }, '结-p1');
    expect(href).toBe('/posts/docker-and-hyper?gloss=inline&pinyin=0#%E7%BB%93-p1');
    expect(decodeURIComponent(new URL(href, 'https://example.org').hash.slice(1))).toBe('结-p1');
  });

  test('no fragment, no #', () => {
    expect(readingHref('/posts/x', { gloss: 'inline', pinyin: false }, '')).toBe('/posts/x?gloss=inline&pinyin=0');
  });
});
