/**
 * kramdown's typographic symbols and smart quotes; expected values are what Jekyll 4.3 with
 * kramdown 2.4 printed for the same text.
 */
import { describe, expect, test } from 'vitest';
import { typesetKramdown } from './kramdown-typography';

const typeset = (text: string, lookahead = '') => typesetKramdown(text, new Set(), lookahead);

describe('typesetKramdown', () => {
  test('dashes, ellipsis and guillemets', () => {
    expect(typeset('A -- B --- C... D')).toBe('A \u2013 B \u2014 C\u2026 D');
    expect(typeset('<< a >> <<b>>')).toBe('\u00ab\u00a0a\u00a0\u00bb \u00abb\u00bb');
  });
  test('quotes in English', () => {
    expect(typeset(`"Hello" and 'world', it's 90's`)).toBe('\u201cHello\u201d and \u2018world\u2019, it\u2019s 90\u2019s');
    expect(typeset(`the '90s were "fun".`)).toBe('the \u201990s were \u201cfun\u201d.');
  });
  test('quotes after a CJK character close, as in kramdown', () => {
    expect(typeset('他说"你好"。')).toBe('他说\u201d你好\u201d。');
    expect(typeset(' "中文引号"')).toBe(' \u201c中文引号\u201d');
  });
  test('a quote at the start of a run looks ahead into the source', () => {
    expect(typeset('"', '**bold**')).toBe('\u201c');
    expect(typeset('"')).toBe('\u201d');
  });
  test('escaped and entity characters stay as they are', () => {
    expect(typesetKramdown(`say "hi"`, new Set([4, 7]))).toBe('say "hi"');
    expect(typesetKramdown('a--b', new Set([1]))).toBe('a--b');
  });
});
