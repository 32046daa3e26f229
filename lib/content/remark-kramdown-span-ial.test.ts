/** Span IALs, checked against Jekyll 4.3. */
import { describe, expect, test } from 'vitest';
import { renderForTest } from './render-for-tests';

describe('span attribute lists', () => {
  test('a link, emphasis and code take attributes from the IAL right after them', async () => {
    expect(await renderForTest('[B](#){: .btn .btn--primary}\n')).toBe('<p><a href="#" class="btn btn--primary">B</a></p>');
    expect(await renderForTest('*a*{: .mark} **b**{:#k}\n')).toBe('<p><em class="mark">a</em> <strong id="k">b</strong></p>');
    expect(await renderForTest('`x`{:#c}\n')).toBe('<p><code id="c" class="language-plaintext highlighter-rouge">x</code></p>');
  });

  test('several IALs in a row apply together and {::} only separates', async () => {
    expect(await renderForTest('*a*{::}*b*{:#i}{:.c}\n')).toBe('<p><em>a</em><em id="i" class="c">b</em></p>');
  });

  test('an IAL after a space or after text stays text', async () => {
    expect(await renderForTest('*a* {: .x} and b{: .y}\n')).toBe('<p><em>a</em> {: .x} and b{: .y}</p>');
  });
});

describe('span attribute lists and ALDs', () => {
  test('a span IAL may reference an ALD defined anywhere in the post', async () => {
    expect(await renderForTest('*a*{: x}\n\n{:x: .ald}\n')).toBe('<p><em class="ald">a</em></p>');
  });
});
