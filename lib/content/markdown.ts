/**
 * The markdown pipeline, defined once: unified from markdown to HTML, for the post page (with the
 * page's layers after these plugins), the feed, the Jekyll baseline tests and the block list.
 */
import type { PluggableList } from 'unified';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { remarkKramdownGfm } from './remark-kramdown-gfm';
import { remarkKramdownBlocks } from './remark-kramdown-blocks';
import remarkMath from 'remark-math';
import remarkRehype from 'remark-rehype';
import rehypeRaw from 'rehype-raw';
import rehypeKatex from 'rehype-katex';
import rehypeHighlight from 'rehype-highlight';
import rehypeStringify from 'rehype-stringify';
import { rehypeKramdownFootnotes, remarkFootnoteLabels } from './rehype-kramdown-footnotes';
import { rehypeJekyllCode, rehypeMarkHighlightTags } from './rehype-jekyll-code';
import { remarkKramdownTypography } from './remark-kramdown-typography';
import { remarkKramdownHeadingIds } from './remark-kramdown-heading-ids';
import { remarkKramdownMathBlocks } from './remark-kramdown-math';
import { remarkKramdownCodeSpans } from './remark-kramdown-code-spans';
import { remarkKramdownAutolinks } from './remark-kramdown-autolinks';
import { remarkKramdownLinkUrls } from './remark-kramdown-link-urls';
import { remarkKramdownTaskLists } from './remark-kramdown-task-lists';
import { remarkKramdownGuillemets } from './remark-kramdown-guillemets';
import { remarkKramdownEmphasis } from './remark-kramdown-emphasis';
import { rehypeKramdownMathText } from './rehype-kramdown-math-text';
import { rehypeBlockIds, type BlockData } from './rehype-block-ids';
import { rehypeKramdownCompat } from './rehype-kramdown-compat';
import { rehypeKramdownToc } from './rehype-kramdown-toc';
import { rehypeKramdownTransparent } from './rehype-kramdown-transparent';

export type MarkdownOptions = { mathjax: boolean };

export function remarkPlugins(_options: MarkdownOptions): PluggableList {
  return [
    remarkKramdownGfm,
    remarkFootnoteLabels,
    // kramdown's math syntax is `$$...$$` both inline and as a block; a lone `$` is just a dollar.
    [remarkMath, { singleDollarTextMath: false }],
    // kramdown's block syntax first: the span-level plugins below then see table cells, and
    // typography never touches the quotes of an attribute list.
    remarkKramdownBlocks,
    remarkKramdownMathBlocks,
    remarkKramdownCodeSpans,
    remarkKramdownEmphasis,
    remarkKramdownAutolinks,
    remarkKramdownLinkUrls,
    remarkKramdownTaskLists,
    remarkKramdownGuillemets,
    remarkKramdownTypography,
    // After typography: kramdown makes ids from the text with its symbols already converted.
    remarkKramdownHeadingIds,
  ];
}

/** Rehype plugins after raw HTML has been parsed into the tree. */
export function rehypePlugins({ mathjax }: MarkdownOptions): PluggableList {
  return [
    rehypeRaw,
    rehypeKramdownTransparent,
    rehypeKramdownFootnotes,
    // Math is rendered on the server to MathML, which browsers lay out natively: no script, no web font.
    mathjax ? [rehypeKatex, { output: 'mathml', throwOnError: false }] : rehypeKramdownMathText,
    rehypeMarkHighlightTags,
    [rehypeHighlight, { detect: false, plainText: ['plaintext', 'text', 'txt'] }],
    rehypeJekyllCode,
    rehypeKramdownCompat,
    rehypeKramdownToc,
    rehypeBlockIds,
  ] as PluggableList;
}

export const remarkRehypeOptions = { allowDangerousHtml: true } as const;

export type RenderedHtml = BlockData & { html: string };

/**
 * Renders post markdown (after Liquid) to an HTML string plus its blocks and headings; `layers`
 * are rehype plugins run after the post's own (the reading page's word layer and block wrappers).
 */
export async function renderMarkdownToHtml(markdown: string, options: MarkdownOptions, layers: PluggableList = []): Promise<RenderedHtml> {
  const file = await unified()
    .use(remarkParse)
    .use(remarkPlugins(options))
    .use(remarkRehype, remarkRehypeOptions)
    .use(rehypePlugins(options))
    .use(layers)
    .use(rehypeStringify)
    .process(markdown);
  const data = file.data.post ?? { blocks: [], headings: [] };
  return { html: String(file), ...data };
}
