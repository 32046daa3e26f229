/**
 * Math in posts without `mathjax: true`, against what Jekyll 4.3 printed; and the display blocks
 * kramdown makes of a paragraph that is only `$$...$$`, with and without MathJax.
 */
import { expect, test } from 'vitest';
import { htmlOf } from './test-html';

test('inline math is \\(...\\) text, escaped as HTML', async () => {
  expect(await htmlOf('Inline $$a<b & c$$ math and $single$ dollar and \\$$x$$ escaped.\n')).toBe(
    '<p>Inline \\(a&#x3C;b &#x26; c\\) math and $single$ dollar and $$x$$ escaped.</p>',
  );
});

test('a paragraph of $$...$$ alone, fenced or on one line, is display math as bare text', async () => {
  expect(await htmlOf('x\n\n$$\nE = mc^2\n$$\n\n$$ a = b $$\n\ny\n')).toBe('<p>x</p>\n\\[E = mc^2\\]\n\\[a = b\\]\n<p>y</p>');
});

test('math inside a paragraph stays inline, even on a line of its own', async () => {
  expect(await htmlOf('Text before\n$$x+y$$\nafter.\n')).toBe('<p>Text before\n\\(x+y\\)\nafter.</p>');
});

test('with mathjax: true the one-line block is displayed MathML', async () => {
  const html = await htmlOf('$$ a = b $$\n', { mathjax: true });
  expect(html).toMatch(/^<div class="math-display"><math [^>]*display="block"/);
  expect(html).toContain('<annotation encoding="application/x-tex">a = b</annotation>');
});
