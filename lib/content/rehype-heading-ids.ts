/**
 * Heading ids as Jekyll's kramdown (GFM input) makes them: lower-cased, punctuation dropped,
 * spaces to hyphens, CJK kept, duplicates suffixed `-1`, `-2`. Old `#结` links keep working.
 */
import type { Root } from 'hast';
import { toString } from 'hast-util-to-string';
import GithubSlugger from 'github-slugger';
import { visit } from 'unist-util-visit';

const HEADING = /^h[1-6]$/;

export function rehypeHeadingIds() {
  return (tree: Root) => {
    const slugger = new GithubSlugger();
    visit(tree, 'element', (node) => {
      if (!HEADING.test(node.tagName)) return;
      // An id the author set ({#id} or an IAL) is not counted: kramdown numbers only the ids it makes.
      if (typeof node.properties.id === 'string' && node.properties.id !== '') return;
      node.properties.id = slugger.slug(toString(node));
    });
  };
}
