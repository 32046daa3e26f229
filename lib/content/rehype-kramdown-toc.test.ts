/** kramdown's `{:toc}`, checked against Jekyll 4.3. */
import { describe, expect, test } from 'vitest';
import { renderForTest } from './render-for-tests';

const strip = (html: string) => html.replace(/\n/g, '');

describe('generated table of contents', () => {
  test('replaces the marked list with nested links to every header', async () => {
    const html = await renderForTest('* x\n{:toc}\n\n## A\n\n### A1 [link](/x)\n\n## B {#bee}\n\n### Skip\n{:.no_toc}\n');
    expect(strip(html)).toBe(
      '<ul id="markdown-toc"><li><a href="#a" id="markdown-toc-a">A</a><ul><li><a href="#a1-link" id="markdown-toc-a1-link">A1 link</a></li></ul></li>' +
        '<li><a href="#bee" id="markdown-toc-bee">B</a></li></ul>' +
        '<h2 id="a">A</h2><h3 id="a1-link">A1 <a href="/x">link</a></h3><h2 id="bee">B</h2><h3 class="no_toc" id="skip">Skip</h3>',
    );
  });

  test('keeps an ordered list and the list own id', async () => {
    const html = strip(await renderForTest('1. x\n{:toc #contents}\n\n# One\n'));
    expect(html).toBe('<ol id="contents"><li><a href="#one" id="contents-one">One</a></li></ol><h1 id="one">One</h1>');
  });

  test('disappears when there is no header', async () => {
    expect((await renderForTest('* x\n{:toc}\n\nText.\n')).trim()).toBe('<p>Text.</p>');
  });
});
