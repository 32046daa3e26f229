/**
 * Reshapes GFM footnotes (remark's) into kramdown's markup, so that links such as `#fn:1` and
 * `#fnref:note` from the Jekyll-published post keep working.
 *
 * kramdown names a footnote by its label as written (`[^Note]` is `fn:Note`; remark lower-cases
 * it), so `remarkFootnoteLabels` carries the label to the reference first. A footnote referred
 * to again gets `fnref:name:1`, `fnref:name:2`...; its backlinks follow the last paragraph after
 * a no-break space (`↩`, then `↩<sup>2</sup>`...), or sit in a paragraph of their own when the
 * note does not end with a paragraph.
 */
import type { Root as MdastRoot } from 'mdast';
import type { Root, Element, ElementContent } from 'hast';
import { visit, SKIP } from 'unist-util-visit';

const NOTE_ID = /^(?:user-content-)?fn-(.+)$/;
const NBSP = '\u00a0';

/** remark: keeps each reference's label as written, for the ids kramdown would give. */
export function remarkFootnoteLabels() {
  return (tree: MdastRoot) => {
    visit(tree, 'footnoteReference', (node) => {
      node.data = { ...node.data, hProperties: { ...node.data?.hProperties, dataFootnoteLabel: node.label ?? node.identifier } };
    });
  };
}

function idOf(value: unknown): string | null {
  return typeof value === 'string' ? (NOTE_ID.exec(value.replace(/^#/, ''))?.[1] ?? null) : null;
}

const isElement = (node: ElementContent | undefined): node is Element => node?.type === 'element';

function backlink(href: string, repeat: number): Element {
  const children: ElementContent[] = [{ type: 'text', value: '\u21a9' }];
  if (repeat > 0) children.push({ type: 'element', tagName: 'sup', properties: {}, children: [{ type: 'text', value: String(repeat + 1) }] });
  return { type: 'element', tagName: 'a', properties: { href, className: ['reversefootnote'], role: 'doc-backlink' }, children };
}

/** Takes remark's backlinks (and the spaces before them) out of a note. */
function dropBacklinks(node: Element): void {
  const isBacklink = (child: ElementContent | undefined) => isElement(child) && child.properties.dataFootnoteBackref !== undefined;
  node.children = node.children.filter((child, index, all) => {
    if (isBacklink(child)) return false;
    if (isElement(child)) dropBacklinks(child);
    // remark puts a space before each backlink (rehype-raw has merged it into the text before).
    if (child.type === 'text' && isBacklink(all[index + 1])) child.value = child.value.replace(/\s+$/, '');
    return !(child.type === 'text' && child.value === '');
  });
  const last = node.children[node.children.length - 1];
  if (last?.type === 'text' && node.tagName === 'li') last.value = last.value.replace(/\s+$/, '\n');
}

function reshapeNote(item: Element, name: string, repeats: number): void {
  dropBacklinks(item);
  item.properties = { id: `fn:${name}`, role: 'doc-endnote' };
  const links: ElementContent[] = [backlink(`#fnref:${name}`, 0)];
  for (let repeat = 1; repeat <= repeats; repeat += 1) links.push({ type: 'text', value: NBSP }, backlink(`#fnref:${name}:${repeat}`, repeat));
  const last = item.children.filter(isElement).at(-1);
  if (last?.tagName === 'p') last.children.push({ type: 'text', value: NBSP }, ...links);
  else item.children.push({ type: 'element', tagName: 'p', properties: {}, children: links }, { type: 'text', value: '\n' });
}

export function rehypeKramdownFootnotes() {
  return (tree: Root) => {
    const names = new Map<string, string>();
    const uses = new Map<string, number>();
    visit(tree, 'element', (node) => {
      if (node.properties.dataFootnotes !== undefined) return SKIP;
      if (node.tagName !== 'sup') return undefined;
      const link = node.children.find((child): child is Element => isElement(child) && child.properties.dataFootnoteRef !== undefined);
      const id = link && idOf(link.properties.href);
      if (!link || !id) return undefined;
      const name = String(node.properties.dataFootnoteLabel ?? id);
      names.set(id, name);
      const repeat = uses.get(name) ?? 0;
      uses.set(name, repeat + 1);
      node.properties = { id: repeat === 0 ? `fnref:${name}` : `fnref:${name}:${repeat}`, role: 'doc-noteref' };
      link.properties = { href: `#fn:${name}`, className: ['footnote'], rel: ['footnote'] };
      return SKIP;
    });
    visit(tree, 'element', (node) => {
      if (node.properties.dataFootnotes === undefined) return undefined;
      const list = node.children.find((child): child is Element => isElement(child) && child.tagName === 'ol');
      if (!list) return SKIP;
      for (const item of list.children) {
        const id = isElement(item) && item.tagName === 'li' ? idOf(item.properties.id) : null;
        if (!isElement(item) || !id) continue;
        const name = names.get(id) ?? id;
        reshapeNote(item, name, (uses.get(name) ?? 1) - 1);
      }
      node.tagName = 'div';
      node.properties = { className: ['footnotes'], role: 'doc-endnotes' };
      node.children = [list];
      return SKIP;
    });
  };
}
