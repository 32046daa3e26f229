/** kramdown's one-line math blocks, checked against Jekyll 4.3 (which writes `\[…\]` for them). */
import { describe, expect, test } from 'vitest';
import { renderForTest } from './render-for-tests';

describe('one-line math blocks', () => {
  test('a paragraph of only $$…$$ is display math', async () => {
    const html = await renderForTest('Before.\n\n$$x^2$$\n\nAfter.\n', true);
    expect(html).toMatch(/^<p>Before\.<\/p>\n<div class="math-display"><math [^>]*display="block"/);
  });

  test('$$…$$ inside text stays inline', async () => {
    const html = await renderForTest('Area $$\\pi r^2$$ here.\n', true);
    expect(html).toMatch(/^<p>Area <span class="katex"><math /);
  });
});
