/**
 * Renders reader-written markdown (comments, notes) to an HTML string that is safe to
 * inject into a page. CommonMark only, no raw HTML: whatever HTML a reader types is shown back to
 * them as literal text. The output can only contain this allowlist:
 *
 *   p, br, em, strong, code, pre, blockquote, ul, ol, li, and a[href][rel]
 *
 * where `href` is an absolute http:, https: or mailto: URL and `rel` is always "ugc nofollow
 * noopener" (no `target`). Deliberate choices:
 * - Headings render as plain paragraphs: a reader's text should not shout over, or appear in, the
 *   post's own outline.
 * - Images render as their alt text: we never make the reader's browser fetch a stranger's URL.
 * - Thematic breaks (`---`) are dropped, and setext underlines (`Title\n===`) stay text.
 * - Links whose URL is refused (relative, javascript:, data:, ...) keep their text, unlinked.
 * - Code block language classes, list `start` numbers and link titles are dropped: no attribute
 *   but `href` and `rel` ever reaches the page.
 *
 * Server-only in practice (it is pure and synchronous, but there is no need to ship it).
 */
import type { Element, ElementContent, Nodes as HastNodes, Root as HastRoot, RootContent } from 'hast';
import type { Heading, Html, Image, ImageReference } from 'mdast';
import { toString } from 'hast-util-to-string';
import rehypeSanitize, { type Options as SanitizeSchema } from 'rehype-sanitize';
import remarkParse from 'remark-parse';
import remarkRehype, { type Options as RemarkRehypeOptions } from 'remark-rehype';
import { unified } from 'unified';

const ALLOWED_TAGS = ['p', 'br', 'em', 'strong', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a'] as const;
const VOID_TAGS: ReadonlySet<string> = new Set(['br']);
const LINK_REL = ['ugc', 'nofollow', 'noopener'];

/** Parents whose children are blocks: raw HTML there needs a paragraph of its own. */
const FLOW_PARENTS: ReadonlySet<string> = new Set(['root', 'blockquote', 'listItem']);

/**
 * An absolute http(s) URL with a host (`https://` and at least one character that is not a slash
 * or backslash), or a mailto: address; printable ASCII only. Markdown percent-encodes link
 * destinations, so any whitespace, control or non-ASCII character left in an href means something
 * odd got through, and browsers strip such characters *inside* schemes (`java\tscript:`): refuse
 * rather than reason. Relative URLs are refused too, including those that only look absolute: on
 * an https site `https:/zh/admin` and `https:zh/admin` are paths on the site itself, and a
 * reader's text has no business linking into our own routes.
 */
const SAFE_HREF = /^(?:https?:\/\/[^/\\?#][\x21-\x7E]*|mailto:[\x21-\x7E]+)$/i;

function lineBreaks(value: string): ElementContent[] {
  const out: ElementContent[] = [];
  value.split(/\r\n?|\n/).forEach((line, index) => {
    if (index > 0) out.push({ type: 'element', tagName: 'br', properties: {}, children: [] });
    out.push({ type: 'text', value: line });
  });
  return out;
}

function altText(node: Image | ImageReference): ElementContent | undefined {
  return node.alt ? { type: 'text', value: node.alt } : undefined;
}

// Handlers rather than a tree rewrite: mdast-util-to-hast hands us the parent, which is what
// decides whether literal HTML sits in a sentence or stands as a block of its own.
const handlers: NonNullable<RemarkRehypeOptions['handlers']> = {
  html(_state, node: Html, parent) {
    if (parent && FLOW_PARENTS.has(parent.type)) {
      return { type: 'element', tagName: 'p', properties: {}, children: lineBreaks(node.value) };
    }
    return { type: 'text', value: node.value };
  },
  heading(state, node: Heading) {
    return { type: 'element', tagName: 'p', properties: {}, children: state.all(node) };
  },
  thematicBreak: () => undefined,
  image: (_state, node: Image) => altText(node),
  imageReference: (_state, node: ImageReference) => altText(node),
};

/**
 * Not the GitHub default: every top-level key is given, because hast-util-sanitize fills any
 * missing key from its (much wider) default schema.
 */
const readerTextSchema: SanitizeSchema = {
  tagNames: [...ALLOWED_TAGS],
  attributes: { a: [['href', SAFE_HREF]] },
  protocols: { href: ['http', 'https', 'mailto'] },
  ancestors: { li: ['ol', 'ul'] },
  required: {},
  clobber: [],
  clobberPrefix: '',
  // Unknown elements are unwrapped to their text; these would put code on screen instead.
  strip: ['script', 'style'],
  allowComments: false,
  allowDoctypes: false,
};

function safeHref(value: unknown): string | undefined {
  return typeof value === 'string' && SAFE_HREF.test(value) ? value : undefined;
}

/**
 * Gives kept links their `rel`, and unwraps links that lost their href (or sit inside another
 * link, which HTML parsers would split apart) so their text stays readable.
 */
function finishLinks(children: ElementContent[], insideLink: boolean): ElementContent[] {
  const out: ElementContent[] = [];
  for (const child of children) {
    if (child.type !== 'element') {
      out.push(child);
      continue;
    }
    const isLink = child.tagName === 'a';
    child.children = finishLinks(child.children, insideLink || isLink);
    if (!isLink) {
      out.push(child);
      continue;
    }
    const href = safeHref(child.properties.href);
    if (insideLink || href === undefined) {
      out.push(...child.children);
      continue;
    }
    child.properties = { href, rel: [...LINK_REL] };
    out.push(child);
  }
  return out;
}

const isElementContent = (node: RootContent): node is ElementContent => node.type !== 'doctype';

function rehypeUgcLinks() {
  return (tree: HastRoot) => {
    tree.children = finishLinks(tree.children.filter(isElementContent), false);
  };
}

// Setext headings would be flattened to paragraphs anyway, and micromark resolves their
// underlines in superlinear time (thousands of `a\n=` lines take seconds): don't parse them.
const noSetextHeadings = { disable: { null: ['setextUnderline'] } };

const processor = unified()
  .use(remarkParse)
  .data('micromarkExtensions', [noSetextHeadings])
  .use(remarkRehype, { handlers })
  .use(rehypeSanitize, readerTextSchema)
  .use(rehypeUgcLinks)
  .freeze();

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? '');
}

const ALLOWED_TAG_SET: ReadonlySet<string> = new Set(ALLOWED_TAGS);

/**
 * Our own serializer instead of rehype-stringify: it can only ever write the allowlist (anything
 * else is unwrapped, any attribute but href/rel is never written), so a future schema slip cannot
 * reach the page, and it escapes all five HTML specials in text (hast-util-to-html leaves `>` raw).
 */
function serialize(node: HastNodes): string {
  switch (node.type) {
    case 'root':
      return node.children.map(serialize).join('');
    case 'text':
      return escapeHtml(node.value);
    case 'element':
      return serializeElement(node);
    default:
      // Comments, doctypes, raw: never produced by the pipeline, never written.
      return '';
  }
}

function serializeElement(node: Element): string {
  const inner = node.children.map(serialize).join('');
  if (!ALLOWED_TAG_SET.has(node.tagName)) return inner;
  let attributes = '';
  if (node.tagName === 'a') {
    const href = safeHref(node.properties.href);
    if (href === undefined) return inner;
    attributes = ` href="${escapeHtml(href)}" rel="${LINK_REL.join(' ')}"`;
  }
  if (VOID_TAGS.has(node.tagName)) return `<${node.tagName}>`;
  return `<${node.tagName}${attributes}>${inner}</${node.tagName}>`;
}

/**
 * Longer sources (in code points, as comment and note lengths are counted) are shown as plain
 * text rather than parsed. Not a length policy, which belongs to whoever accepts the text, but a
 * ceiling on parse time: micromark has superlinear corners, and these limits keep the worst input
 * to 5,000 code points well under a second. Like the limits below, it is blind to markdown syntax.
 */
export const MARKDOWN_PARSE_MAX_LENGTH = 5_000;

/** No reader nests more than a handful of quotes/lists; thousands on one line cost seconds. */
const MAX_CONTAINER_MARKERS_PER_LINE = 8;
const CONTAINER_PREFIX = /^(?:[ \t]*(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))+/gm;
const CONTAINER_MARKER = />|[-+*]|\d{1,9}[.)]/g;

/**
 * Emphasis openers and closers are matched in quadratic time (800 nested `*a ` take a second).
 * Counted anywhere, code included: a reader's text needing more asterisks and underscores is rare.
 */
const MAX_EMPHASIS_DELIMITERS = 512;

function tooCostlyToParse(source: string): boolean {
  // A code point is at most two UTF-16 units: skip counting them in what is surely too long.
  if (source.length > 2 * MARKDOWN_PARSE_MAX_LENGTH) return true;
  if (Array.from(source).length > MARKDOWN_PARSE_MAX_LENGTH) return true;
  if ((source.match(/[*_]/g)?.length ?? 0) > MAX_EMPHASIS_DELIMITERS) return true;
  for (const [prefix] of source.matchAll(CONTAINER_PREFIX)) {
    if ((prefix.match(CONTAINER_MARKER)?.length ?? 0) > MAX_CONTAINER_MARKERS_PER_LINE) return true;
  }
  return false;
}

function renderTree(source: string): HastRoot {
  return processor.runSync(processor.parse(source));
}

function plainTextHtml(source: string): string {
  return `<p>${lineBreaks(source.replace(/\0/g, '\uFFFD')).map(serialize).join('')}</p>`;
}

const collapseWhitespace = (text: string): string => text.replace(/\s+/g, ' ').trim();

// Both exports catch everything: whatever else a stranger's input can do to the pipeline (exhaust
// the stack, say) must not take down the page it sits on. The fallback shows the source as text.

/** The text as safe HTML (see the module docblock for exactly what may appear). */
export function renderReaderMarkdown(source: string): string {
  try {
    if (!tooCostlyToParse(source)) return serialize(renderTree(source)).trim();
  } catch {
    // Fall through to plain text.
  }
  return plainTextHtml(source);
}

/**
 * What a notification or feed excerpt shows: the rendered text's visible text, whitespace
 * collapsed. This is text, not HTML: escape it (React does) before putting it in markup.
 */
export function readerPlainText(source: string): string {
  try {
    if (!tooCostlyToParse(source)) return collapseWhitespace(toString(renderTree(source)));
  } catch {
    // Fall through to the source itself.
  }
  return collapseWhitespace(source);
}
