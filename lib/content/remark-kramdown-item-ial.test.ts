/** IALs at the start of list items, terms and definitions, checked against Jekyll 4.3. */
import { describe, expect, test } from 'vitest';
import { renderForTest } from './render-for-tests';

const compact = (html: string) => html.replace(/\n/g, '');

describe('item IALs', () => {
  test('a list item takes the IAL after its marker', async () => {
    expect(compact(await renderForTest('* {:.cls} This item\n* normal\n'))).toBe('<ul><li class="cls">This item</li><li>normal</li></ul>');
  });

  test('terms and definitions take theirs, ALD references included', async () => {
    expect(compact(await renderForTest('{:x: title="t"}\n\n{:#term x} Term\n: {:.cls} Definition\n'))).toBe(
      '<dl><dt title="t" id="term">Term</dt><dd class="cls">Definition</dd></dl>',
    );
  });
});
