/**
 * Code markup as Jekyll publishes it:
 * - fenced blocks in a language rouge knows (or none, which is `plaintext`):
 *   `div.language-x.highlighter-rouge > div.highlight > pre.highlight > code`; in a language rouge
 *   does not know, a bare `pre > code.language-x`, as kramdown leaves it;
 * - `{% highlight x %}` blocks: `figure.highlight > pre > code.language-x[data-lang]`, and with
 *   `linenos` rouge's table inside the code: `table.rouge-table` with a `td.gutter` of line
 *   numbers and a `td.code` of code;
 * - inline code: `code.language-plaintext.highlighter-rouge`.
 * Runs twice: `markHighlightTags` before rehype-highlight, `wrapCodeLikeJekyll` after it.
 */
import type { Root, Element, ElementContent } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit, SKIP } from 'unist-util-visit';
import { HIGHLIGHT_PREFIX, LINENOS_MARK } from './liquid';
import { ROUGE_LANGUAGES } from './rouge-languages';
import { CODE_WRAPPER_CLASS } from './remark-kramdown-attributes';
import { find, html } from 'property-information';

const CODE_WRAPPER_KEY = find(html, CODE_WRAPPER_CLASS).property;

function classList(node: Element): string[] {
  const value = node.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}

function languageOf(code: Element): string | null {
  const name = classList(code).find((name) => name.startsWith('language-'));
  return name ? name.slice('language-'.length) : null;
}

function isMath(code: Element): boolean {
  const names = classList(code);
  return names.includes('math-inline') || names.includes('math-display') || names.includes('language-math');
}

const element = (tagName: string, className: string[] | undefined, children: ElementContent[]): Element => ({
  type: 'element',
  tagName,
  properties: className ? { className } : {},
  children,
});

/** Turns the Liquid `highlight` tag's language prefix into `data-lang` marks, before highlighting. */
export function rehypeMarkHighlightTags() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'code') return;
      const language = languageOf(node);
      if (!language?.startsWith(HIGHLIGHT_PREFIX)) return;
      let real = language.slice(HIGHLIGHT_PREFIX.length);
      if (real.startsWith(LINENOS_MARK)) {
        real = real.slice(LINENOS_MARK.length);
        node.properties.dataLinenos = '';
      }
      node.properties.className = [`language-${real}`];
      node.properties.dataLang = real;
    });
  };
}

function dropFinalNewline(node: Element): void {
  const last = node.children[node.children.length - 1];
  if (last?.type === 'element') dropFinalNewline(last);
  else if (last?.type === 'text') last.value = last.value.replace(/\n$/, '');
}

/** rouge's HTMLTable formatter: one row, line numbers in the gutter, the code beside them. */
function lineNumberTable(code: Element): Element {
  const lines = toString(code).split('\n').length;
  const numbers = Array.from({ length: lines }, (_, index) => `${index + 1}\n`).join('');
  const gutter = element('td', ['gutter', 'gl'], [element('pre', ['lineno'], [{ type: 'text', value: numbers }])]);
  const body = element('td', ['code'], [element('pre', undefined, [...code.children, { type: 'text', value: '\n' }])]);
  return element('table', ['rouge-table'], [element('tbody', undefined, [element('tr', undefined, [gutter, body])])]);
}

function highlightTagBlock(pre: Element, code: Element, language: string | null): Element {
  const dataLang = String(code.properties.dataLang);
  const linenos = code.properties.dataLinenos !== undefined;
  // Jekyll's class spells `+` as `-` (`c++` is `language-c--`); `data-lang` keeps the name.
  code.properties = { className: language ? [`language-${language.replace(/\+/g, '-')}`] : undefined, dataLang };
  dropFinalNewline(code);
  if (linenos) code.children = [lineNumberTable(code)];
  return element('figure', ['highlight'], [pre]);
}

function fencedBlock(pre: Element, code: Element, language: string | null): Element {
  const name = language ?? 'plaintext';
  // Attributes from a block IAL sit on `code`; Jekyll puts them on the outer wrapper.
  const { className: _languageClass, [CODE_WRAPPER_KEY]: ialClasses, ...ialProperties } = code.properties;
  const extra = typeof ialClasses === 'string' ? ialClasses.split(' ') : [];
  if (!ROUGE_LANGUAGES.has(name)) {
    code.properties = { className: [`language-${name}`] };
    code.children = [{ type: 'text', value: toString(code) }];
    pre.properties = { ...pre.properties, ...ialProperties, ...(extra.length > 0 ? { className: extra } : {}) };
    return pre;
  }
  code.properties = {};
  pre.properties.className = ['highlight'];
  const wrapper = element('div', [`language-${name}`, ...extra, 'highlighter-rouge'], [element('div', ['highlight'], [pre])]);
  wrapper.properties = { ...ialProperties, ...wrapper.properties };
  return wrapper;
}

export function rehypeJekyllCode() {
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName === 'code') {
        if (!isMath(node)) node.properties.className = ['language-plaintext', 'highlighter-rouge'];
        return SKIP;
      }
      if (node.tagName !== 'pre' || !parent || index === undefined) return undefined;
      const code = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'code');
      if (!code || isMath(code)) return SKIP;
      const language = languageOf(code);
      parent.children[index] =
        code.properties.dataLang !== undefined ? highlightTagBlock(node, code, language) : fencedBlock(node, code, language);
      return SKIP;
    });
  };
}
