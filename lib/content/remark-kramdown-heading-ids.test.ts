/**
 * Heading ids against what Jekyll 4.3 (kramdown-parser-gfm 1.1) printed for the same headings.
 */
import { describe, expect, test } from 'vitest';
import { createGfmIdGenerator } from './remark-kramdown-heading-ids';
import { htmlOf } from './test-html';

const ids = async (markdown: string) => [...(await htmlOf(markdown)).matchAll(/<h\d( id="([^"]*)")?/g)].map((match) => match[2] ?? null);

describe('kramdown GFM heading ids', () => {
  test('typographic symbols are converted first, then dropped: nothing collapses', async () => {
    expect(await ids('## A -- B\n\n## << Quote >> "q" ... x\n')).toEqual(['a--b', 'quote-q--x']);
  });
  test('CJK is kept, CJK punctuation dropped; the seed’s 结 stays 结', async () => {
    expect(await ids('## Hello, World! 你好，世界！\n\n## 结\n')).toEqual(['hello-world-你好世界', '结']);
  });
  test('duplicates count per id, without checking for clashes', async () => {
    expect(await ids('## a-1\n\n## A\n\n## A\n\n## a-1\n')).toEqual(['a-1', 'a', 'a-1', 'a-1-1']);
  });
  test('emoji and symbols go, accented letters stay lower-cased', async () => {
    expect(await ids('## Emoji 🎉 rocket :rocket:\n\n## Über straße ÀÉ\n')).toEqual(['emoji--rocket-rocket', 'über-straße-àé']);
  });
  test('code and math count as written, images not at all; raw HTML headings get no id', async () => {
    expect(await ids('## Heading $$x^2$$\n\n## `code` and **bold** [link](/x) ![img](/i.png)\n\n<h2>Raw</h2>\n')).toEqual([
      'heading-x2',
      'code-and-bold-link-',
      null,
    ]);
  });
  test('the generator lower-cases one character at a time, as Ruby does', () => {
    const generate = createGfmIdGenerator();
    expect(generate('ΣΑΣ')).toBe('σασ');
    expect(generate('Ⅻ roman')).toBe('ⅻ-roman');
  });
});
