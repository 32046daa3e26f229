/**
 * Lays out `kramdownTable` nodes as kramdown writes tables: thead (cells as th), one or more
 * tbody parts, tfoot, rows padded to the widest row, alignment as inline `text-align` style.
 * Cell text is parsed as inline markdown with the post's own parser, so every span extension
 * applies inside cells too.
 */
import type { PhrasingContent, Root, RootContent } from 'mdast';
import type { Processor } from 'unified';
import { visit } from 'unist-util-visit';
import { layoutTable, type Alignment } from './kramdown-table-lines';

/**
 * A character no block construct starts with and that counts as punctuation for emphasis, put
 * before the cell so `- x` or `# x` stay text and `_x_` still opens emphasis; removed after.
 */
const GUARD = '\u00a7';

function stripPositions<T extends { position?: unknown; children?: unknown }>(node: T): T {
  delete node.position;
  if (Array.isArray(node.children)) for (const child of node.children as T[]) stripPositions(child);
  return node;
}

function parseCell(processor: Processor, text: string): PhrasingContent[] {
  const tree = processor.parse(`${GUARD}${text}`) as Root;
  const paragraph = tree.children[0];
  if (tree.children.length !== 1 || paragraph?.type !== 'paragraph') return [{ type: 'text', value: text }];
  const [first, ...rest] = paragraph.children;
  if (first?.type !== 'text' || !first.value.startsWith(GUARD)) return [{ type: 'text', value: text }];
  first.value = first.value.slice(GUARD.length);
  return (first.value === '' ? rest : [first, ...rest]).map(stripPositions);
}

function element(name: string, children: RootContent[], properties: Record<string, string> = {}): RootContent {
  // A paragraph renamed through hName is the one mdast node that takes phrasing or any children
  // to remark-rehype unchanged; kramdown's table parts have no mdast counterpart.
  return { type: 'paragraph', children: children as PhrasingContent[], data: { hName: name, hProperties: properties } };
}

function cell(processor: Processor, text: string | undefined, header: boolean, alignment: Alignment): RootContent {
  const children = text === undefined ? [] : parseCell(processor, text);
  return element(header ? 'th' : 'td', children, alignment ? { style: `text-align: ${alignment}` } : {});
}

export function remarkKramdownTables(processor: Processor) {
  return (tree: Root) => {
    visit(tree, 'kramdownTable', (node, index, parent) => {
      if (!parent || index === undefined) return;
      const layout = layoutTable(node.value.split(/\r?\n/));
      if (!layout) {
        parent.children[index] = { type: 'paragraph', children: [{ type: 'text', value: node.value }], position: node.position };
        return;
      }
      const sections = layout.sections.map(({ kind, rows }) =>
        element(
          kind,
          rows.map((row) =>
            element(
              'tr',
              layout.alignments.map((alignment, column) => cell(processor, row[column], kind === 'thead', alignment)),
            ),
          ),
        ),
      );
      const table = element('table', sections);
      table.position = node.position;
      parent.children[index] = table;
    });
  };
}
