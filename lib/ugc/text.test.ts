import { describe, expect, test } from 'vitest';
import { cleanName, codePoints, normalWebsite, storableText } from './text';

describe('text readers write', () => {
  test('counts code points, not UTF-16 units', () => {
    expect(codePoints('Docker与Hyper')).toBe(12);
    expect(codePoints('𠮷野家')).toBe(3);
  });

  test('stores U+0000, what XML cannot carry and lone surrogates as U+FFFD, everything else as sent', () => {
    expect(storableText('a\0b')).toBe('a\uFFFDb');
    expect(storableText('x\uD800y')).toBe('x\uFFFDy');
    expect(storableText('ring \u0007 the bell\u000B\u001F\uFFFE\uFFFF')).toBe('ring \uFFFD the bell\uFFFD\uFFFD\uFFFD\uFFFD');
    expect(storableText('𠮷 emoji 🐳 and 中文\ttab\r\nline\u007F\u0085')).toBe('𠮷 emoji 🐳 and 中文\ttab\r\nline\u007F\u0085');
  });

  test('every text stored is one XML can carry (XML 1.0, production Char)', () => {
    const xmlChar = /^[\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
    const everyCodeUnit = String.fromCharCode(...Array.from({ length: 0x10000 }, (_, code) => code));
    expect(xmlChar.test(everyCodeUnit)).toBe(false);
    expect(xmlChar.test(storableText(everyCodeUnit))).toBe(true);
  });
});

describe('names', () => {
  test('lose bidi controls and control characters, keep what is visible', () => {
    expect(cleanName('  Eve\u202Etxt.exe  ')).toBe('Evetxt.exe');
    expect(cleanName('a\u2066b\u2069c\u061C')).toBe('abc');
    expect(cleanName('line\none\ttwo\u2028three')).toBe('line one two three');
    expect(cleanName('x\uD800')).toBe('x\uFFFD');
    expect(cleanName('e\u0301')).toBe('\u00E9');
    expect(cleanName('张三 🐳')).toBe('张三 🐳');
    expect(cleanName('👩‍💻')).toBe('👩‍💻');
  });

  test('that look empty are empty', () => {
    for (const name of ['', '   ', '\u200B\u200B', '\u202E', '\u0301\u0302', '\uFE0F', '\u3000', '\u0000\t']) expect(cleanName(name), JSON.stringify(name)).toBe('');
  });
});

describe('websites', () => {
  test('are absolute http(s) URLs with a dotted host, stored in normal form', () => {
    expect(normalWebsite('https://Example.COM')).toBe('https://example.com/');
    expect(normalWebsite('http://example.com/a%20b?q=1#x')).toBe('http://example.com/a%20b?q=1#x');
    expect(normalWebsite('https://例子.example/')).toBe('https://xn--fsqu00a.example/');
    expect(normalWebsite('https://example.com/"onmouseover=alert(1)')).toBe('https://example.com/%22onmouseover=alert(1)');
  });

  test('refuse what the parser would quietly change or keep', () => {
    for (const website of [
      'https://example.com/\u0000',
      'https://exa\tmple.com/',
      'https://example.com/\nx',
      ' https://example.com/',
      'https://user:pass@example.com/',
      'https://user@example.com/',
      'https:example.com',
      'https:/example.com',
      'javascript:alert(1)',
      'ftp://example.com/',
      'https://localhost/',
      'https://example.com/\uD800',
      `https://example.com/${'a'.repeat(300)}`,
    ]) {
      expect(normalWebsite(website), JSON.stringify(website)).toBeNull();
    }
  });
});
