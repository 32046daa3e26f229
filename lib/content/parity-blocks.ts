/**
 * Turns rendered post HTML into comparable top-level blocks, for the Jekyll parity test.
 *
 * Our HTML and the HTML Jekyll published differ in a few ways that are ours by design; the
 * normalisation removes exactly those and nothing else:
 * - our `data-block` ids;
 * - syntax-highlight spans inside highlighted code (rouge and highlight.js split the same code
 *   text into different spans); the code text itself is kept, whitespace included;
 * - math: we render MathML carrying the TeX, kramdown prints `\(tex\)` / `\[tex\]` for MathJax;
 *   both become that text;
 * - whitespace: runs of ASCII whitespace outside `<pre>` count as one space, and whitespace at
 *   the edges of block elements (where browsers do not render it) is dropped;
 * - attribute spelling: the order of classes, the spacing in `style`, `disabled` vs
 *   `disabled="disabled"` (the HTML parser already reads both alike).
 * Everything else (tag names, every other attribute, every character of text) is compared.
 */
import type { Element, ElementContent, Properties, Root, RootContent, Text } from 'hast';
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import { toString } from 'hast-util-to-string';

export type ParityOptions = {
  /** React cannot render HTML comments, so the page path is compared without them. */
  keepComments: boolean;
};

export type ParityBlock = {
  /** A short label for test names: tag, id and the start of the text. */
  summary: string;
  /** The block's normalised tree, one node per line, for comparing and printing. */
  tree: string;
};

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'div', 'dl', 'dt',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li',
  'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead',
  'tr', 'ul', 'display-math',
]);
const HIGHLIGHT_CONTAINERS = new Set(['highlight', 'highlighter-rouge', 'rouge-table']);
const ASCII_SPACE = /[ \t\n\r\f]+/g;


function classes(node: Element): string[] {
  const value = node.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}

function isBlock(node: ElementContent | undefined): boolean {
  return node?.type === 'element' && BLOCK_TAGS.has(node.tagName);
}

/** MathML (ours) back to the TeX text kramdown prints for MathJax. */
function mathAsTex(parent: Element): void {
  parent.children = parent.children.map((child) => {
    if (child.type !== 'element') return child;
    const names = classes(child);
    const display = names.includes('math-display') || names.includes('katex-display');
    if (display || names.includes('katex')) {
      const annotation = findElement(child, (node) => node.tagName === 'annotation');
      const tex = annotation ? toString(annotation) : toString(child);
      return { type: 'text', value: display ? `\\[${tex}\\]` : `\\(${tex}\\)` } satisfies Text;
    }
    mathAsTex(child);
    return child;
  });
}

function findElement(node: Element, test: (node: Element) => boolean): Element | null {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (test(child)) return child;
    const found = findElement(child, test);
    if (found) return found;
  }
  return null;
}

/** Replaces every span below `node` by its children: highlighting, not content. */
function unwrapSpans(node: Element): void {
  node.children = node.children.flatMap((child) => {
    if (child.type !== 'element') return [child];
    unwrapSpans(child);
    return child.tagName === 'span' ? child.children : [child];
  });
}

function unwrapHighlighting(node: Element, inHighlight: boolean): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    const highlight = inHighlight || classes(child).some((name) => HIGHLIGHT_CONTAINERS.has(name));
    if (highlight && child.tagName === 'pre') unwrapSpans(child);
    else unwrapHighlighting(child, highlight);
  }
}

function mergeText(node: Element): void {
  const merged: ElementContent[] = [];
  for (const child of node.children) {
    const last = merged[merged.length - 1];
    if (child.type === 'text' && last?.type === 'text') last.value += child.value;
    else merged.push(child);
    if (child.type === 'element') mergeText(child);
  }
  node.children = merged;
}

function dropComments(node: Element): void {
  node.children = node.children.filter((child) => child.type !== 'comment');
  for (const child of node.children) if (child.type === 'element') dropComments(child);
}

/** Collapses whitespace outside `<pre>` and trims it where a block starts or ends. */
function normaliseWhitespace(node: Element): void {
  if (node.tagName === 'pre') return;
  const blockParent = isBlock(node);
  const kept = node.children;
  node.children = kept.flatMap((child, index): ElementContent[] => {
    if (child.type === 'element') {
      normaliseWhitespace(child);
      return [child];
    }
    if (child.type !== 'text') return [child];
    let value = child.value.replace(ASCII_SPACE, ' ');
    const previous = kept[index - 1];
    const next = kept[index + 1];
    // A comment between blocks stands for a block; inside a paragraph the spaces around it count.
    const betweenBlocks = node.tagName === 'body';
    if ((blockParent && index === 0) || isBlock(previous) || (betweenBlocks && previous?.type === 'comment')) value = value.replace(/^ /, '');
    if ((blockParent && index === kept.length - 1) || isBlock(next) || (betweenBlocks && next?.type === 'comment')) {
      value = value.replace(/ $/, '');
    }
    return value === '' ? [] : [{ ...child, value }];
  });
}

function attributeName(property: string): string {
  if (property === 'className') return 'class';
  if (property === 'htmlFor') return 'for';
  if (/^(data|aria)[A-Z]/.test(property)) return property.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
  return property.toLowerCase();
}

function attributeValue(name: string, value: Properties[string]): string | null {
  if (value === false || value === null || value === undefined) return null;
  if (value === true) return '';
  if (Array.isArray(value)) return (name === 'class' ? [...value].map(String).sort() : value.map(String)).join(' ');
  if (name === 'style') {
    return String(value)
      .split(';')
      .map((declaration) => declaration.trim().replace(/\s*:\s*/, ': '))
      .filter(Boolean)
      .join('; ');
  }
  return String(value);
}

function attributes(node: Element): string {
  return Object.entries(node.properties)
    .filter(([property]) => property !== 'dataBlock')
    .map(([property, value]) => [attributeName(property), attributeValue(attributeName(property), value)] as const)
    .filter((entry): entry is readonly [string, string] => entry[1] !== null)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => (value === '' ? ` ${name}` : ` ${name}=${JSON.stringify(value)}`))
    .join('');
}

/** Text in quotes, with invisible characters (no-break space, zero-width joiner) spelled out. */
function quote(text: string): string {
  return JSON.stringify(text).replace(/[\p{Zs}\p{Cf}]/gu, (char) =>
    char === ' ' ? char : `\\u${char.codePointAt(0)?.toString(16).padStart(4, '0') ?? ''}`,
  );
}

function printNode(node: ElementContent, depth: number): string[] {
  const indent = '  '.repeat(depth);
  if (node.type === 'text') return [`${indent}${quote(node.value)}`];
  if (node.type === 'comment') return [`${indent}<!--${node.value}-->`];
  if (node.type !== 'element') return [`${indent}(${node.type})`];
  return [`${indent}<${node.tagName}${attributes(node)}>`, ...node.children.flatMap((child) => printNode(child, depth + 1))];
}

function summarise(node: ElementContent): string {
  const text = node.type === 'element' ? toString(node) : node.type === 'text' || node.type === 'comment' ? node.value : '';
  const words = text.replace(/\s+/g, ' ').trim();
  const head = words.length > 24 ? `${words.slice(0, 24)}…` : words;
  if (node.type !== 'element') return `${node.type} “${head}”`;
  const id = typeof node.properties.id === 'string' ? `#${node.properties.id}` : '';
  return `<${node.tagName}${id}> “${head}”`;
}

const isContent = (node: RootContent): node is ElementContent =>
  node.type === 'element' || node.type === 'text' || node.type === 'comment';

/** The fragment's top-level nodes under one block-level parent, so every step sees elements only. */
function asBody(tree: Root): Element {
  return { type: 'element', tagName: 'body', properties: {}, children: tree.children.filter(isContent) };
}

export function parityBlocks(html: string, options: ParityOptions): ParityBlock[] {
  const body = asBody(unified().use(rehypeParse, { fragment: true }).parse(html));
  mathAsTex(body);
  unwrapHighlighting(body, false);
  if (!options.keepComments) dropComments(body);
  mergeText(body);
  normaliseWhitespace(body);
  return body.children.map((node) => ({ summary: summarise(node), tree: printNode(node, 0).join('\n') }));
}
