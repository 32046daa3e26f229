/**
 * Unwraps the paragraphs kramdown renders "transparent" (a list item's bare text): the remark
 * side marks them, since remark-rehype can only keep or drop paragraphs for a whole list and puts
 * line breaks between an item's children, which would split text from a following link.
 */
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

export const TRANSPARENT_MARKER = 'dataKramdownTransparent';

export function rehypeKramdownTransparent() {
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'p' || node.properties[TRANSPARENT_MARKER] === undefined || !parent || index === undefined) return undefined;
      parent.children.splice(index, 1, ...node.children);
      return index;
    });
  };
}
