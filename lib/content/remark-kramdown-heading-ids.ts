/**
 * Heading ids exactly as kramdown's GFM parser makes them (kramdown-parser-gfm 1.1
 * `generate_gfm_header_id`), so old `#fragment` links into a post keep working:
 * - the text is the heading's text after typographic conversion (`A -- B` reads `A – B`), with
 *   code and math as written, entities as their characters, and nothing from HTML tags or images;
 * - lower-cased, then every character that is not a Unicode word character (Onigmo's `\p{Word}`:
 *   Alphabetic, marks, decimal digits, connector punctuation), `-`, space or tab is dropped, and
 *   each space or tab becomes `-`: nothing is collapsed or trimmed (`a--b`, `-hello`);
 * - a repeated id gets `-1`, `-2`..., counted per id without checking for clashes (kramdown
 *   does not either); headings with an id of their own are not counted.
 * Headings written as raw HTML get no id, as in kramdown. CJK is kept: `## 结` is `结`.
 *
 * Ruby 3.1 knows Unicode 13: characters assigned since then may be kept here and dropped there.
 */
import type { Heading, Nodes, Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';

const NOT_ID_CHARACTER = /[^\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\- \t]/gu;

/** The text kramdown reads from a heading for its id. */
export function headingIdText(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
    case 'inlineMath':
      return node.value;
    case 'html':
    case 'image':
    case 'imageReference':
    case 'footnoteReference':
      return '';
    default:
      return 'children' in node ? node.children.map((child) => headingIdText(child)).join('') : '';
  }
}

/** A generator of ids for one document: it remembers how often each id was made. */
export function createGfmIdGenerator(): (text: string) => string {
  const counts = new Map<string, number>();
  return (text) => {
    // Character by character, as Ruby's `downcase` maps each one alone (no final-sigma rule).
    const base = [...text]
      .map((char) => char.toLowerCase())
      .join('')
      .replace(NOT_ID_CHARACTER, '')
      .replace(/[ \t]/g, '-');
    const count = counts.get(base) ?? 0;
    counts.set(base, count + 1);
    return count === 0 ? base : `${base}-${count}`;
  };
}

export function remarkKramdownHeadingIds() {
  return (tree: Root, file: VFile) => {
    // `{::options auto_ids="false" /}` in the post turns generated ids off (remark-kramdown-options).
    if (file.data.kramdownOptions?.autoIds === false) return;
    const generate = createGfmIdGenerator();
    visit(tree, 'heading', (node: Heading) => {
      const properties = node.data?.hProperties;
      if (typeof properties?.id === 'string' && properties.id !== '') return;
      node.data = { ...node.data, hProperties: { ...properties, id: generate(headingIdText(node)) } };
    });
  };
}
