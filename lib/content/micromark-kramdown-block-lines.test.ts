/** The one-line block markers at parse time: they end blocks where kramdown ends them. */
import { describe, expect, test } from 'vitest';
import { renderForTest } from './render-for-tests';

const compact = (html: string) => html.replace(/\n/g, '');

describe('kramdown block marker lines', () => {
  test('the end-of-block marker splits two lists', async () => {
    expect(compact(await renderForTest('* a\n^\n* b\n'))).toBe('<ul><li>a</li></ul><ul><li>b</li></ul>');
  });

  test('the end-of-block marker ends a list item so text after it is a paragraph', async () => {
    expect(compact(await renderForTest('- item\n^\nAfter.\n'))).toBe('<ul><li>item</li></ul><p>After.</p>');
  });

  test('a line that only looks like a marker stays text', async () => {
    expect(await renderForTest('x {: .y}\n\n^ not alone\n')).toBe('<p>x {: .y}</p>\n<p>^ not alone</p>');
  });
});
