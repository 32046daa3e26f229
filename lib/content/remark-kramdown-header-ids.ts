/**
 * kramdown's explicit header ids: `## Title {#custom}` (and the same after a setext header's
 * text, or after an atx header's closing hashes) sets the id and is removed from the text.
 * Closing hashes before the id are stripped as kramdown strips them.
 */
import type { Heading, Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';

const HEADER_ID = /[\t ]\{#([A-Za-z][\w:-]*)\}$/;
const CLOSING_HASHES = /[\t ]#+$/;

function isAtx(heading: Heading, source: string): boolean {
  const offset = heading.position?.start.offset;
  return offset !== undefined && /^ {0,3}#/.test(source.slice(offset, offset + 4));
}

export function remarkKramdownHeaderIds() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    visit(tree, 'heading', (heading) => {
      const last = heading.children[heading.children.length - 1];
      if (last?.type !== 'text') return;
      const trimmed = last.value.replace(/\s+$/, '');
      const match = HEADER_ID.exec(trimmed);
      if (!match?.[1]) return;
      let text = trimmed.slice(0, match.index);
      if (isAtx(heading, source)) text = text.replace(CLOSING_HASHES, '');
      last.value = text.replace(/\s+$/, '');
      if (last.value === '') heading.children.pop();
      heading.data = { ...heading.data, hProperties: { ...heading.data?.hProperties, id: match[1] } };
    });
  };
}
