/**
 * kramdown's typographic symbols and smart quotes, applied to one run of text as kramdown's span
 * parser does (kramdown 2.4 `typographic_symbol.rb`, `smart_quotes.rb`):
 * - `---` `--` `...` become — – …; `<< ` / ` >>` become «&nbsp; / &nbsp;»; `<<` `>>` « »;
 * - a quote takes its direction from ten ordered rules. A rule may look at the character before
 *   the quote, but only while that character is still plain text: after an element (`**x**"`),
 *   at the start of the text, or after a symbol or escape the quote stands alone, and other rules
 *   apply. Ruby's `\w` and `\s` are ASCII there, its `\b` is Unicode, as below.
 *
 * `literal` marks characters that came from escapes and entities: they are never converted, and
 * nothing before them counts.
 */

const SPACE = /[ \t\r\n\f\v]/;
const WORD_ASCII = /[A-Za-z0-9_]/;
const WORD_UNICODE = /[\p{L}\p{M}\p{Nd}\p{Pc}]/u;
const SQ_PUNCT = /[!"#$%'()*+,\-./:;<=>?@[\\\]^_`{|}~]/;
/** SQ_CLOSE: any character but space, backslash, tab, line breaks and `[{(-`. */
const CLOSES = (char: string) => char !== '' && !/[ \\\t\r\n[{(-]/.test(char);

const LEFT = { '"': '\u201c', "'": '\u2018' } as const;
const RIGHT = { '"': '\u201d', "'": '\u2019' } as const;
type Quote = keyof typeof LEFT;
const isQuote = (char: string | undefined): char is Quote => char === '"' || char === "'";

const isWordBoundaryAfter = (text: string, index: number) =>
  WORD_UNICODE.test(text[index - 1] ?? '') !== WORD_UNICODE.test(text[index] ?? '');

type QuoteMatch = { length: number; output: string };

/** The rules that start at the quote itself (no character before it is available). */
function quoteAlone(text: string, at: number): QuoteMatch {
  const quote = text[at];
  if (!isQuote(quote)) throw new Error('not a quote');
  const next = text[at + 1] ?? '';
  const afterNext = text[at + 2] ?? '';
  // 1: "**bold**" or '_x_' opens.
  if (/^[_*]{1,2}\S/.test(text.slice(at + 1, at + 4))) return { length: 1, output: LEFT[quote] };
  // 2: followed by punctuation (not `..`) with no word boundary after it: closes.
  if (SQ_PUNCT.test(next) && text.slice(at + 2, at + 4) !== '..' && !isWordBoundaryAfter(text, at + 2)) {
    return { length: 1, output: RIGHT[quote] };
  }
  // 3, 4: `"'word` and `'"word` open both.
  if (isQuote(next) && next !== quote && WORD_ASCII.test(afterNext)) return { length: 2, output: LEFT[quote] + LEFT[next] };
  // 5: '90s.
  if (quote === "'" && /^\d\ds/.test(text.slice(at + 1, at + 4))) return { length: 1, output: RIGHT["'"] };
  // 7: this quote as plain text, then a closing one (`''` at the start of a run).
  if (isQuote(next)) return { length: 2, output: quote + RIGHT[next] };
  // 8: before space, `s` at a word's end, or the end of the line: closes.
  if (next === '' || SPACE.test(next) || (next === 's' && isWordBoundaryAfter(text, at + 2))) return { length: 1, output: RIGHT[quote] };
  // 9, 10.
  return { length: 1, output: LEFT[quote] };
}

/** The rules that start at the plain-text character before the quote. */
function quoteAfter(text: string, before: number): QuoteMatch {
  const previous = text[before] ?? '';
  const quote = text[before + 1];
  if (!isQuote(quote)) throw new Error('not a quote');
  const next = text[before + 2] ?? '';
  if (SPACE.test(previous)) {
    if (isQuote(next) && next !== quote && WORD_ASCII.test(text[before + 3] ?? '')) {
      return { length: 3, output: previous + LEFT[quote] + LEFT[next] };
    }
    if (quote === "'" && /^\d\ds/.test(text.slice(before + 2, before + 5))) return { length: 2, output: previous + RIGHT["'"] };
    return { length: 2, output: previous + LEFT[quote] };
  }
  if (CLOSES(previous)) return { length: 2, output: previous + RIGHT[quote] };
  return { length: 2, output: previous + LEFT[quote] };
}

/**
 * Characters left as text by another span parser that kramdown tries first (a lone `*`, `` ` ``,
 * `[`): that parser consumes them, so a quote right after stands alone.
 */
const OTHER_SPAN_STARTS = new Set(['*', '_', '`', '[', '\\']);

const SYMBOLS: Array<[string, string]> = [
  ['---', '\u2014'],
  ['--', '\u2013'],
  ['...', '\u2026'],
  ['<< ', '\u00ab\u00a0'],
  [' >>', '\u00a0\u00bb'],
  ['<<', '\u00ab'],
  ['>>', '\u00bb'],
];

/**
 * `text` is the run; `lookahead` the source right after it, which some rules peek into (the run
 * is followed by `**bold**`, say). `literal` holds the indexes of escaped or entity characters.
 */
export function typesetKramdown(text: string, literal: ReadonlySet<number> = new Set(), lookahead = ''): string {
  const subject = text + lookahead;
  let value = '';
  const emit = (output: string) => {
    value += output;
  };
  let index = 0;
  while (index < text.length) {
    const char = text[index] ?? '';
    if (literal.has(index)) {
      emit(char);
      index += 1;
      continue;
    }
    const symbol = SYMBOLS.find(([source]) => text.startsWith(source, index) && ![...source].some((_, k) => literal.has(index + k)));
    if (symbol) {
      emit(symbol[1]);
      index += symbol[0].length;
      continue;
    }
    if (isQuote(char)) {
      const match = quoteAlone(subject, index);
      emit(match.output);
      index += match.length;
      continue;
    }
    if (isQuote(text[index + 1]) && !literal.has(index + 1) && !OTHER_SPAN_STARTS.has(char)) {
      const match = quoteAfter(subject, index);
      emit(match.output);
      index += match.length;
      continue;
    }
    emit(char);
    index += 1;
  }
  return value;
}
