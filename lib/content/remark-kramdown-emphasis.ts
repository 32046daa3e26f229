/**
 * `***text***` as kramdown nests it: `<strong><em>text</em></strong>` (kramdown opens the
 * longer `**` first); CommonMark gives `<em><strong>`. Only that exact shape is turned around:
 * an emphasis whose one child is a strong starting and ending one character inside it, written
 * with one delimiter character (`_**x**_` is `<em><strong>` in kramdown too).
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';

export function remarkKramdownEmphasis() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    visit(tree, 'emphasis', (node, index, parent) => {
      const [inner] = node.children;
      if (node.children.length !== 1 || inner?.type !== 'strong' || !parent || index === undefined) return;
      const outer = node.position;
      const nested = inner.position;
      const start = outer?.start.offset;
      const end = outer?.end.offset;
      if (start === undefined || end === undefined || nested?.start.offset !== start + 1 || nested.end.offset !== end - 1) return;
      if (source[start] !== source[start + 1]) return;
      parent.children[index] = { type: 'strong', position: outer, children: [{ type: 'emphasis', position: nested, children: inner.children }] };
    });
  };
}
