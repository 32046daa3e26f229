/**
 * Typography on the markdown tree: what Jekyll 4.3 printed for the same markdown.
 */
import { describe, expect, test } from 'vitest';
import { htmlOf } from './test-html';

describe('kramdown typography in posts', () => {
  test('escaped characters and entities stay straight', async () => {
    expect(await htmlOf('Say \\"hi\\" and &quot;there&quot; -- \\-- ok\n')).toBe('<p>Say "hi" and "there" \u2013 -- ok</p>');
  });
  test('a quote before **bold** opens; after it, before the end, it closes', async () => {
    expect(await htmlOf('"**bold**" and **bold**"\n')).toBe('<p>\u201c<strong>bold</strong>\u201d and <strong>bold</strong>\u201d</p>');
  });
  test('raw HTML blocks are left alone, text in inline HTML is set', async () => {
    expect(await htmlOf('<div>"raw" -- block</div>\n\nInline <small>"small" -- x</small>.\n')).toBe(
      '<div>"raw" -- block</div>\n<p>Inline <small>\u201csmall\u201d \u2013 x</small>.</p>',
    );
  });
  test('code is left alone', async () => {
    expect(await htmlOf('`"code" --`\n')).toBe('<p><code class="language-plaintext highlighter-rouge">"code" --</code></p>');
  });
});
