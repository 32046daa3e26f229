/**
 * kramdown's IALs at the start of a list item, a definition term or a definition:
 * `* {:.cls} text`, `{:#term} Term`, `: {:.cls} definition`. The IAL is removed from the text
 * and its attributes (ALD references resolved) go on the `li`, `dt` or `dd`.
 */
import type { Nodes, Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { parseAttributeList, resolveAttributes, toHastProperties, type AttributeList } from './kramdown-attribute-list';
import { addHProperties } from './remark-kramdown-attributes';

const ITEM_IAL = /^\s*\{:(?!(?:\w[\w-]*)?:|\/)((?:\\\}|[^}])+)\}\s*/;

/** The first text of an item: in its first paragraph (li, dd) or its own first child (dt). */
function leadingText(node: Nodes): { type: 'text'; value: string } | null {
  const first = 'children' in node ? node.children[0] : undefined;
  if (first?.type === 'text') return first;
  if (first?.type === 'paragraph' && first.children[0]?.type === 'text') return first.children[0];
  return null;
}

export function remarkKramdownItemIal() {
  return (tree: Root, file: VFile) => {
    const definitions = file.data.kramdownAlds ?? new Map<string, AttributeList>();
    visit(tree, (node) => {
      if (node.type !== 'listItem' && node.type !== 'defListTerm' && node.type !== 'defListDescription') return;
      const text = leadingText(node);
      const match = text ? ITEM_IAL.exec(text.value) : null;
      if (!text || !match) return;
      text.value = text.value.slice(match[0].length);
      addHProperties(node, toHastProperties(resolveAttributes(parseAttributeList(match[1] ?? ''), definitions)));
    });
  };
}
