/**
 * A micromark construct for kramdown's block extensions with a body: a `{::name …}` line, any
 * lines, and a `{:/name}` or `{:/}` line. The body is kept verbatim (never parsed as markdown),
 * as a `kramdownExtension` mdast node that `remark-kramdown-extensions` interprets. A start line
 * without a stop line is left to the one-line markers.
 */
import type { Extension } from 'micromark-util-types';
import type { Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';
import type { Literal } from 'mdast';
import { lineBlockConstruct } from './micromark-kramdown-line-block';
import { EXTENSION_LINE } from './micromark-kramdown-block-lines';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    kramdownExtension: 'kramdownExtension';
  }
}

export interface KramdownExtension extends Literal {
  type: 'kramdownExtension';
}

declare module 'mdast' {
  interface RootContentMap {
    kramdownExtension: KramdownExtension;
  }
  interface BlockContentMap {
    kramdownExtension: KramdownExtension;
  }
}

/** The name of a `{::name …}` start tag that expects a body, else null. */
export function extensionStartName(line: string): string | null {
  const match = EXTENSION_LINE.exec(line.trim());
  return match?.[1] !== undefined && match[3] === undefined ? match[1] : null;
}

function stops(line: string, name: string): boolean {
  const match = /^ {0,3}\{:\/([\w-]*)\}\s*$/.exec(line);
  return match !== null && (match[1] === '' || match[1] === name);
}

const extensionBlock = lineBlockConstruct('kramdownExtension', 'kramdownExtension', {
  opens: (line) => extensionStartName(line) !== null,
  continues: () => true,
  closed: (lines) => lines.length > 1 && stops(lines[lines.length - 1] ?? '', extensionStartName(lines[0] ?? '') ?? ''),
  valid: (lines) => lines.length > 1 && stops(lines[lines.length - 1] ?? '', extensionStartName(lines[0] ?? '') ?? ''),
  peeksAfter: false,
});

const LEFT_BRACE = 123;

export function kramdownExtensionBlock(): Extension {
  return { flow: { [LEFT_BRACE]: extensionBlock } };
}

export function kramdownExtensionBlockFromMarkdown(): FromMarkdownExtension {
  return {
    enter: {
      kramdownExtension(token) {
        this.enter({ type: 'kramdownExtension', value: '' }, token);
      },
    },
    exit: {
      kramdownExtension(token) {
        const node = this.stack[this.stack.length - 1];
        if (node?.type === 'kramdownExtension') node.value = this.sliceSerialize(token);
        this.exit(token);
      },
    },
  };
}
