/**
 * kramdown's autolinks: `<mailto:x@y.z>` shows `x@y.z` (the scheme is dropped from the text,
 * kept in the link), where CommonMark shows the whole `mailto:x@y.z`.
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';

export function remarkKramdownAutolinks() {
  return (tree: Root) => {
    visit(tree, 'link', (node) => {
      const [only] = node.children;
      if (node.children.length !== 1 || only?.type !== 'text') return;
      if (only.value === node.url && /^mailto:/i.test(only.value)) only.value = only.value.replace(/^mailto:/i, '');
    });
  };
}
