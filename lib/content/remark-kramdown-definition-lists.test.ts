/** Definition lists as kramdown renders them, checked against Jekyll 4.3. */
import { describe, expect, test } from 'vitest';
import { renderForTest } from './render-for-tests';
import { renderMarkdownToHtml } from './markdown';

const strip = (html: string) => html.replace(/\n/g, '');

describe('definition lists', () => {
  test('terms and definitions, several of each', async () => {
    expect(strip(await renderForTest('A\nB\n: one\n: two\n\nC\n: three\n'))).toBe(
      '<dl><dt>A</dt><dt>B</dt><dd>one</dd><dd>two</dd><dt>C</dt><dd>three</dd></dl>',
    );
  });

  test('a blank line before the marker makes the definition paragraphs', async () => {
    expect(strip(await renderForTest('Term\n\n: first\n\n  second\n'))).toBe('<dl><dt>Term</dt><dd><p>first</p><p>second</p></dd></dl>');
  });

  test('without the blank line the first part is text, followed by other blocks', async () => {
    expect(strip(await renderForTest('Term\n: text\n\n  > quote\n'))).toBe('<dl><dt>Term</dt><dd>text<blockquote><p>quote</p></blockquote></dd></dl>');
  });

  test('a definition list is one block of kind dl', async () => {
    const { blocks } = await renderMarkdownToHtml('Intro.\n\nTerm\n: text\n', { mathjax: false });
    expect(blocks.map((block) => [block.id, block.kind])).toEqual([['top-p1', 'p'], ['top-dl1', 'dl']]);
  });
});

describe('definition list text', () => {
  test('terms and definitions are separated, so their text does not run together', async () => {
    expect(await renderForTest('A\n: one\n')).toBe('<dl><dt>A</dt>\n<dd>one</dd></dl>');
  });
});
