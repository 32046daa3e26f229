/** kramdown tables, checked against Jekyll 4.3. */
import { describe, expect, test } from 'vitest';
import { renderForTest } from './render-for-tests';

const compact = (html: string) => html.replace(/\n/g, '');

describe('kramdown tables', () => {
  test('leading pipes are optional', async () => {
    expect(compact(await renderForTest('a | b\n--|--\n1 | 2\n'))).toBe(
      '<table><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>',
    );
  });

  test('a footer line starts tfoot and a separator line starts another tbody', async () => {
    expect(compact(await renderForTest('| h |\n|---\n| 1 |\n|---\n| 2 |\n|===\n| f |\n'))).toBe(
      '<table><thead><tr><th>h</th></tr></thead><tbody><tr><td>1</td></tr></tbody><tbody><tr><td>2</td></tr></tbody>' +
        '<tfoot><tr><td>f</td></tr></tfoot></table>',
    );
  });

  test('a short separator row aligns the columns it names and rows are padded', async () => {
    expect(compact(await renderForTest('| a | b | c |\n|:-:|\n| 1 |\n'))).toBe(
      '<table><thead><tr><th style="text-align: center">a</th><th>b</th><th>c</th></tr></thead>' +
        '<tbody><tr><td style="text-align: center">1</td><td></td><td></td></tr></tbody></table>',
    );
  });

  test('pipes in code spans and escaped pipes do not split cells', async () => {
    expect(compact(await renderForTest('| `a|b` | \\| c |\n'))).toBe(
      '<table><tbody><tr><td><code class="language-plaintext highlighter-rouge">a|b</code></td><td>| c</td></tr></tbody></table>',
    );
  });

  test('a table must start and end on a block boundary, else it is a paragraph', async () => {
    expect(await renderForTest('x\n| a | b |\n|---|---|\n')).toMatch(/^<p>x\n\| a \| b \|/);
    expect(await renderForTest('| a |\n|---|\n| 1 |\ntext\n')).toMatch(/^<p>\| a \|/);
    expect(await renderForTest('## H\n| a | b |\n')).toBe('<h2 id="h">H</h2>\n<p>| a | b |</p>');
  });

  test('a table with no body is a paragraph', async () => {
    expect(await renderForTest('|---|\n| a |\n|---|\n')).toMatch(/^<p>/);
  });
});
