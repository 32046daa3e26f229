/**
 * A rehype layer of the reading page: every image of the post decodes off the main thread, so a
 * large figure never holds up the text. An author's own `decoding` is kept.
 */
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

export function rehypeAsyncImages() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (node.tagName === 'img' && node.properties.decoding === undefined) node.properties.decoding = 'async';
    });
  };
}
