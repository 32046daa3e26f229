/**
 * Code blocks against what Jekyll 4.3 (kramdown 2.4, rouge 3.30) printed for the same posts.
 * Highlighting spans differ by design (highlight.js, not rouge) and are compared as text.
 */
import { expect, test } from 'vitest';
import { createLiquid, renderLiquid } from './liquid';
import { htmlOf, treesOf } from './test-html';

async function liquidThenMarkdown(source: string): Promise<string> {
  const liquid = createLiquid({ url: '', baseurl: '', origin: '', title: '', description: '', posts: [] }, new Map());
  return renderLiquid(liquid, source, { site: { url: '', baseurl: '', origin: '', title: '', description: '', posts: [] }, page: {} }, 'test.md');
}

test('no language is plaintext; a language rouge does not know is a bare pre > code', async () => {
  const [ours, kramdown] = await treesOf(
    '```\ncode\n```\n\n```foo\nbar <b>\n```\n\n```c++\nint x;\n```\n',
    [
      '<div class="language-plaintext highlighter-rouge"><div class="highlight"><pre class="highlight"><code>code\n</code></pre></div></div>',
      '<pre><code class="language-foo">bar &lt;b&gt;\n</code></pre>',
      '<div class="language-c++ highlighter-rouge"><div class="highlight"><pre class="highlight"><code><span class="kt">int</span> <span class="n">x</span><span class="p">;</span>\n</code></pre></div></div>',
    ].join('\n'),
  );
  expect(ours).toBe(kramdown);
});

test('{% highlight js linenos %} is rouge’s line-number table', async () => {
  const markdown = await liquidThenMarkdown('{% highlight js linenos %}\nvar a = 1;\nfunction f() {\n  return a;\n}\n{% endhighlight %}\n');
  const [ours, kramdown] = await treesOf(
    markdown,
    '<figure class="highlight"><pre><code class="language-js" data-lang="js"><table class="rouge-table"><tbody><tr>' +
      '<td class="gutter gl"><pre class="lineno">1\n2\n3\n4\n</pre></td><td class="code"><pre><span class="kd">var</span> a = 1;\n' +
      'function f() {\n  return a;\n}\n</pre></td></tr></tbody></table></code></pre></figure>',
  );
  expect(ours).toBe(kramdown);
});

test('{% highlight C++ %} lower-cases the language and spells + as - in the class', async () => {
  const html = await htmlOf(await liquidThenMarkdown('{% highlight C++ %}\nint x;\n{% endhighlight %}\n'));
  expect(html).toMatch(/^<figure class="highlight"><pre><code class="language-c--" data-lang="c\+\+">/);
});
