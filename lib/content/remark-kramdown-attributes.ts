/**
 * kramdown's block attribute lists as a remark plugin. Reads the `kramdownBlockLine` nodes that
 * `micromark-kramdown-block-lines` leaves: ALDs (`{:name: .a}`) are collected from the whole
 * document; a block IAL (`{: .notice}`) goes to the block directly above it, or, when that block
 * is not adjacent, to the block directly below it, and is dropped when surrounded by blank lines.
 * End-of-block markers have done their work at parse time and are removed with the rest.
 * A list carrying the `toc` reference is marked for `rehype-kramdown-toc`.
 */
import type { Data, Nodes, Parents, Root, RootContent } from 'mdast';
import type { Properties } from 'hast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { ALD_LINE, IAL_LINE, type KramdownBlockLine } from './micromark-kramdown-block-lines';
import {
  emptyAttributeList,
  mergeAttributeLists,
  parseAttributeList,
  resolveAttributes,
  toHastProperties,
  type AttributeList,
} from './kramdown-attribute-list';

export const TOC_MARKER = 'dataKramdownToc';
/** Classes an IAL gives a code block, carried to the wrapper `rehype-jekyll-code` makes. */
export const CODE_WRAPPER_CLASS = 'data-kramdown-class';

declare module 'unist' {
  interface Data {
    kramdownIal?: AttributeList;
  }
}

declare module 'vfile' {
  interface DataMap {
    /** The post's ALDs by name, for the span and item IALs that reference them. */
    kramdownAlds: ReadonlyMap<string, AttributeList>;
  }
}

const startLine = (node: RootContent) => node.position?.start.line ?? 0;
const endLine = (node: RootContent) => node.position?.end.line ?? 0;

function collectDefinitions(tree: Root): Map<string, AttributeList> {
  const definitions = new Map<string, AttributeList>();
  visit(tree, 'kramdownBlockLine', (node) => {
    const match = ALD_LINE.exec(node.value);
    if (!match?.[1] || match[2] === undefined) return;
    const name = match[1];
    definitions.set(name, parseAttributeList(match[2], definitions.get(name) ?? emptyAttributeList()));
  });
  return definitions;
}

function attach(node: RootContent, list: AttributeList): void {
  node.data ??= {};
  node.data.kramdownIal = mergeAttributeLists(node.data.kramdownIal ?? emptyAttributeList(), list);
}

const isIal = (node: RootContent | undefined): node is KramdownBlockLine =>
  node?.type === 'kramdownBlockLine' && IAL_LINE.test(node.value);
const adjacent = (above: RootContent, below: RootContent) => startLine(below) === endLine(above) + 1;

/**
 * Groups of adjacent IAL lines in one parent go to the block directly above them. Otherwise they
 * wait for the next block: directly below, or past blank lines when a blank line also came before
 * the IAL (kramdown merges the two blank runs, so nothing consumes the waiting IAL); an
 * end-of-block marker or an ALD in between takes it.
 */
function attachInParent(parent: Parents): void {
  const children = parent.children as RootContent[];
  let waiting: AttributeList | null = null;
  let index = 0;
  while (index < children.length) {
    const first = children[index];
    if (!isIal(first)) {
      index += 1;
      continue;
    }
    const group = emptyAttributeList();
    let end = index;
    let last: KramdownBlockLine = first;
    for (let node = children[end]; isIal(node) && (end === index || adjacent(last, node)); node = children[end]) {
      mergeAttributeLists(group, parseAttributeList(IAL_LINE.exec(node.value)?.[1] ?? ''));
      last = node;
      end += 1;
    }
    const before = children[index - 1];
    const after = children[end];
    const carried = waiting !== null;
    if (waiting) mergeAttributeLists(waiting, group);
    const list: AttributeList = waiting ?? group;
    waiting = null;
    if (!carried && before && before.type !== 'kramdownBlockLine' && adjacent(before, first)) attach(before, list);
    else if (after && adjacent(last, after)) {
      if (after.type !== 'kramdownBlockLine') attach(after, list);
    } else if (after && (carried || (before !== undefined && !adjacent(before, first)))) {
      if (after.type !== 'kramdownBlockLine') attach(after, list);
      else if (IAL_LINE.test(after.value)) waiting = list;
    }
    index = end;
  }
}

function applyAttributes(node: Nodes, definitions: ReadonlyMap<string, AttributeList>): void {
  const list = node.data?.kramdownIal;
  if (!list || !node.data) return;
  const attributes = resolveAttributes(list, definitions);
  if (node.type === 'code') {
    const classes = (attributes.get('class') ?? '').split(/\s+/).filter(Boolean);
    const language = classes.find((name) => name.startsWith('language-'));
    if (language && !node.lang) node.lang = language.slice('language-'.length);
    const rest = classes.filter((name) => name !== language);
    attributes.delete('class');
    // The classes go on Jekyll's wrapper around the code (see rehype-jekyll-code), not on `code`.
    if (rest.length > 0) attributes.set(CODE_WRAPPER_CLASS, rest.join(' '));
  }
  const properties = toHastProperties(attributes);
  if (node.type === 'list' && list.refs.includes('toc')) properties[TOC_MARKER] = '';
  delete node.data.kramdownIal;
  addHProperties(node, properties);
}

/** Adds hast properties to any node, including extension nodes typed with unist's plain `Data`. */
export function addHProperties(node: { data?: Data | undefined }, properties: Properties): void {
  node.data = { ...node.data, hProperties: { ...node.data?.hProperties, ...properties } };
}

export function remarkKramdownAttributes() {
  return (tree: Root, file: VFile) => {
    const definitions = collectDefinitions(tree);
    file.data.kramdownAlds = definitions;
    visit(tree, (node) => {
      if ('children' in node && node.children.some((child) => child.type === 'kramdownBlockLine')) attachInParent(node);
    });
    visit(tree, (node) => applyAttributes(node, definitions));
    visit(tree, 'kramdownBlockLine', (_node, index, parent) => {
      if (!parent || index === undefined) return undefined;
      parent.children.splice(index, 1);
      return index;
    });
  };
}
