/** Block IALs and ALDs; every expectation was checked against Jekyll 4.3's kramdown. */
import { describe, expect, test } from 'vitest';
import { renderForTest } from './render-for-tests';

describe('block attribute lists', () => {
  test('an IAL on the line after a paragraph applies to it', async () => {
    expect(await renderForTest('Watch out!\n{: .notice}\n')).toBe('<p class="notice">Watch out!</p>');
  });

  test('an IAL before a block applies to the block below', async () => {
    expect(await renderForTest('{: #lead}\nFirst words.\n')).toBe('<p id="lead">First words.</p>');
  });

  test('an IAL between blank lines waits for the next block, unless nothing came before it', async () => {
    expect(await renderForTest('One.\n\n{: .a}\n\n{: .b}\nTwo.\n')).toBe('<p>One.</p>\n<p class="a b">Two.</p>');
    expect(await renderForTest('{: .lost}\n\nTwo.\n')).toBe('<p>Two.</p>');
  });

  test('an end-of-block marker takes a waiting IAL', async () => {
    expect(await renderForTest('One.\n\n{: .lost}\n^\nTwo.\n')).toBe('<p>One.</p>\n<p>Two.</p>');
  });

  test('an IAL ends a blockquote and a list instead of continuing them lazily', async () => {
    expect(await renderForTest('> quoted\n{: title="t"}\n')).toContain('<blockquote title="t">');
    expect(await renderForTest('- a\n- b\n{: .checklist}\n')).toContain('<ul class="checklist">');
  });

  test('two IAL lines merge', async () => {
    expect(await renderForTest('Para\n{: #x}\n{: .y}\n')).toBe('<p id="x" class="y">Para</p>');
  });

  test('ALDs may be defined after their use and may reference each other', async () => {
    const html = await renderForTest('Text\n{: both #t}\n\n{:a: .one}\n{:both: a .two style="color: red"}\n');
    expect(html).toBe('<p class="one two" style="color: red" id="t">Text</p>');
  });

  test('a class on a fenced code block names its language and the rest go on the wrapper', async () => {
    const html = await renderForTest('~~~\nx\n~~~\n{: .language-ruby .wide #snippet}\n');
    expect(html).toMatch(/^<div id="snippet" class="language-ruby wide highlighter-rouge">/);
  });

  test('a heading keeps an id from an IAL', async () => {
    expect(await renderForTest('## Title\n{: #mine .big}\n')).toBe('<h2 id="mine" class="big">Title</h2>');
  });
});
