import { describe, expect, test } from 'vitest';
import { detectLang } from './language';

describe('detectLang', () => {
  test('Chinese when Han characters are a fair share of the words, English otherwise', () => {
    expect(detectLang('写得很好，谢谢')).toBe('zh');
    expect(detectLang('Docker 与 Hyper 的区别在于内核')).toBe('zh');
    expect(detectLang('A fine post about Docker, 谢谢')).toBe('en');
    expect(detectLang('Thanks for the write-up')).toBe('en');
    expect(detectLang('12345 !!!')).toBe('en');
  });
});
