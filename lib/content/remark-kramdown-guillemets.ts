/**
 * `<<merci>>` is «merci» in kramdown: its typographic `<<` is read before any HTML tag. CommonMark
 * sees a `<merci>` tag between a `<` and a `>`. Such a tag, written bare between those two
 * characters, is put back into the text, where the typography step makes the guillemets.
 */
import type { Parent, Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';

const BARE_TAG = /^<[A-Za-z][A-Za-z0-9-]*>$/;

function shifted(text: Text, by: number): number[] {
  return (text.data?.kramdownLiteral ?? []).map((index) => index + by);
}

export function remarkKramdownGuillemets() {
  return (tree: Root) => {
    visit(tree, (node) => {
      if (!('children' in node)) return;
      const parent: Parent = node;
      for (let index = 1; index < parent.children.length - 1; index += 1) {
        const [before, tag, after] = parent.children.slice(index - 1, index + 2);
        if (before?.type !== 'text' || tag?.type !== 'html' || after?.type !== 'text') continue;
        if (!BARE_TAG.test(tag.value) || !before.value.endsWith('<') || !after.value.startsWith('>')) continue;
        const literal = [...shifted(before, 0), ...shifted(after, before.value.length + tag.value.length)];
        const merged: Text = { type: 'text', value: before.value + tag.value + after.value, data: { kramdownLiteral: literal } };
        if (before.position && after.position) merged.position = { start: before.position.start, end: after.position.end };
        parent.children.splice(index - 1, 3, merged);
        index -= 1;
      }
    });
  };
}
