/**
 * kramdown's HTML blocks, tried before CommonMark's: a line starting with a block-level tag (not
 * one of kramdown's span-level tags such as `small` or `span`, which start a paragraph) opens a
 * raw block that runs to the matching end tag, blank lines included (CommonMark stops at the
 * first blank line and parses the rest as markdown). A start tag alone on its line with
 * `markdown="1"` is a block of its own, so what follows is parsed as markdown up to the end tag,
 * and the attribute is dropped as kramdown drops it. Comments run to their `-->`.
 */
import type { Construct, Extension } from 'micromark-util-types';
import type { Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';
import { lineBlockConstruct } from './micromark-kramdown-line-block';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    kramdownHtml: 'kramdownHtml';
  }
}

const SPAN_ELEMENTS = new Set(
  'a abbr acronym b big bdo br button cite code del dfn em i img input ins kbd label mark option q rb rbc rp rt rtc ruby samp select small span strong sub sup tt u var'.split(' '),
);
const VOID_ELEMENTS = new Set('area base br col command embed hr img input keygen link meta param source track wbr'.split(' '));
const START = /^ {0,3}<(\/?)([A-Za-z][\w:.-]*)(?=[\s/>]|$)/;
const COMMENT_START = /^ {0,3}<!--/;
const MARKDOWN_ATTRIBUTE = /\smarkdown\s*=\s*(?:"(?:1|block)"|'(?:1|block)'|1)/;

/** A start tag alone on its line that asks for its content to be parsed as markdown. */
function isMarkdownStart(line: string): boolean {
  return /^ {0,3}<[A-Za-z][\w:.-]*\b[^>]*>\s*$/.test(line) && MARKDOWN_ATTRIBUTE.test(line);
}

function depthAfter(lines: readonly string[], name: string): number {
  const open = new RegExp(`<${name}(?=[\\s/>])[^>]*?(?<!/)>`, 'gi');
  const close = new RegExp(`</${name}\\s*>`, 'gi');
  const text = lines.join('\n');
  return (text.match(open)?.length ?? 0) - (text.match(close)?.length ?? 0);
}

function closed(lines: readonly string[]): boolean {
  const first = lines[0] ?? '';
  if (COMMENT_START.test(first)) return lines.join('\n').indexOf('-->', first.indexOf('<!--') + 4) >= 0;
  const match = START.exec(first);
  if (!match?.[2]) return true;
  const name = match[2].toLowerCase();
  if (match[1] === '/' || VOID_ELEMENTS.has(name) || isMarkdownStart(first)) return true;
  return depthAfter(lines, name) <= 0;
}

const htmlBlock: Construct = {
  ...lineBlockConstruct('kramdownHtml', 'kramdownHtml', {
    opens: (line) => {
      if (COMMENT_START.test(line)) return true;
      const name = START.exec(line)?.[2]?.toLowerCase();
      return name !== undefined && !SPAN_ELEMENTS.has(name);
    },
    continues: () => true,
    closed,
    // kramdown closes a block whose end tag never comes at the end of the document.
    valid: () => true,
    peeksAfter: false,
  }),
  add: 'before',
};

const LESS_THAN = 60;

export function kramdownHtmlBlock(): Extension {
  return { flow: { [LESS_THAN]: htmlBlock } };
}

export function kramdownHtmlBlockFromMarkdown(): FromMarkdownExtension {
  return {
    enter: {
      kramdownHtml(token) {
        this.enter({ type: 'html', value: '' }, token);
      },
    },
    exit: {
      kramdownHtml(token) {
        const node = this.stack[this.stack.length - 1];
        const value = this.sliceSerialize(token);
        if (node?.type === 'html') node.value = isMarkdownStart(value) ? value.replace(MARKDOWN_ATTRIBUTE, '') : value;
        this.exit(token);
      },
    },
  };
}
