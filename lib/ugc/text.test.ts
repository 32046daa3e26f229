import { describe, expect, test } from 'vitest';
import { codePoints, storableText } from './text';

describe('text readers write', () => {
  test('counts code points, not UTF-16 units', () => {
    expect(codePoints('Docker与Hyper')).toBe(12);
    expect(codePoints('𠮷野家')).toBe(3);
  });

  test('stores U+0000 and lone surrogates as U+FFFD, everything else as sent', () => {
    expect(storableText('a\0b')).toBe('a\uFFFDb');
    expect(storableText('x\uD800y')).toBe('x\uFFFDy');
    expect(storableText('𠮷 emoji 🐳 and 中文')).toBe('𠮷 emoji 🐳 and 中文');
  });
});
