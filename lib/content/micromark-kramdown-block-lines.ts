/**
 * A micromark extension for kramdown's one-line block markers: block IALs (`{: .notice}`),
 * attribute list definitions (`{:name: .a}`), extension tags (`{::comment}`, `{:/}`) and the
 * end-of-block marker (`^`). Each is a flow construct that, as in kramdown, ends a paragraph,
 * a lazy blockquote line or a list item's lazy text; the line itself becomes a
 * `kramdownBlockLine` mdast node that the remark plugins of this folder interpret.
 */
import type { Code, Construct, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';
import type { Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';
import type { Literal } from 'mdast';
import { markdownLineEnding } from 'micromark-util-character';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    kramdownBlockLine: 'kramdownBlockLine';
  }
}

export interface KramdownBlockLine extends Literal {
  type: 'kramdownBlockLine';
}

declare module 'mdast' {
  interface RootContentMap {
    kramdownBlockLine: KramdownBlockLine;
  }
  interface BlockContentMap {
    kramdownBlockLine: KramdownBlockLine;
  }
}

const ANY = String.raw`(?:\\\}|[^}])`;
const NAME = String.raw`\w[\w-]*`;
export const ALD_LINE = new RegExp(String.raw`^\{:(${NAME}):(${ANY}+)\}\s*$`);
export const EXTENSION_LINE = new RegExp(String.raw`^(?:\{::(\w+)(?:\s(${ANY}*?)|)(\/)?\}|\{:\/(${NAME})?\})\s*$`);
export const IAL_LINE = new RegExp(String.raw`^\{:(?!:|\/)(${ANY}+)\}\s*$`);
export const EOB_LINE = /^\^\s*$/;

/** An extension start tag with a body is not a one-line marker: without its stop line it is text. */
function isOneLineExtension(line: string): boolean {
  const match = EXTENSION_LINE.exec(line);
  return match !== null && (match[1] === undefined || match[3] !== undefined);
}

export function isKramdownBlockLine(line: string): boolean {
  return EOB_LINE.test(line) || ALD_LINE.test(line) || isOneLineExtension(line) || IAL_LINE.test(line);
}

const TAB = -2;
const VIRTUAL_SPACE = -1;

function tokenizeBlockLine(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let line = '';
  const inside = (code: Code): State | undefined => {
    if (code === null || markdownLineEnding(code)) {
      effects.exit('kramdownBlockLine');
      return isKramdownBlockLine(line) ? ok(code) : nok(code);
    }
    if (code === TAB) line += '\t';
    else if (code !== VIRTUAL_SPACE) line += String.fromCodePoint(code);
    effects.consume(code);
    return inside;
  };
  return (code) => {
    effects.enter('kramdownBlockLine');
    return inside(code);
  };
}

const blockLine: Construct = { name: 'kramdownBlockLine', tokenize: tokenizeBlockLine };

const LEFT_BRACE = 123;
const CARET = 94;

export function kramdownBlockLines(): Extension {
  return { flow: { [LEFT_BRACE]: blockLine, [CARET]: blockLine } };
}

export function kramdownBlockLinesFromMarkdown(): FromMarkdownExtension {
  return {
    enter: {
      kramdownBlockLine(token) {
        this.enter({ type: 'kramdownBlockLine', value: '' }, token);
      },
    },
    exit: {
      kramdownBlockLine(token) {
        const node = this.stack[this.stack.length - 1];
        if (node?.type === 'kramdownBlockLine') node.value = this.sliceSerialize(token).trim();
        this.exit(token);
      },
    },
  };
}
