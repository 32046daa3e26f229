/**
 * Footnotes against what Jekyll 4.3 (kramdown 2.4) printed for the same markdown.
 */
import { expect, test } from 'vitest';
import { treesOf } from './test-html';

const ref = (id: string, name: string, n: number) =>
  `<sup id="fnref:${id}" role="doc-noteref"><a href="#fn:${name}" class="footnote" rel="footnote">${n}</a></sup>`;
const back = (id: string, extra = '') => `<a href="#fnref:${id}" class="reversefootnote" role="doc-backlink">&#8617;${extra}</a>`;

test('labels as written, repeated references, backlinks after a no-break space or in their own paragraph', async () => {
  const [ours, kramdown] = await treesOf(
    'a[^Note] b[^Note] c[^x] d[^y]\n\n[^Note]: note\n\n[^x]: ```\n    code\n    ```\n\n[^y]: para1\n\n    para2\n',
    `<p>a${ref('Note', 'Note', 1)} b${ref('Note:1', 'Note', 1)} c${ref('x', 'x', 2)} d${ref('y', 'y', 3)}</p>
<div class="footnotes" role="doc-endnotes"><ol>
<li id="fn:Note" role="doc-endnote"><p>note&nbsp;${back('Note')}&nbsp;${back('Note:1', '<sup>2</sup>')}</p></li>
<li id="fn:x" role="doc-endnote"><div class="language-plaintext highlighter-rouge"><div class="highlight"><pre class="highlight"><code>code
</code></pre></div></div><p>${back('x')}</p></li>
<li id="fn:y" role="doc-endnote"><p>para1</p><p>para2&nbsp;${back('y')}</p></li>
</ol></div>`,
  );
  expect(ours).toBe(kramdown);
});
