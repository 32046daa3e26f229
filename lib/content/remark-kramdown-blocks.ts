/**
 * kramdown's block-level syntax beyond GFM, as one remark plugin: registers the micromark
 * constructs (marker lines, extension bodies, definition lists, tables, HTML blocks) and runs the
 * tree transforms in dependency order: tables first (their cells then get every later transform),
 * extensions and options, explicit ids, attribute lists (which collect the ALDs the span and item
 * IALs use), then the constructs that read attributes: definition lists, abbreviations, lists.
 */
import type { Root } from 'mdast';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { kramdownBlockLines, kramdownBlockLinesFromMarkdown } from './micromark-kramdown-block-lines';
import { kramdownExtensionBlock, kramdownExtensionBlockFromMarkdown } from './micromark-kramdown-extension-block';
import { defList } from 'micromark-extension-definition-list';
import { defListFromMarkdown } from 'mdast-util-definition-list';
import { remarkKramdownExtensions } from './remark-kramdown-extensions';
import { remarkKramdownOptions } from './remark-kramdown-options';
import { remarkKramdownDefinitionLists } from './remark-kramdown-definition-lists';
import { remarkKramdownAbbreviations } from './remark-kramdown-abbreviations';
import { remarkKramdownLists } from './remark-kramdown-lists';
import { kramdownTable, kramdownTableFromMarkdown } from './micromark-kramdown-table';
import { remarkKramdownTables } from './remark-kramdown-tables';
import { kramdownHtmlBlock, kramdownHtmlBlockFromMarkdown } from './micromark-kramdown-html-block';
import { remarkKramdownHeaderIds } from './remark-kramdown-header-ids';
import { remarkKramdownAttributes } from './remark-kramdown-attributes';
import { remarkKramdownSpanIal } from './remark-kramdown-span-ial';
import { remarkKramdownItemIal } from './remark-kramdown-item-ial';

type Transform = (tree: Root, file: VFile) => void;

export function remarkKramdownBlocks(this: Processor) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(
    kramdownExtensionBlock(),
    kramdownBlockLines(),
    defList,
    kramdownTable(),
    kramdownHtmlBlock(),
  );
  (data.fromMarkdownExtensions ??= []).push(
    kramdownExtensionBlockFromMarkdown(),
    kramdownBlockLinesFromMarkdown(),
    defListFromMarkdown,
    kramdownTableFromMarkdown(),
    kramdownHtmlBlockFromMarkdown(),
  );
  const transforms: Transform[] = [
    remarkKramdownTables(this),
    remarkKramdownExtensions(),
    remarkKramdownOptions(),
    remarkKramdownHeaderIds(),
    remarkKramdownAttributes(),
    remarkKramdownSpanIal(),
    remarkKramdownItemIal(),
    remarkKramdownDefinitionLists(),
    remarkKramdownAbbreviations(),
    remarkKramdownLists(),
  ];
  return (tree: Root, file: VFile) => {
    for (const transform of transforms) transform(tree, file);
  };
}
