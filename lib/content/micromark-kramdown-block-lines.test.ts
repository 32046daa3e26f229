/** The one-line block markers at parse time: they end blocks where kramdown ends them. */
import { describe, expect, test } from 'vitest';
import { renderForTest } from './render-for-tests';

describe('kramdown block marker lines', () => {
  test('the end-of-block marker splits two lists', async () => {
    expect(await renderForTest('* a\n^\n* b\n')).toBe('<ul>\n<li>a</li>\n</ul>\n<ul>\n<li>b</li>\n</ul>');
  });

  test('the end-of-block marker ends a list item so text after it is a paragraph', async () => {
    expect(await renderForTest('- item\n^\nAfter.\n')).toBe('<ul>\n<li>item</li>\n</ul>\n<p>After.</p>');
  });

  test('a line that only looks like a marker stays text', async () => {
    expect(await renderForTest('x {: .y}\n\n^ not alone\n')).toBe('<p>x {: .y}</p>\n<p>^ not alone</p>');
  });
});
