/** kramdown's HTML blocks, checked against Jekyll 4.3. */
import { describe, expect, test } from 'vitest';
import { renderForTest } from './render-for-tests';

const compact = (html: string) => html.replace(/\n/g, '');

describe('kramdown HTML blocks', () => {
  test('a raw block runs to its end tag across blank lines, its text left as text', async () => {
    expect(compact(await renderForTest('<details>\n<summary>S</summary>\n\nHidden *text*.\n\n</details>\n'))).toBe(
      '<details><summary>S</summary>Hidden *text*.</details>',
    );
  });

  test('markdown="1" parses the content as markdown and the attribute goes', async () => {
    expect(compact(await renderForTest('<div markdown="1">\n- a\n\n*b*\n</div>\n'))).toBe('<div><ul><li>a</li></ul><p><em>b</em></p></div>');
  });

  test('a span-level tag at the start of a line starts a paragraph with markdown inside', async () => {
    expect(await renderForTest('<small>*em*</small> tail\n')).toBe('<p><small><em>em</em></small> tail</p>');
  });

  test('a block tag ends the paragraph above it and the block ends with its end tag', async () => {
    expect(compact(await renderForTest('Para\n<div>x</div>\nmore\n'))).toBe('<p>Para</p><div>x</div><p>more</p>');
  });

  test('a list right after a comment is a list', async () => {
    expect(compact(await renderForTest('<!-- c -->\n- a\n'))).toBe('<!-- c --><ul><li>a</li></ul>');
  });
});
