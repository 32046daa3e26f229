/**
 * The renderer of reader-written markdown against an XSS corpus (test/fixtures/xss/payloads.json), in every place a
 * reader can put text, plus what ordinary comments and notes should look like and a seeded fuzz run. Output
 * is judged the way a browser would see it: parsed as an HTML fragment, not by string matching.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { MARKDOWN_PARSE_MAX_LENGTH, readerPlainText, renderReaderMarkdown } from './render-markdown';

const root = path.resolve(import.meta.dirname, '../..');
const payloads = z
  .array(z.string())
  .min(120)
  .parse(JSON.parse(readFileSync(path.join(root, 'test/fixtures/xss/payloads.json'), 'utf8')));

const ALLOWED_TAGS: ReadonlySet<string> = new Set(['p', 'br', 'em', 'strong', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a']);
const REL = ['ugc', 'nofollow', 'noopener'];

const htmlParser = unified().use(rehypeParse, { fragment: true });
const parseHtml = (html: string): Root => htmlParser.parse(html);

/**
 * How a browser's URL parser reads an href before picking the scheme: tabs and newlines anywhere
 * are removed, leading and trailing C0 controls and spaces are trimmed.
 */
function browserHref(href: string): string {
  return href.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
}

/** Every way `html` breaks the allowlist, so a failure names what got through. */
function violations(html: string): string[] {
  const found: string[] = [];
  // Text `<` is always escaped, so every `<name` in the string is a real tag.
  for (const [, name = ''] of html.matchAll(/<\/?([^\s/>]+)/g)) {
    if (!ALLOWED_TAGS.has(name.toLowerCase())) found.push(`tag in source: <${name}>`);
  }
  if (/<script/i.test(html)) found.push('<script in output');
  // `<[^>]*` only spans real tags: text `<` and `>` are escaped.
  if (/<[^>]*\shref\s*=\s*["']?\s*(?:javascript|vbscript|data)/i.test(html)) found.push('script-capable href in source');

  const tree = parseHtml(html);
  visit(tree, (node) => {
    if (node.type === 'comment' || node.type === 'doctype') found.push(`${node.type} node`);
  });
  for (const element of selectAll('*', tree)) {
    found.push(...elementViolations(element));
  }
  return found;
}

function elementViolations(element: Element): string[] {
  const found: string[] = [];
  const { tagName, properties } = element;
  if (!ALLOWED_TAGS.has(tagName)) found.push(`element <${tagName}>`);
  const allowed = tagName === 'a' ? ['href', 'rel'] : [];
  for (const name of Object.keys(properties)) {
    if (!allowed.includes(name)) found.push(`attribute ${name} on <${tagName}>`);
    if (/^on/i.test(name)) found.push(`event handler ${name} on <${tagName}>`);
  }
  if (tagName !== 'a') return found;
  const { href, rel } = properties;
  if (typeof href !== 'string') {
    found.push('<a> without href');
  } else {
    const seen = browserHref(href);
    // Only absolute links with a host leave the site: `https:/zh/admin` is a path on this one.
    if (!/^(?:https?:\/\/[^/\\]|mailto:)/i.test(href.trim()) || !/^(?:https?:\/\/[^/\\]|mailto:)/i.test(seen)) found.push(`href ${href}`);
    if (/^(?:javascript|vbscript|data):/i.test(seen)) found.push(`script-capable href ${href}`);
  }
  if (JSON.stringify(rel) !== JSON.stringify(REL)) found.push(`rel ${JSON.stringify(rel)}`);
  return found;
}

const longestRun = (source: string, char: string): number =>
  Math.max(0, ...Array.from(source.matchAll(new RegExp(`\\${char}+`, 'g')), ([run]) => run.length));

/** A fenced block the payload cannot close: longer than any backtick run in it. */
const fenced = (payload: string): string => {
  const fence = '`'.repeat(Math.max(3, longestRun(payload, '`') + 1));
  return `${fence}\n${payload}\n${fence}`;
};

/** What CommonMark does to code text: line endings become \n, NUL becomes U+FFFD. */
const asCodeText = (payload: string): string => payload.replace(/\r\n?/g, '\n').replace(/\u0000/g, '\uFFFD');

const positions: ReadonlyArray<readonly [string, (payload: string) => string]> = [
  ['on its own', (payload) => payload],
  ['as link text', (payload) => `[${payload}](https://example.com/)`],
  ['as a link URL', (payload) => `[x](${payload})`],
  ['inside emphasis', (payload) => `**${payload}**`],
  ['inside a blockquote', (payload) => payload.split('\n').map((line) => `> ${line}`).join('\n')],
  ['inside a list item', (payload) => payload.split('\n').map((line, i) => (i === 0 ? '- ' : '  ') + line).join('\n')],
  ['inside a code block', fenced],
];

const label = (payload: string, index: number) => `#${index} ${JSON.stringify(payload).slice(0, 70)}`;
const cases = payloads.map((payload, index) => ({ name: label(payload, index), payload }));

describe('the XSS corpus', () => {
  test('has at least 120 distinct payloads', () => {
    expect(new Set(payloads).size).toBe(payloads.length);
    expect(payloads.length).toBeGreaterThanOrEqual(120);
  });

  for (const [position, place] of positions) {
    describe(position, () => {
      test.each(cases)('$name', ({ payload }) => {
        expect(violations(renderReaderMarkdown(place(payload)))).toEqual([]);
      });
    });
  }

  describe('stays code text inside code', () => {
    test.each(cases)('fenced block $name', ({ payload }) => {
      const tree = parseHtml(renderReaderMarkdown(fenced(payload)));
      expect(selectAll('*', tree).map((element) => element.tagName)).toEqual(['pre', 'code']);
      expect(toString(tree).replace(/\n$/, '')).toBe(asCodeText(payload));
    });

    const singleLine = cases.filter(({ payload }) => !/[\r\n]/.test(payload) && payload.trim() !== '');
    test.each(singleLine)('code span $name', ({ payload }) => {
      const ticks = '`'.repeat(longestRun(payload, '`') + 1);
      // The spaces keep a payload that starts or ends with a backtick off the fence; CommonMark
      // strips exactly one on each side.
      const tree = parseHtml(renderReaderMarkdown(`${ticks} ${payload} ${ticks}`));
      expect(selectAll('*', tree).map((element) => element.tagName)).toEqual(['p', 'code']);
      const [code] = selectAll('code', tree);
      expect(code && toString(code)).toBe(asCodeText(payload));
    });
  });
});

describe('ordinary comments', () => {
  test('emphasis, strong and inline code', () => {
    expect(renderReaderMarkdown('**bold** _em_ `code`')).toBe(
      '<p><strong>bold</strong> <em>em</em> <code>code</code></p>',
    );
  });

  test('a fenced code block keeps its text and loses its language class', () => {
    expect(renderReaderMarkdown('```js\nif (a < b && c) {}\n```')).toBe(
      '<pre><code>if (a &lt; b &amp;&amp; c) {}\n</code></pre>',
    );
  });

  test('a blockquote', () => {
    expect(renderReaderMarkdown('> 引用一句\n> second line')).toBe(
      '<blockquote>\n<p>引用一句\nsecond line</p>\n</blockquote>',
    );
  });

  test('nested lists, ordered and not, without a start number', () => {
    const html = renderReaderMarkdown('3. one\n4. two\n   - a\n   - b\n     1. deep');
    expect(html).toBe(
      '<ol>\n<li>one</li>\n<li>two\n<ul>\n<li>a</li>\n<li>b\n<ol>\n<li>deep</li>\n</ol>\n</li>\n</ul>\n</li>\n</ol>',
    );
    expect(violations(html)).toEqual([]);
  });

  test('a link gets rel="ugc nofollow noopener" and no target or title', () => {
    expect(renderReaderMarkdown('[link](https://example.com "a title")')).toBe(
      '<p><a href="https://example.com" rel="ugc nofollow noopener">link</a></p>',
    );
  });

  test('http, mailto and autolinks work', () => {
    expect(renderReaderMarkdown('[mail](mailto:someone@example.com)')).toBe(
      '<p><a href="mailto:someone@example.com" rel="ugc nofollow noopener">mail</a></p>',
    );
    expect(renderReaderMarkdown('<someone@example.com>')).toBe(
      '<p><a href="mailto:someone@example.com" rel="ugc nofollow noopener">someone@example.com</a></p>',
    );
    expect(renderReaderMarkdown('<http://example.com/a?b=1&c=2>')).toBe(
      '<p><a href="http://example.com/a?b=1&amp;c=2" rel="ugc nofollow noopener">http://example.com/a?b=1&amp;c=2</a></p>',
    );
  });

  test('a refused link keeps its text, unlinked', () => {
    expect(renderReaderMarkdown('see [this](javascript:alert(1)) and [that](/relative)')).toBe(
      '<p>see this and that</p>',
    );
  });

  test('links that only look absolute are refused: on an https site they are our own paths', () => {
    for (const href of ['https:/zh/admin', 'https:zh/admin', 'http:/api/comments', 'https:///zh/admin', 'https:\\\\evil.example', 'https:/\\evil.example', 'https://', 'mailto:']) {
      expect(renderReaderMarkdown(`[x](${href})`), href).toBe('<p>x</p>');
    }
    expect(renderReaderMarkdown('[x](https://e.example/zh/admin)')).toBe('<p><a href="https://e.example/zh/admin" rel="ugc nofollow noopener">x</a></p>');
  });

  test('bare URLs stay text (CommonMark, no autolink literals)', () => {
    expect(renderReaderMarkdown('https://example.com')).toBe('<p>https://example.com</p>');
  });

  test('raw HTML shows as literal text', () => {
    expect(renderReaderMarkdown('<b>hi</b>')).toBe('<p>&lt;b&gt;hi&lt;/b&gt;</p>');
    expect(renderReaderMarkdown('a <b>hi</b> c')).toBe('<p>a &lt;b&gt;hi&lt;/b&gt; c</p>');
    const block = renderReaderMarkdown('<div>\n<script>alert(1)</script>\n</div>');
    expect(block).toBe('<p>&lt;div&gt;<br>&lt;script&gt;alert(1)&lt;/script&gt;<br>&lt;/div&gt;</p>');
    expect(toString(parseHtml(block))).toBe('<div><script>alert(1)</script></div>');
  });

  test('Chinese text passes untouched', () => {
    expect(renderReaderMarkdown('中文评论，支持 **加粗**')).toBe('<p>中文评论，支持 <strong>加粗</strong></p>');
  });

  test('a heading renders as a plain paragraph', () => {
    expect(renderReaderMarkdown('# Title\n\n## Sub *title*\n\nbody')).toBe(
      '<p>Title</p>\n<p>Sub <em>title</em></p>\n<p>body</p>',
    );
  });

  test('setext underlines are not parsed as headings', () => {
    expect(renderReaderMarkdown('Title\n===')).toBe('<p>Title\n===</p>');
  });

  test('an image renders as its alt text, never an <img>', () => {
    expect(renderReaderMarkdown('![a cat](http://a.example/b.png)')).toBe('<p>a cat</p>');
    expect(renderReaderMarkdown('![](http://a.example/b.png)')).toBe('<p></p>');
    expect(renderReaderMarkdown('[![logo](https://a.example/l.png)](https://a.example/)')).toBe(
      '<p><a href="https://a.example/" rel="ugc nofollow noopener">logo</a></p>',
    );
  });

  test('hard line breaks, and thematic breaks vanish', () => {
    expect(renderReaderMarkdown('one  \ntwo\n\n---\n\nthree')).toBe('<p>one<br>\ntwo</p>\n<p>three</p>');
  });

  test('the empty comment renders to nothing', () => {
    expect(renderReaderMarkdown('')).toBe('');
    expect(renderReaderMarkdown('  \n\n ')).toBe('');
  });
});

describe('readerPlainText', () => {
  test('is the visible text, whitespace collapsed, raw HTML included as text', () => {
    expect(readerPlainText('# Hi\n\nsome **bold** <b>x</b>\n\n- a\n- b')).toBe('Hi some bold <b>x</b> a b');
  });

  test('drops what the HTML drops', () => {
    expect(readerPlainText('[click](javascript:alert(1)) ![cat](https://a.example/c.png) `x`')).toBe('click cat x');
  });
});

describe('inputs too costly to parse render as escaped plain text', () => {
  const cases: ReadonlyArray<readonly [string, string]> = [
    ['over the length limit', 'word <b> '.repeat(Math.ceil(MARKDOWN_PARSE_MAX_LENGTH / 9) + 1)],
    ['deeply nested quotes', '>'.repeat(20_000) + ' <script>x</script>'],
    ['deeply nested lists', '- '.repeat(3_000) + 'x'],
    ['a long emphasis run', '*'.repeat(2_000) + 'a' + '*'.repeat(2_000)],
    ['deeply nested emphasis', '*a '.repeat(800) + ' a*'.repeat(800)],
  ];
  test.each(cases)('%s', (_name, source) => {
    const started = performance.now();
    const html = renderReaderMarkdown(source);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(violations(html)).toEqual([]);
    expect(selectAll('*', parseHtml(html)).map((element) => element.tagName)).toEqual(['p']);
    expect(toString(parseHtml(html))).toBe(source);
  });

  test('inputs under the limits still parse, even at the limit', () => {
    const nested = '> '.repeat(7) + '- x';
    expect(renderReaderMarkdown(nested)).toContain('<li>x</li>');
    const source = 'word '.repeat(MARKDOWN_PARSE_MAX_LENGTH / 5 - 2) + '**b**';
    expect(source.length).toBeLessThanOrEqual(MARKDOWN_PARSE_MAX_LENGTH);
    expect(renderReaderMarkdown(source)).toContain('<strong>b</strong>');
    // Lengths are code points, like the comment and note schemas': 5,000 emoji are 10,000 UTF-16 units.
    const emoji = '😀'.repeat(MARKDOWN_PARSE_MAX_LENGTH - 5) + '**b**';
    expect(renderReaderMarkdown(emoji)).toContain('<strong>b</strong>');
  });
});

/** mulberry32: tiny, seeded, good enough to pick characters. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FUZZ_PIECES = [
  '<', '>', '[', ']', '(', ')', '"', "'", '&', ':', '\n', '\n\n', ' ', '\t', '*', '_', '`', '```', '!', '#', '-', '>',
  '1.', '\\', '/', '=', ';', '#x6A;', '&#106;', '&colon;', 'a', 'b', 'x', 'javascript', 'java\tscript', 'script',
  'onerror', 'href', 'img', 'svg', 'http://', 'https://a.example/', 'mailto:', 'data:', '中文', '，', '\u202e',
  '\u200b', '\u0000', '\ud800', '😀', 'ｊ', '：', '<!--', '-->', '<![CDATA[', ']]>', '{{', '}}', '${',
];

describe('fuzz', () => {
  test('never throws, is deterministic and stays inside the allowlist on 3000 seeded strings', () => {
    const random = prng(0xc0ffee);
    const pick = (n: number) => Math.floor(random() * n);
    for (let round = 0; round < 3_000; round++) {
      const parts: string[] = [];
      const length = pick(40);
      for (let i = 0; i < length; i++) {
        parts.push(random() < 0.8 ? (FUZZ_PIECES[pick(FUZZ_PIECES.length)] ?? '') : String.fromCharCode(pick(0x3000)));
      }
      const source = parts.join('');
      const html = renderReaderMarkdown(source);
      expect(renderReaderMarkdown(source), JSON.stringify(source)).toBe(html);
      expect(violations(html), JSON.stringify(source)).toEqual([]);
      expect(typeof readerPlainText(source)).toBe('string');
    }
  });
});
