/**
 * kramdown's `{::options … /}` extension, for the options that change a post's HTML after
 * parsing: `auto_ids` (header ids) and `toc_levels` (which headers the `{:toc}` list shows).
 * kramdown applies them once the whole post is parsed, so the last value in the post wins. The
 * result goes on `file.data.kramdownOptions` for the header-id and table-of-contents plugins.
 * Options that change parsing itself (`parse_block_html`, …) are not supported and have no effect.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { EXTENSION_LINE } from './micromark-kramdown-block-lines';
import { parseAttributeList } from './kramdown-attribute-list';

export type KramdownOptions = { autoIds?: boolean; tocLevels?: number[] };

declare module 'vfile' {
  interface DataMap {
    kramdownOptions: KramdownOptions;
  }
}

/** kramdown accepts `2..3`, `2,3` or `2 3`. */
export function parseTocLevels(value: string): number[] | undefined {
  const range = /^\s*([1-6])\s*\.\.\s*([1-6])\s*$/.exec(value);
  const levels = range
    ? Array.from({ length: Number(range[2]) - Number(range[1]) + 1 }, (_, index) => Number(range[1]) + index)
    : value.split(/[\s,]+/).filter(Boolean).map(Number);
  return levels.length > 0 && levels.every((level) => Number.isInteger(level) && level >= 1 && level <= 6) ? levels : undefined;
}

export function remarkKramdownOptions() {
  return (tree: Root, file: VFile) => {
    const options: KramdownOptions = {};
    visit(tree, 'kramdownBlockLine', (node) => {
      const match = EXTENSION_LINE.exec(node.value);
      if (match?.[1] !== 'options') return;
      const { attributes } = parseAttributeList(match[2] ?? '');
      const autoIds = attributes.get('auto_ids');
      if (autoIds !== undefined) options.autoIds = autoIds === 'true';
      const tocLevels = attributes.get('toc_levels');
      if (tocLevels !== undefined) options.tocLevels = parseTocLevels(tocLevels) ?? options.tocLevels;
    });
    file.data.kramdownOptions = options;
  };
}
