/**
 * kramdown's typographic symbols, which Jekyll applies to prose: straight quotes become curly,
 * `...` an ellipsis, `--`/`---` dashes, `<<`/`>>` guillemets. Code, math and raw text are left alone.
 * Quote direction depends on the character before it, which may sit in an earlier text node
 * (`"**bold**"`), so the walk carries the last character seen across nodes.
 */
import type { Root, Element, Text } from 'hast';
import { visit, SKIP } from 'unist-util-visit';

const VERBATIM = new Set(['code', 'pre', 'kbd', 'samp', 'script', 'style', 'math', 'textarea']);
const OPENS_BEFORE = /[\s([{\u2014\u2013\-/“‘（【「《]/u;

function curl(quote: '"' | "'", previous: string, next: string): string {
  const opening = previous === '' || OPENS_BEFORE.test(previous);
  if (quote === "'" && /[\p{L}\p{N}]/u.test(previous) && /[\p{L}]/u.test(next)) return '\u2019';
  if (quote === '"') return opening && next !== '' && !/\s/.test(next) ? '\u201c' : '\u201d';
  return opening && next !== '' && !/\s/.test(next) ? '\u2018' : '\u2019';
}

function typeset(text: string, before: string): string {
  const symbols = text
    .replace(/\.\.\./g, '\u2026')
    .replace(/---/g, '\u2014')
    .replace(/--/g, '\u2013')
    .replace(/<<\s?/g, '\u00ab\u00a0')
    .replace(/\s?>>/g, '\u00a0\u00bb');
  let result = '';
  for (let index = 0; index < symbols.length; index += 1) {
    const char = symbols[index] ?? '';
    if (char === '"' || char === "'") {
      const previous = index === 0 ? before : (symbols[index - 1] ?? '');
      result += curl(char, previous, symbols[index + 1] ?? '');
    } else {
      result += char;
    }
  }
  return result;
}

export function rehypeSmartTypography() {
  return (tree: Root) => {
    let lastChar = '';
    visit(tree, (node) => {
      if (node.type === 'element') {
        if (VERBATIM.has((node as Element).tagName)) {
          lastChar = 'x';
          return SKIP;
        }
        if (/^(p|h[1-6]|li|td|th|blockquote|figcaption|dd|dt)$/.test((node as Element).tagName)) lastChar = '';
        return undefined;
      }
      if (node.type === 'text') {
        const text = node as Text;
        text.value = typeset(text.value, lastChar);
        lastChar = text.value.slice(-1) || lastChar;
      }
      return undefined;
    });
  };
}
