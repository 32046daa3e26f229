/**
 * kramdown's math, which it parses in every post (`mathjax: true` only decides whether a page
 * loads MathJax): `$$...$$` inside text is inline math; `$$...$$` that is a paragraph on its own
 * (blank lines around it, even on one line) is display math. remark-math reads `$$ x $$` alone
 * on a line as inline math in a paragraph, so such a paragraph becomes a display block here.
 */
import type { Element } from 'hast';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { SKIP, visit } from 'unist-util-visit';

export function remarkKramdownMathBlocks() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'paragraph', (node, index, parent) => {
      const [only, ...rest] = node.children;
      if (!parent || index === undefined || only?.type !== 'inlineMath' || rest.length > 0) return undefined;
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      const source = start === undefined || end === undefined ? '' : String(file.value).slice(start, end);
      if (!/^\$\$[\s\S]*\$\$$/.test(source.trim())) return undefined;
      const value = only.value.trim();
      // The same shape remark-math gives a display block, which rehype-katex and our math text read.
      const code: Element = {
        type: 'element',
        tagName: 'code',
        properties: { className: ['language-math', 'math-display'] },
        children: [{ type: 'text', value }],
      };
      parent.children[index] = { type: 'math', value, position: node.position, data: { hName: 'pre', hChildren: [code] } };
      return SKIP;
    });
  };
}
