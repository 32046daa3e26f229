/**
 * Markdown to HTML for small strings (Liquid's `markdownify`), with the same GFM dialect as posts
 * but none of the post-level work (block ids, heading ids).
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { remarkKramdownGfm } from './remark-kramdown-gfm';
import remarkRehype from 'remark-rehype';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';

const fragmentProcessor = unified()
  .use(remarkParse)
  .use(remarkKramdownGfm)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeStringify)
  .freeze();

export function renderMarkdownFragment(markdown: string): string {
  return String(fragmentProcessor.processSync(markdown)).trim();
}
