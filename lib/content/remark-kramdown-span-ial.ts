/**
 * kramdown's span IALs: `[B](#){: .btn}`, `*em*{: .mark}`, `` `code`{:#id} ``. An IAL written
 * directly after a span element (no space between) gives it attributes; several may follow one
 * another, and the empty `{::}` only separates two spans. References to ALDs are resolved. After plain text it stays literal text,
 * as kramdown leaves it.
 */
import type { Nodes, PhrasingContent, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { parseAttributeList, resolveAttributes, toHastProperties, type AttributeList } from './kramdown-attribute-list';
import type { VFile } from 'vfile';
import type {} from './remark-kramdown-attributes';

const SPAN_IAL = /^\{:((?:\\\}|[^}])+)\}/;

function applyTo(node: PhrasingContent, text: string, definitions: ReadonlyMap<string, AttributeList>): void {
  const attributes = resolveAttributes(parseAttributeList(text), definitions);
  if (attributes.size === 0) return;
  node.data = { ...node.data, hProperties: { ...node.data?.hProperties, ...toHastProperties(attributes) } };
}

export function remarkKramdownSpanIal() {
  return (tree: Root, file: VFile) => {
    const definitions = file.data.kramdownAlds ?? new Map<string, AttributeList>();
    visit(tree, (parent: Nodes) => {
      if (!('children' in parent)) return;
      const children = parent.children as PhrasingContent[];
      for (let index = 1; index < children.length; index += 1) {
        const text = children[index];
        const target = children[index - 1];
        if (text?.type !== 'text' || !target || target.type === 'text') continue;
        let value = text.value;
        let match = SPAN_IAL.exec(value);
        if (!match) continue;
        while (match) {
          applyTo(target, match[1] ?? '', definitions);
          value = value.slice(match[0].length);
          match = SPAN_IAL.exec(value);
        }
        if (value === '') {
          children.splice(index, 1);
          index -= 1;
        } else {
          text.value = value;
        }
      }
    });
  };
}
