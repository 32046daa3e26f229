/**
 * Gives every top-level block a `data-block` id and records the blocks on the file.
 *
 * An id is `<section>-<kind><n>`: the section is the slug of the nearest heading above (`top`
 * before the first one), the kind is the block's type, n counts that kind within the section.
 * A heading itself is `<slug>-h`. So an id does not change when the block's own text is edited
 * (a gloss can then be detected as stale rather than lost), nor when any other block is edited;
 * inserting a block shifts only later blocks of the same kind in the same section.
 */
import type { Root, Element } from 'hast';
import type { VFile } from 'vfile';
import { toString } from 'hast-util-to-string';
import type { BlockKind, PostBlock, PostHeading } from './types';

function kindOf(node: Element): BlockKind {
  const classes = Array.isArray(node.properties.className) ? node.properties.className.map(String) : [];
  if (/^h[1-6]$/.test(node.tagName)) return 'h';
  switch (node.tagName) {
    case 'p':
      return 'p';
    case 'blockquote':
      return 'q';
    case 'ul':
      return 'ul';
    case 'ol':
      return 'ol';
    case 'dl':
      return 'dl';
    case 'table':
      return 'table';
    case 'hr':
      return 'hr';
    case 'pre':
      return 'code';
    case 'figure':
      return classes.includes('highlight') ? 'code' : 'fig';
    case 'math':
      return 'math';
    default:
      if (classes.includes('highlighter-rouge')) return 'code';
      if (classes.includes('footnotes')) return 'fn';
      if (classes.includes('math-display') || classes.includes('katex-display')) return 'math';
      return 'html';
  }
}

export function blockText(node: Element): string {
  return toString(node).replace(/\s+/g, ' ').trim();
}

export type BlockData = { blocks: PostBlock[]; headings: PostHeading[] };

export function rehypeBlockIds() {
  return (tree: Root, file: VFile) => {
    const blocks: PostBlock[] = [];
    const headings: PostHeading[] = [];
    let section = 'top';
    let counts = new Map<BlockKind, number>();
    for (const node of tree.children) {
      if (node.type !== 'element') continue;
      const kind = kindOf(node);
      let id: string;
      if (kind === 'h') {
        section = String(node.properties.id ?? `s${headings.length + 1}`);
        counts = new Map();
        id = `${section}-h`;
        headings.push({ id: section, depth: Number(node.tagName.slice(1)), text: blockText(node) });
      } else {
        const n = (counts.get(kind) ?? 0) + 1;
        counts.set(kind, n);
        id = `${section}-${kind}${n}`;
      }
      node.properties.dataBlock = id;
      blocks.push({ id, kind, text: blockText(node) });
    }
    const data: BlockData = { blocks, headings };
    file.data.post = data;
  };
}

declare module 'vfile' {
  interface DataMap {
    post: BlockData;
  }
}
