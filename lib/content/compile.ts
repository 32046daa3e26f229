/**
 * Renders a post's body to HTML through the one markdown pipeline (markdown.ts), with the reading
 * page's own layers after the post's plugins. The page sends this HTML as it is: the post text is
 * the server's, never rendered again in the browser (components/server-html.tsx).
 */
import type { PluggableList } from 'unified';
import { renderMarkdownToHtml } from './markdown';
import type { Post } from './types';

/**
 * `layers` are rehype plugins run after the post's own: the word layer, which may wrap text but
 * must not change it, and the page's block wrappers.
 */
export async function compilePostBody(post: Pick<Post, 'markdown' | 'mathjax'>, layers: PluggableList = []): Promise<string> {
  const { html } = await renderMarkdownToHtml(post.markdown, { mathjax: post.mathjax }, layers);
  return html;
}
