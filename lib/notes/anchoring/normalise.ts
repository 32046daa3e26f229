/**
 * Text as anchoring compares it. Authors re-edit Chinese posts in ways a reader would not call a
 * change of words: punctuation switched between full and half width (，/,), full-width Latin
 * letters, spaces typed between Han and Latin (`Docker 与 Hyper`) or taken out again, line breaks
 * in the markdown. Normalised text folds all of that, and every normalised character remembers
 * the span of the original it came from, so a match found here maps back to DOM offsets.
 *
 * Rules: full-width forms U+FF01-FF5E become ASCII; 、。“”‘’ become , . " '; zero-width
 * characters and soft hyphens vanish; a run of whitespace becomes one space between two letters
 * or digits of spaced scripts (Latin, Greek, Cyrillic...), and nothing anywhere else (next to
 * Han, kana, hangul or punctuation, and at either end).
 */

export type NormalisedText = {
  text: string;
  /** `starts[i]`: where normalised character i begins in the original text. */
  starts: Uint32Array;
  /** `ends[i]`: where normalised character i ends in the original text. */
  ends: Uint32Array;
};

const DROPPED = -1;
const SPACE = 0x20;

function fold(code: number): number {
  if (code >= 0xff01 && code <= 0xff5e) return code - 0xfee0;
  switch (code) {
    case 0x3001: // 、
      return 0x2c;
    case 0x3002: // 。
      return 0x2e;
    case 0x201c:
    case 0x201d:
    case 0x201e:
    case 0x201f:
      return 0x22;
    case 0x2018:
    case 0x2019:
    case 0x201a:
    case 0x201b:
      return 0x27;
    case 0x00ad:
    case 0x200b:
    case 0x200c:
    case 0x200d:
    case 0x2060:
    case 0xfeff:
      return DROPPED;
    default:
      return code;
  }
}

const WHITESPACE = /\s/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;
const UNSPACED_SCRIPT = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}\p{scx=Bopomofo}]/u;

/** Per BMP code unit: 0 not yet known, 1 whitespace, 2 letter or digit of a spaced script, 3 other. */
const classes = new Uint8Array(0x10000);
const WHITE = 1;
const SPACED_WORD = 2;
const OTHER = 3;

function classify(codePoint: number): number {
  if (codePoint < 0) return OTHER;
  const known = codePoint < 0x10000 ? classes[codePoint] : 0;
  if (known) return known;
  const char = String.fromCodePoint(codePoint);
  const found = WHITESPACE.test(char) ? WHITE : LETTER_OR_DIGIT.test(char) && !UNSPACED_SCRIPT.test(char) ? SPACED_WORD : OTHER;
  if (codePoint < 0x10000) classes[codePoint] = found;
  return found;
}

const NO_MAP = new Uint32Array(0);

function run(source: string, withMap: boolean): NormalisedText {
  // Normalising never lengthens a text: a space is only written for a run of whitespace.
  const units = new Uint16Array(source.length);
  const starts = withMap ? new Uint32Array(source.length) : NO_MAP;
  const ends = withMap ? new Uint32Array(source.length) : NO_MAP;
  let length = 0;
  const write = (unit: number, from: number, to: number) => {
    if (withMap) {
      starts[length] = from;
      ends[length] = to;
    }
    units[length] = unit;
    length += 1;
  };
  let previousSpaced = false;
  let gapStart = -1;
  let gapEnd = -1;
  for (let index = 0; index < source.length; ) {
    const unit = source.charCodeAt(index);
    const codePoint = unit >= 0xd800 && unit <= 0xdbff ? (source.codePointAt(index) ?? unit) : unit;
    const next = codePoint > 0xffff ? index + 2 : index + 1;
    const folded = fold(codePoint);
    const kind = classify(folded);
    if (kind === WHITE) {
      if (length > 0) {
        if (gapStart < 0) gapStart = index;
        gapEnd = next;
      }
    } else if (folded !== DROPPED) {
      const spaced = kind === SPACED_WORD;
      if (gapStart >= 0 && previousSpaced && spaced) write(SPACE, gapStart, gapEnd);
      gapStart = -1;
      previousSpaced = spaced;
      if (folded > 0xffff) {
        // Folding maps nothing above the BMP: the surrogate pair is copied as it is.
        write(unit, index, next);
        write(source.charCodeAt(index + 1), index, next);
      } else {
        write(folded, index, next);
      }
    }
    index = next;
  }
  return { text: fromCharCodes(units.subarray(0, length)), starts: starts.slice(0, withMap ? length : 0), ends: ends.slice(0, withMap ? length : 0) };
}

/** Normalises `source`, keeping the offset map back to it. */
export function normaliseText(source: string): NormalisedText {
  return run(source, true);
}

/** The normalised form of `source` alone, for quotes and contexts. */
export function normalise(source: string): string {
  return run(source, false).text;
}

function fromCharCodes(units: Uint16Array): string {
  let text = '';
  // Passing a long array in one call could exceed the engine's argument limit.
  for (let from = 0; from < units.length; from += 8192) text += String.fromCharCode(...units.subarray(from, from + 8192));
  return text;
}

/** The original span of normalised characters `[start, end)`. */
export function originalSpan(normalised: NormalisedText, start: number, end: number): { start: number; end: number } {
  return { start: normalised.starts[start] ?? 0, end: normalised.ends[end - 1] ?? 0 };
}

/**
 * The normalised characters that lie wholly inside the original span `[start, end)`, or null
 * when there are none.
 */
export function normalisedSpan(normalised: NormalisedText, start: number, end: number): { start: number; end: number } | null {
  const from = firstAtOrAfter(normalised.starts, start);
  const to = firstAtOrAfter(normalised.ends, end + 1);
  return from < to ? { start: from, end: to } : null;
}

function firstAtOrAfter(values: Uint32Array, wanted: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((values[middle] ?? 0) < wanted) low = middle + 1;
    else high = middle;
  }
  return low;
}
