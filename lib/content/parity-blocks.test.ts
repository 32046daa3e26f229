/**
 * The parity normalisation must remove only what is ours by design: these tests pin both what it
 * forgives and, above all, what it must still report.
 */
import { describe, expect, test } from 'vitest';
import { parityBlocks } from './parity-blocks';

const blocks = (html: string) => parityBlocks(html, { keepComments: true }).map((block) => block.tree);
const same = (a: string, b: string) => expect(blocks(a)).toEqual(blocks(b));
const different = (a: string, b: string) => expect(blocks(a)).not.toEqual(blocks(b));

describe('parityBlocks reports real differences', () => {
  test('a changed tag', () => different('<p>text</p>', '<div>text</div>'));
  test('a changed inline tag', () => different('<p><em>text</em></p>', '<p><strong>text</strong></p>'));
  test('a missing class', () => different('<p class="notice">text</p>', '<p>text</p>'));
  test('one class of two missing', () => different('<a class="btn big" href="#">b</a>', '<a class="btn" href="#">b</a>'));
  test('a changed href', () => different('<p><a href="/a">x</a></p>', '<p><a href="/b">x</a></p>'));
  test('a changed id', () => different('<h2 id="a--b">A – B</h2>', '<h2 id="a----b">A – B</h2>'));
  test('a changed word', () => different('<p>the quick fox</p>', '<p>the slow fox</p>'));
  test('a changed character in Chinese', () => different('<p>加粗</p>', '<p>加粗。</p>'));
  test('a no-break space against a space', () => different('<p>a\u00a0<a href="#x">b</a></p>', '<p>a <a href="#x">b</a></p>'));
  test('a missing space between words', () => different('<p>a <em>b</em></p>', '<p>a<em>b</em></p>'));
  test('a changed alignment', () => different('<td style="text-align: left">1</td>', '<td style="text-align: right">1</td>'));
  test('a checked box against an unchecked one', () =>
    different('<li><input type="checkbox" checked="checked" />x</li>', '<li><input type="checkbox" />x</li>'));
  test('code text, whitespace included', () => {
    different('<pre><code>a  b\n</code></pre>', '<pre><code>a b\n</code></pre>');
    different('<pre class="highlight"><code><span class="k">def</span> x</code></pre>', '<pre class="highlight"><code>def  x</code></pre>');
  });
  test('a span outside highlighted code', () => different('<p><span class="k">x</span></p>', '<p>x</p>'));
  test('a missing block', () => different('<p>a</p><p>b</p>', '<p>a</p>'));
  test('a comment', () => different('<p>a</p><!-- note -->', '<p>a</p>'));
  test('a missing space beside an inline comment', () => different('<p>A <!-- x --> b</p>', '<p>A<!-- x -->b</p>'));
  test('different TeX', () =>
    different(
      '<p>\\(a^2\\)</p>',
      '<p><span class="katex"><math><semantics><mi>b</mi><annotation encoding="application/x-tex">b^2</annotation></semantics></math></span></p>',
    ));
});

describe('parityBlocks forgives what is ours by design', () => {
  test('our data-block ids', () => same('<p data-block="top-p1">a</p>', '<p>a</p>'));
  test('highlighting spans in highlighted code', () =>
    same(
      '<div class="highlighter-rouge"><div class="highlight"><pre class="highlight"><code><span class="k">def</span> <span class="nf">x</span>\n</code></pre></div></div>',
      '<div class="highlighter-rouge"><div class="highlight"><pre class="highlight"><code><span class="hljs-keyword">def</span> x\n</code></pre></div></div>',
    ));
  test('MathML carrying the TeX, inline and displayed', () => {
    same(
      '<p>有 <span class="katex"><math><semantics><mi>a</mi><annotation encoding="application/x-tex">a^2</annotation></semantics></math></span> 成立</p>',
      '<p>有 \\(a^2\\) 成立</p>',
    );
    same(
      '<p>x</p>\n<div class="math-display"><span class="katex"><math display="block"><semantics><mi>c</mi><annotation encoding="application/x-tex">c^2</annotation></semantics></math></span></div>',
      '<p>x</p>\n\n\\[c^2\\]\n',
    );
  });
  test('whitespace between and at the edges of blocks', () =>
    same('<ul>\n  <li>a\n    <ul>\n      <li>b</li>\n    </ul>\n  </li>\n</ul>', '<ul><li>a<ul><li>b</li></ul></li></ul>'));
  test('runs of whitespace inside text', () => same('<p>a\nb  c</p>', '<p>a b c</p>'));
  test('class order, style spacing and boolean attribute spelling', () => {
    same('<code class="language-plaintext highlighter-rouge">x</code>', '<code class="highlighter-rouge language-plaintext">x</code>');
    same('<td style="text-align: left">1</td>', '<td style="text-align:left;">1</td>');
    same('<input type="checkbox" disabled="disabled" />', '<input type="checkbox" disabled>');
  });
  test('comments, where asked to, joining the text around them', () => {
    expect(parityBlocks('<p>a</p><!-- note -->', { keepComments: false })).toEqual(parityBlocks('<p>a</p>', { keepComments: false }));
    expect(parityBlocks('<p>a <!-- x --> b</p>', { keepComments: false })).toEqual(parityBlocks('<p>a  b</p>', { keepComments: false }));
  });
});

describe('parityBlocks labels blocks for test names', () => {
  test('tag, id and the start of the text', () => {
    expect(parityBlocks('<h2 id="结">结</h2><p>哦，还有十几分钟就要考试了，愿原力与我同在。再写几句话</p>', { keepComments: true }).map((b) => b.summary)).toEqual([
      '<h2#结> “结”',
      '<p> “哦，还有十几分钟就要考试了，愿原力与我同在。再写…”',
    ]);
  });
});
