/**
 * Small shape fixes so our HTML matches what kramdown publishes: table alignment as inline
 * `text-align` style (the `align` attribute is obsolete HTML), display math as a block
 * (`div.math-display`) rather than a top-level inline `span`, and a line break between the
 * terms and definitions of a definition list, as between list items.
 */
import type { Root, Element } from 'hast';
import { visit } from 'unist-util-visit';

function isDisplayMath(node: Element): boolean {
  return node.children.some((child) => child.type === 'element' && child.tagName === 'math' && child.properties.display === 'block');
}

function separateChildren(node: Element): void {
  const blocks = new Set(['dt', 'dd', 'p', 'ul', 'ol', 'dl', 'blockquote', 'div', 'pre', 'table', 'figure']);
  node.children = node.children.flatMap((child, index) =>
    index > 0 && child.type === 'element' && blocks.has(child.tagName) ? [{ type: 'text' as const, value: '\n' }, child] : [child],
  );
}

export function rehypeKramdownCompat() {
  return (tree: Root) => {
    visit(tree, 'element', (node, _index, parent) => {
      if ((node.tagName === 'td' || node.tagName === 'th') && typeof node.properties.align === 'string') {
        node.properties.style = `text-align: ${node.properties.align}`;
        delete node.properties.align;
      }
      if (node.tagName === 'dl' || node.tagName === 'dd') separateChildren(node);
      if (node.tagName === 'span' && parent?.type === 'root' && isDisplayMath(node)) {
        node.tagName = 'div';
        node.properties.className = ['math-display'];
      }
    });
  };
}
