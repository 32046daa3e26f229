/**
 * Small shape fixes so our HTML matches what kramdown publishes: table alignment as inline
 * `text-align` style (the `align` attribute is obsolete HTML), and display math as a block
 * (`div.math-display`) rather than a top-level inline `span`.
 */
import type { Root, Element } from 'hast';
import { visit } from 'unist-util-visit';

function isDisplayMath(node: Element): boolean {
  return node.children.some((child) => child.type === 'element' && child.tagName === 'math' && child.properties.display === 'block');
}

export function rehypeKramdownCompat() {
  return (tree: Root) => {
    visit(tree, 'element', (node, _index, parent) => {
      if ((node.tagName === 'td' || node.tagName === 'th') && typeof node.properties.align === 'string') {
        node.properties.style = `text-align: ${node.properties.align}`;
        delete node.properties.align;
      }
      if (node.tagName === 'span' && parent?.type === 'root' && isDisplayMath(node)) {
        node.tagName = 'div';
        node.properties.className = ['math-display'];
      }
    });
  };
}
