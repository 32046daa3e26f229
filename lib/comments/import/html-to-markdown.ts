/**
 * Comment bodies that other systems stored as HTML (Disqus messages, Valine comments) turned into
 * the markdown Duizhao stores for what readers write, so an imported comment is edited, rendered
 * and sanitised exactly like one written here. Through the unified ecosystem: rehype-parse reads
 * the HTML, hast-util-to-mdast maps it to markdown's tree (scripts, styles and event attributes
 * have no markdown form and are dropped), mdast-util-to-markdown writes it out with escaping.
 */
import { toMdast } from 'hast-util-to-mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';

const parser = unified().use(rehypeParse, { fragment: true });

export function htmlToMarkdown(html: string): string {
  const tree = toMdast(parser.parse(html));
  return toMarkdown(tree, { bullet: '-', emphasis: '*', strong: '*', fences: true, rule: '-' }).trim();
}
