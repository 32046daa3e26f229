/**
 * kramdown's generated table of contents: the list marked `{:toc}` is replaced by a nested list
 * (`ul#markdown-toc`, or the list's own id and classes) of every header in `toc_levels` that has
 * an id and no `no_toc` class, each entry a link `#id` with id `markdown-toc-<id>`, links inside
 * the header text unwrapped and footnote markers left out. Runs after header ids are assigned.
 */
import type { Element, ElementContent, Root } from 'hast';
import type { VFile } from 'vfile';
import { visit, SKIP } from 'unist-util-visit';
import type {} from './remark-kramdown-options';
import { TOC_MARKER } from './remark-kramdown-attributes';

type Entry = { level: number; id: string; children: ElementContent[] };
type Open = { level: number; item: Element; sublist: Element };

const HEADING = /^h([1-6])$/;

function classes(node: Element): string[] {
  const value = node.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}

function entryContent(nodes: ElementContent[]): ElementContent[] {
  return nodes.flatMap((node): ElementContent[] => {
    if (node.type !== 'element') return [structuredClone(node)];
    if (node.tagName === 'sup' && node.properties.role === 'doc-noteref') return [];
    const children = entryContent(node.children);
    return node.tagName === 'a' ? children : [{ ...node, properties: { ...node.properties }, children }];
  });
}

function collectEntries(tree: Root, levels: readonly number[]): Entry[] {
  const entries: Entry[] = [];
  visit(tree, 'element', (node) => {
    const level = HEADING.exec(node.tagName)?.[1];
    if (!level || !levels.includes(Number(level))) return;
    if (typeof node.properties.id !== 'string' || classes(node).includes('no_toc')) return;
    entries.push({ level: Number(level), id: node.properties.id, children: node.children });
  });
  return entries;
}

function buildToc(list: Element, entries: Entry[]): Element {
  const properties = { ...list.properties };
  delete properties[TOC_MARKER];
  properties.id ??= 'markdown-toc';
  const prefix = String(properties.id);
  const toc: Element = { type: 'element', tagName: list.tagName, properties, children: [] };
  const stack: Open[] = [];
  const close = () => {
    const open = stack.pop();
    if (open && open.sublist.children.length > 0) open.item.children.push(open.sublist);
  };
  for (const { level, id, children } of entries) {
    const link: Element = {
      type: 'element',
      tagName: 'a',
      properties: { href: `#${id}`, id: `${prefix}-${id}` },
      children: entryContent(children),
    };
    const item: Element = { type: 'element', tagName: 'li', properties: {}, children: [link] };
    while (stack.length > 0 && (stack[stack.length - 1]?.level ?? 0) >= level) close();
    const parent = stack[stack.length - 1];
    (parent ? parent.sublist : toc).children.push(item);
    stack.push({ level, item, sublist: { type: 'element', tagName: list.tagName, properties: {}, children: [] } });
  }
  while (stack.length > 0) close();
  return toc;
}

const ALL_LEVELS = [1, 2, 3, 4, 5, 6];

export function rehypeKramdownToc() {
  return (tree: Root, file: VFile) => {
    const levels = file.data.kramdownOptions?.tocLevels ?? ALL_LEVELS;
    let done = false;
    visit(tree, 'element', (node, index, parent) => {
      if (node.properties[TOC_MARKER] === undefined || !parent || index === undefined) return undefined;
      if (done) {
        delete node.properties[TOC_MARKER];
        return undefined;
      }
      done = true;
      const toc = buildToc(node, collectEntries(tree, levels));
      if (toc.children.length > 0) parent.children[index] = toc;
      else parent.children.splice(index, 1);
      return SKIP;
    });
  };
}
