/**
 * kramdown's math blocks written on one line: a paragraph that is nothing but `$$…$$` is display
 * math in kramdown (a math block starts and ends on block boundaries, its `$$` may share a line
 * with the TeX), where remark-math sees inline math. Multi-line `$$` blocks are remark-math's own.
 */
import type { Root } from 'mdast';
import type { Element } from 'hast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import type {} from 'mdast-util-math';

export function remarkKramdownMathBlocks() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    visit(tree, 'paragraph', (paragraph, index, parent) => {
      const [only, ...rest] = paragraph.children;
      if (only?.type !== 'inlineMath' || rest.length > 0 || !parent || index === undefined) return;
      const start = paragraph.position?.start.offset;
      const end = paragraph.position?.end.offset;
      if (start === undefined || end === undefined || !/^\$\$[\s\S]*\$\$$/.test(source.slice(start, end).trim())) return;
      const value = only.value.trim();
      // The hast shape remark-math gives its own display math, which rehype-katex renders.
      const code: Element = {
        type: 'element',
        tagName: 'code',
        properties: { className: ['language-math', 'math-display'] },
        children: [{ type: 'text', value }],
      };
      parent.children[index] = { type: 'math', value, position: paragraph.position, data: { hName: 'pre', hChildren: [code] } };
    });
  };
}
