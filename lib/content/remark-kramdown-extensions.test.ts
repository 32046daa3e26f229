/** kramdown's `{::name}` extensions, checked against Jekyll 4.3. */
import { describe, expect, test } from 'vitest';
import { renderForTest } from './render-for-tests';

describe('kramdown extensions', () => {
  test('a comment becomes an HTML comment and its markdown is not rendered', async () => {
    expect(await renderForTest('{::comment}\n*hidden*\n\n- no list\n{:/comment}\n\nShown.\n')).toBe(
      '<!-- *hidden*\n\n- no list -->\n<p>Shown.</p>',
    );
  });

  test('nomarkdown passes its body through untouched, closed by {:/}', async () => {
    expect(await renderForTest('{::nomarkdown}\n<p class="raw">*stars*</p>\n\nmore\n{:/}\n')).toBe(
      '<p class="raw">*stars*</p>\n\nmore',
    );
  });

  test('options are accepted without output', async () => {
    expect(await renderForTest('{::options auto_ids="false" /}\n\nText.\n')).toBe('<p>Text.</p>');
  });

  test('a start tag without a stop tag is text, as kramdown leaves it', async () => {
    expect(await renderForTest('{::comment}\nnever closed\n')).toBe('<p>{::comment}\nnever closed</p>');
  });
});
