/**
 * kramdown's definition lists. Parsing is micromark-extension-definition-list's (PHP Markdown
 * Extra syntax, which kramdown follows); this transform gives the nodes their HTML names and
 * applies kramdown's one rule of its own: a definition's first paragraph is bare text unless a
 * blank line comes before its `:` marker.
 */
import type { Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import type { DefListDescriptionNode } from 'mdast-util-definition-list';

const TAGS = { defList: 'dl', defListTerm: 'dt', defListDescription: 'dd' } as const;

function blankLineBefore(description: DefListDescriptionNode, lines: readonly string[]): boolean {
  const line = description.position?.start.line;
  return line !== undefined && line > 1 && (lines[line - 2] ?? '').trim() === '';
}

export function remarkKramdownDefinitionLists() {
  return (tree: Root, file: VFile) => {
    const lines = String(file.value).split(/\r?\n/);
    visit(tree, (node) => {
      if (node.type !== 'defList' && node.type !== 'defListTerm' && node.type !== 'defListDescription') return;
      node.data = { ...node.data, hName: TAGS[node.type] };
      if (node.type !== 'defListDescription' || blankLineBefore(node, lines)) return;
      const [first, ...rest] = node.children;
      // Phrasing content directly in the description is what kramdown's "transparent" paragraph renders.
      if (first?.type === 'paragraph') node.children = [...(first.children as unknown as RootContent[]), ...rest] as typeof node.children;
    });
  };
}
