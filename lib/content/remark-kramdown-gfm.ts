/**
 * The GFM dialect kramdown's GFM parser understands, as a remark plugin: footnotes and
 * strikethrough (tables are kramdown's own, see `remark-kramdown-blocks`), but NOT autolink
 * literals (kramdown leaves a bare `https://...` as text; GFM would link it and swallow a trailing
 * `。`). remark-gfm cannot switch that one extension off.
 *
 * kramdown has no flanking rules: `（括号），**加粗……**后面` is bold there, while CommonMark
 * refuses a closing `**` between punctuation and a letter. The CJK-friendly extensions relax those
 * rules next to CJK characters, for `**`/`*` and for `~~` (which kramdown only knows doubled).
 */
import type { Processor } from 'unified';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { cjkFriendlyExtension } from 'micromark-extension-cjk-friendly';
import { gfmStrikethroughCjkFriendly } from 'micromark-extension-cjk-friendly-gfm-strikethrough';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';

export function remarkKramdownGfm(this: Processor) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(
    gfmFootnote(),
    gfmStrikethroughCjkFriendly({ singleTilde: false }),
    cjkFriendlyExtension(),
  );
  (data.fromMarkdownExtensions ??= []).push(gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown());
}
