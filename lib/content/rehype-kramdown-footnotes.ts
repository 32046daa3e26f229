/**
 * Reshapes GFM footnotes (remark-gfm) into kramdown's markup, so that links such as
 * `#fn:1` and `#fnref:note` from the Jekyll-published post keep working.
 */
import type { Root, Element, ElementContent } from 'hast';
import { visit, SKIP } from 'unist-util-visit';

const NOTE_ID = /^(?:user-content-)?fn-(.+)$/;

function labelOf(href: unknown, pattern: RegExp): string | null {
  return typeof href === 'string' ? (pattern.exec(href.replace(/^#/, ''))?.[1] ?? null) : null;
}

function reshapeReference(sup: Element, link: Element): void {
  const label = labelOf(link.properties.href, NOTE_ID);
  if (!label) return;
  sup.properties = { id: `fnref:${label}`, role: 'doc-noteref' };
  link.properties = { href: `#fn:${label}`, className: ['footnote'], rel: ['footnote'] };
}

function reshapeSection(section: Element): void {
  const list = section.children.find((child): child is Element => child.type === 'element' && child.tagName === 'ol');
  if (!list) return;
  for (const item of list.children) {
    if (item.type !== 'element' || item.tagName !== 'li') continue;
    const label = labelOf(item.properties.id, NOTE_ID);
    if (!label) continue;
    item.properties = { id: `fn:${label}`, role: 'doc-endnote' };
    visit(item, 'element', (node) => {
      if (node.properties.dataFootnoteBackref === undefined) return;
      node.properties = { href: `#fnref:${label}`, className: ['reversefootnote'], role: 'doc-backlink' };
      node.children = [{ type: 'text', value: '\u21a9' }];
    });
  }
  section.tagName = 'div';
  section.properties = { className: ['footnotes'], role: 'doc-endnotes' };
  section.children = [list];
}

export function rehypeKramdownFootnotes() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (node.properties.dataFootnotes !== undefined) {
        reshapeSection(node);
        return SKIP;
      }
      if (node.tagName === 'sup') {
        const link = node.children.find(
          (child: ElementContent): child is Element => child.type === 'element' && child.properties.dataFootnoteRef !== undefined,
        );
        if (link) reshapeReference(node, link);
      }
      return undefined;
    });
  };
}
