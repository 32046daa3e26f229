/**
 * kramdown's typographic symbols and smart quotes on the markdown tree (see
 * `kramdown-typography.ts` for the rules). Working on the markdown tree, not the HTML, keeps raw
 * HTML blocks untouched, as kramdown does, while text inside inline HTML (`<small>"x"</small>`)
 * is set like any other text, as kramdown does too.
 *
 * Escaped characters (`\"`) and entities (`&quot;`) stay literal; micromark merges them into the
 * surrounding text, so a small extension to the tree builder notes where they were.
 */
import type { Parent, Root, Text } from 'mdast';
import type { CompileContext, Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { typesetKramdown } from './kramdown-typography';

declare module 'mdast' {
  interface TextData {
    /** Indexes in `value` of characters that came from escapes or entities. */
    kramdownLiteral?: number[];
  }
}

const referenceStarts = new WeakMap<Text, number>();

function tailText(context: CompileContext, onStack: boolean): Text | undefined {
  const node = context.stack[context.stack.length - 1];
  if (onStack) return node?.type === 'text' ? node : undefined;
  const last = node && 'children' in node ? node.children[node.children.length - 1] : undefined;
  return last?.type === 'text' ? last : undefined;
}

function markLiteral(text: Text, from: number, to: number): void {
  const literal = (text.data ??= {}).kramdownLiteral ?? [];
  for (let index = from; index < to; index += 1) literal.push(index);
  text.data.kramdownLiteral = literal;
}

const literalMarks: FromMarkdownExtension = {
  enter: {
    // micromark marks both `&` and `;` as characterReferenceMarker: the value is appended between.
    characterReferenceMarker(this: CompileContext) {
      const text = tailText(this, true);
      if (!text) return;
      const start = referenceStarts.get(text);
      if (start === undefined) {
        referenceStarts.set(text, text.value.length);
      } else {
        markLiteral(text, start, text.value.length);
        referenceStarts.delete(text);
      }
    },
  },
  exit: {
    characterEscape(this: CompileContext) {
      const text = tailText(this, false);
      if (text) markLiteral(text, text.value.length - 1, text.value.length);
    },
  },
};

/** Spans whose closing delimiter kramdown reads from the same source as the text before it. */
const SAME_SOURCE = new Set(['emphasis', 'strong', 'delete']);

function lookahead(text: Text, parent: Parent, index: number, file: VFile): string {
  const end = text.position?.end.offset;
  if (end === undefined) return '';
  if (index === parent.children.length - 1 && !SAME_SOURCE.has(parent.type)) return '';
  return String(file.value).slice(end, end + 4);
}

export function remarkKramdownTypography(this: Processor) {
  (this.data().fromMarkdownExtensions ??= []).push(literalMarks);
  return (tree: Root, file: VFile) => {
    visit(tree, 'text', (node, index, parent) => {
      if (!parent || index === undefined) return;
      const literal = new Set(node.data?.kramdownLiteral ?? []);
      node.value = typesetKramdown(node.value, literal, lookahead(node, parent, index, file));
      if (node.data) delete node.data.kramdownLiteral;
    });
  };
}
