/**
 * Math in a post without `mathjax: true`, as kramdown prints it for MathJax to find later:
 * `\(tex\)` inline and `\[tex\]` on its own as a block, as plain text. (Posts with
 * `mathjax: true` are rendered to MathML by rehype-katex instead.)
 */
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';

function hasClass(node: Element, name: string): boolean {
  const value = node.properties.className;
  return Array.isArray(value) && value.includes(name);
}

export function rehypeKramdownMathText() {
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      if (!parent || index === undefined) return undefined;
      const code = node.tagName === 'pre' ? node.children.find((child): child is Element => child.type === 'element') : node;
      if (code?.tagName !== 'code') return undefined;
      if (hasClass(code, 'math-display')) {
        parent.children[index] = { type: 'text', value: `\\[${toString(code).trim()}\\]` };
        return SKIP;
      }
      if (node === code && hasClass(code, 'math-inline')) {
        parent.children[index] = { type: 'text', value: `\\(${toString(code).trim()}\\)` };
        return SKIP;
      }
      return undefined;
    });
  };
}
