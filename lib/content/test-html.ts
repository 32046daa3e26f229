/**
 * For the markdown unit tests: a post's markdown through the whole pipeline, as HTML without our
 * `data-block` ids, so expectations read like the HTML Jekyll publishes.
 */
import { renderMarkdownToHtml } from './markdown';
import { parityBlocks } from './parity-blocks';

export async function htmlOf(markdown: string, { mathjax = false } = {}): Promise<string> {
  const { html } = await renderMarkdownToHtml(markdown, { mathjax });
  return html.replace(/ data-block="[^"]*"/g, '');
}

/** Both sides as parity trees (see `parity-blocks.ts`), for comparing markup that serialises differently. */
export async function treesOf(markdown: string, kramdownHtml: string, { mathjax = false } = {}): Promise<[string, string]> {
  const print = (html: string) =>
    parityBlocks(html, { keepComments: true })
      .map((block) => block.tree)
      .join('\n');
  return [print(await htmlOf(markdown, { mathjax })), print(kramdownHtml)];
}
