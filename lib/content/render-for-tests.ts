/**
 * Test helper: renders markdown with the post pipeline and drops the `data-block` ids, so unit
 * tests of the kramdown extensions can compare HTML as Jekyll writes it.
 */
import { renderMarkdownToHtml } from './markdown';

export async function renderForTest(markdown: string, mathjax = false): Promise<string> {
  const { html } = await renderMarkdownToHtml(markdown, { mathjax });
  return html.replace(/ data-block="[^"]*"/g, '');
}
