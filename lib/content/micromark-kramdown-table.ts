/**
 * A micromark construct for kramdown tables, in place of GFM's: consecutive lines with a
 * splitting pipe, starting on a block boundary (after a blank line, a marker line or at the start
 * of its container, never in the middle of a paragraph or right after another block) and ending
 * on one. The raw lines become a `kramdownTable` mdast node that `remark-kramdown-tables` lays out.
 */
import type { Extension, TokenizeContext } from 'micromark-util-types';
import type { Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';
import type { Literal } from 'mdast';
import { lineBlockConstruct } from './micromark-kramdown-line-block';
import { isTableLine, layoutTable } from './kramdown-table-lines';
import { EOB_LINE, IAL_LINE } from './micromark-kramdown-block-lines';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    kramdownTable: 'kramdownTable';
  }
}

export interface KramdownTable extends Literal {
  type: 'kramdownTable';
}

declare module 'mdast' {
  interface RootContentMap {
    kramdownTable: KramdownTable;
  }
  interface BlockContentMap {
    kramdownTable: KramdownTable;
  }
}

/** Whether what came before, in this container, is a block boundary for kramdown. */
function afterBlockBoundary(context: TokenizeContext): boolean {
  const events = context.events;
  // The table's own first line is already tokenized when this is asked: look before it.
  let start = events.length - 1;
  while (start >= 0 && !(events[start]?.[0] === 'enter' && events[start]?.[1].type === 'kramdownTable')) start -= 1;
  for (let index = start - 1; index >= 0; index -= 1) {
    const [kind, token] = events[index] ?? [];
    if (kind !== 'exit' || !token) continue;
    if (token.type === 'lineEnding' || token.type === 'linePrefix') continue;
    return token.type === 'lineEndingBlank' || token.type === 'kramdownBlockLine';
  }
  return true;
}

const endsOnBoundary = (next: string | null) => next === null || next.trim() === '' || EOB_LINE.test(next) || IAL_LINE.test(next.trim());

const table = lineBlockConstruct('kramdownTable', 'kramdownTable', {
  opens: (line, interrupting, context) => !interrupting && isTableLine(line) && afterBlockBoundary(context),
  continues: (line) => isTableLine(line),
  closed: () => false,
  valid: (lines, next) => endsOnBoundary(next) && layoutTable(lines) !== null,
  peeksAfter: true,
});

/** Any first character may start a table line (`a | b`), so the construct is tried on all of them. */
export function kramdownTable(): Extension {
  return { flow: { null: table } };
}

export function kramdownTableFromMarkdown(): FromMarkdownExtension {
  return {
    enter: {
      kramdownTable(token) {
        this.enter({ type: 'kramdownTable', value: '' }, token);
      },
    },
    exit: {
      kramdownTable(token) {
        const node = this.stack[this.stack.length - 1];
        if (node?.type === 'kramdownTable') node.value = this.sliceSerialize(token);
        this.exit(token);
      },
    },
  };
}
