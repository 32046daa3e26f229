/**
 * Code spans as kramdown reads them (kramdown 2.4 `codespan.rb`), where CommonMark differs:
 * - a single backtick with whitespace (or the start of the text) before it and whitespace after
 *   it opens nothing: `` press ` and ` `` is text in kramdown;
 * - inside single backticks every space is kept (`` ` a ` `` is " a "); inside longer runs
 *   exactly one space is stripped from each side, even if only one side has it.
 * The source of each span is read back from the file, so the stripping follows what was written.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { SKIP, visit } from 'unist-util-visit';

const SPACE = /[ \t\r\n\f\v]/;

export function remarkKramdownCodeSpans() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    visit(tree, 'inlineCode', (node, index, parent) => {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined || !parent || index === undefined) return undefined;
      const raw = source.slice(start, end);
      const fence = /^`+/.exec(raw)?.[0] ?? '`';
      const inner = raw.slice(fence.length, raw.length - fence.length);
      // Line breaks inside a span can carry container markers (`> `); keep micromark's reading there.
      if (/[\r\n]/.test(inner)) return undefined;
      if (fence.length === 1) {
        const before = start === 0 ? '' : (source[start - 1] ?? '');
        if ((before === '' || SPACE.test(before) || before === '\n') && SPACE.test(inner[0] ?? '')) {
          parent.children[index] = { type: 'text', value: raw };
          return SKIP;
        }
        node.value = inner;
        return undefined;
      }
      node.value = inner.replace(/^ /, '').replace(/ $/, '');
      return undefined;
    });
  };
}
