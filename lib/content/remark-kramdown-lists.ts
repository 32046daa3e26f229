/**
 * kramdown's list rules where they differ from CommonMark's tight/loose lists: an item's first
 * paragraph is bare text unless a blank line follows it, the last item is wrapped when every
 * other item is, and an ordered list always starts at 1 (kramdown writes no `start`).
 * Lists are rendered loose and the bare-text paragraphs marked for `rehype-kramdown-transparent`.
 */
import type { List, ListItem, Paragraph, Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { TRANSPARENT_MARKER } from './rehype-kramdown-transparent';

/** A line with nothing but blockquote markers and whitespace is blank inside its container. */
const isBlank = (line: string | undefined) => line !== undefined && /^[\s>]*$/.test(line);

function blankAfter(paragraph: Paragraph, lines: readonly string[]): boolean {
  const end = paragraph.position?.end.line;
  return end !== undefined && isBlank(lines[end]);
}

function isBareText(item: ListItem, isLast: boolean, lines: readonly string[]): boolean {
  const [first, second] = item.children;
  if (first?.type !== 'paragraph') return false;
  if (!blankAfter(first, lines)) return true;
  // The last item's trailing blank line is the one after the list, which kramdown keeps apart.
  return isLast && second === undefined;
}

function applyListRules(list: List, lines: readonly string[]): void {
  list.start = null;
  list.spread = true;
  const bare = list.children.map((item, index) => isBareText(item, index === list.children.length - 1, lines));
  const lastIndex = list.children.length - 1;
  const othersAllWrapped = list.children.slice(0, -1).every((item, index) => item.children[0]?.type === 'paragraph' && !bare[index]);
  if (lastIndex > 0 && othersAllWrapped) bare[lastIndex] = false;
  // All bare: CommonMark's tight rendering is already kramdown's.
  if (bare.every(Boolean) && list.children.every((item) => item.children.filter((child) => child.type === 'paragraph').length <= 1)) {
    list.spread = false;
    for (const item of list.children) item.spread = false;
    return;
  }
  list.children.forEach((item, index) => {
    item.spread = true;
    const [first] = item.children;
    if (bare[index] && first?.type === 'paragraph') {
      first.data = { ...first.data, hProperties: { ...first.data?.hProperties, [TRANSPARENT_MARKER]: '' } };
    }
  });
}

export function remarkKramdownLists() {
  return (tree: Root, file: VFile) => {
    const lines = String(file.value).split(/\r?\n/);
    visit(tree, 'list', (list) => applyListRules(list, lines));
  };
}
