/**
 * Link and image addresses as written, as kramdown prints them: `[回到开头](#为什么)` keeps its
 * CJK fragment (and `<my file.png>` its space), where CommonMark percent-encodes them. A browser
 * follows both alike, but the HTML differs, and so does what a reader copies.
 *
 * kramdown's link definitions take a title in quotes only: in `[x]: /url (Title)` the whole
 * `/url (Title)` is the address, as Jekyll publishes it.
 */
import type { Definition, Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';

const PARENTHESISED_TITLE = /^[ \t]*\[[^\]\n]+\]:[ \t]*([^\s<][^\n]*?\S)[ \t]*$/;

function kramdownDefinition(node: Definition, source: string): void {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined || node.title === null || node.title === undefined) return;
  const written = PARENTHESISED_TITLE.exec(source.slice(start, end));
  if (written?.[1]?.endsWith(`(${node.title})`)) {
    node.url = written[1];
    node.title = null;
  }
}

export function remarkKramdownLinkUrls() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    const definitions = new Map<string, Definition>();
    visit(tree, 'definition', (node) => {
      kramdownDefinition(node, source);
      // The first definition of a label wins, as in both parsers.
      if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
    });
    visit(tree, (node) => {
      if (node.type === 'link') node.data = { ...node.data, hProperties: { ...node.data?.hProperties, href: node.url } };
      if (node.type === 'image') node.data = { ...node.data, hProperties: { ...node.data?.hProperties, src: node.url } };
      if (node.type === 'linkReference' || node.type === 'imageReference') {
        const definition = definitions.get(node.identifier);
        if (!definition) return;
        const key = node.type === 'linkReference' ? 'href' : 'src';
        node.data = { ...node.data, hProperties: { ...node.data?.hProperties, [key]: definition.url } };
      }
    });
  };
}
