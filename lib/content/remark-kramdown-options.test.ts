/** kramdown's `{::options /}` for header ids and the table of contents, checked against Jekyll 4.3. */
import { describe, expect, test } from 'vitest';
import { renderForTest } from './render-for-tests';
import { parseTocLevels } from './remark-kramdown-options';

const compact = (html: string) => html.replace(/\n/g, '');

describe('kramdown options in a post', () => {
  test('auto_ids="false" anywhere turns generated header ids off for the whole post', async () => {
    expect(compact(await renderForTest('## A\n\n{::options auto_ids="false" /}\n\n## B {#b}\n'))).toBe('<h2>A</h2><h2 id="b">B</h2>');
  });

  test('the last value wins', async () => {
    expect(await renderForTest('{::options auto_ids="false" /}\n\n{::options auto_ids="true" /}\n\n## A\n')).toBe('<h2 id="a">A</h2>');
  });

  test('toc_levels limits the table of contents', async () => {
    expect(compact(await renderForTest('{::options toc_levels="2" /}\n\n* x\n{:toc}\n\n# A\n\n## B\n'))).toBe(
      '<ul id="markdown-toc"><li><a href="#b" id="markdown-toc-b">B</a></li></ul><h1 id="a">A</h1><h2 id="b">B</h2>',
    );
  });

  test('toc_levels is read as kramdown reads it', () => {
    expect(parseTocLevels('2..4')).toEqual([2, 3, 4]);
    expect(parseTocLevels('1,3')).toEqual([1, 3]);
    expect(parseTocLevels('7')).toBeUndefined();
  });
});
