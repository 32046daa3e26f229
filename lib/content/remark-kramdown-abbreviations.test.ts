/** Abbreviations as kramdown marks them up, checked against Jekyll 4.3. */
import { describe, expect, test } from 'vitest';
import { renderForTest } from './render-for-tests';

describe('abbreviations', () => {
  test('every occurrence gets an abbr with the definition as title, and the definition goes', async () => {
    expect(await renderForTest('Use CSS and more CSS.\n\n*[CSS]: Cascading Style Sheets\n')).toBe(
      '<p>Use <abbr title="Cascading Style Sheets">CSS</abbr> and more <abbr title="Cascading Style Sheets">CSS</abbr>.</p>',
    );
  });

  test('matches next to Chinese but not inside a longer word', async () => {
    expect(await renderForTest('用CI跑，CIA 不算。\n\n*[CI]: 持续集成\n')).toBe('<p>用<abbr title="持续集成">CI</abbr>跑，CIA 不算。</p>');
  });

  test('the longest abbreviation wins and an IAL adds attributes', async () => {
    expect(await renderForTest('HTML5 or HTML\n\n*[HTML]: markup\n*[HTML5]: newer markup\n{: .big}\n')).toBe(
      '<p><abbr class="big" title="newer markup">HTML5</abbr> or <abbr title="markup">HTML</abbr></p>',
    );
  });

  test('a definition line inside a paragraph is text', async () => {
    expect(await renderForTest('Text\n*[X]: not a definition\n')).toBe('<p>Text\n*[X]: not a definition</p>');
  });
});
