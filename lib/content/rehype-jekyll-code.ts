/**
 * Code markup as Jekyll publishes it: fenced blocks in
 * `div.language-x.highlighter-rouge > div.highlight > pre.highlight > code`, `{% highlight %}` blocks in
 * `figure.highlight > pre > code[data-lang]`, inline code with `language-plaintext highlighter-rouge`.
 * Runs twice: `markHighlightTags` before rehype-highlight, `wrapCodeLikeJekyll` after it.
 */
import type { Root, Element } from 'hast';
import { visit, SKIP } from 'unist-util-visit';
import { HIGHLIGHT_PREFIX } from './liquid';

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

function dropFinalNewline(node: Element): void {
  const last = node.children[node.children.length - 1];
  if (last?.type === 'element') dropFinalNewline(last);
  else if (last?.type === 'text') last.value = last.value.replace(/\n$/, '');
}

/** Turns the Liquid `highlight` tag's language prefix into a `data-lang` mark, before highlighting. */
export function rehypeMarkHighlightTags() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'code') return;
      const language = languageOf(node);
      if (!language?.startsWith(HIGHLIGHT_PREFIX)) return;
      const real = language.slice(HIGHLIGHT_PREFIX.length);
      node.properties.className = [`language-${real}`];
      node.properties.dataLang = real;
    });
  };
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
      let wrapper: Element;
      if (code.properties.dataLang !== undefined) {
        code.properties.className = language ? [`language-${language}`] : undefined;
        // Jekyll's highlight tag ends the code at its last character; markdown code ends in a newline.
        dropFinalNewline(code);
        wrapper = { type: 'element', tagName: 'figure', properties: { className: ['highlight'] }, children: [node] };
      } else {
        code.properties.className = undefined;
        node.properties.className = ['highlight'];
        const highlight: Element = { type: 'element', tagName: 'div', properties: { className: ['highlight'] }, children: [node] };
        const outer = language && language !== 'plaintext' ? [`language-${language}`, 'highlighter-rouge'] : ['highlighter-rouge'];
        wrapper = { type: 'element', tagName: 'div', properties: { className: outer }, children: [highlight] };
      }
      parent.children[index] = wrapper;
      return SKIP;
    });
  };
}
