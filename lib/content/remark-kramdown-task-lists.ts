/**
 * Task lists as kramdown-parser-gfm writes them: an item whose text starts with `[ ]` or `[x]`
 * (either case) and a space gets `<input type="checkbox" class="task-list-item-checkbox"
 * disabled="disabled">` (plus `checked`) in place of the marker, the list gets `task-list`.
 * kramdown's quirk is kept: from the first task item on, every later item of the list is marked
 * `task-list-item`, task or not; items before it are not.
 */
import type { List, Root } from 'mdast';
import { visit } from 'unist-util-visit';

const MARKER = /^\s*\[([ xX])\]\s+/;

function checkbox(checked: boolean): string {
  const state = checked ? ' checked="checked"' : '';
  return `<input type="checkbox" class="task-list-item-checkbox" disabled="disabled"${state} />`;
}

function convertList(list: List): void {
  let isTaskList = false;
  for (const item of list.children) {
    const [first] = item.children;
    const text = first?.type === 'paragraph' ? first.children[0] : undefined;
    const match = text?.type === 'text' ? MARKER.exec(text.value) : null;
    if (first?.type === 'paragraph' && text?.type === 'text' && match) {
      text.value = text.value.slice(match[0].length);
      first.children.unshift({ type: 'html', value: checkbox(match[1] !== ' ') });
      isTaskList = true;
    }
    if (isTaskList) item.data = { ...item.data, hProperties: { ...item.data?.hProperties, className: ['task-list-item'] } };
  }
  if (isTaskList) list.data = { ...list.data, hProperties: { ...list.data?.hProperties, className: ['task-list'] } };
}

export function remarkKramdownTaskLists() {
  return (tree: Root) => {
    visit(tree, 'list', convertList);
  };
}
