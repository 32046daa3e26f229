/**
 * The GFM dialect kramdown's GFM parser understands, as a remark plugin: footnotes and
 * strikethrough (tables are kramdown's own, see `remark-kramdown-blocks`), but NOT autolink literals (kramdown leaves a bare `https://...` as text; GFM
 * would link it and swallow a trailing `。`). remark-gfm cannot switch that one extension off.
 */
import type { Processor } from 'unified';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';

export function remarkKramdownGfm(this: Processor) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmFootnote(), gfmStrikethrough());
  (data.fromMarkdownExtensions ??= []).push(gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown());
}
