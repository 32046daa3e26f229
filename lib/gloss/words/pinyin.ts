/**
 * Pinyin for a word: CC-CEDICT's reading when the dictionary knows only one, else the reading
 * pinyin-pro picks for the word (it resolves polyphones such as 还 in 还有 háiyǒu), written with
 * tone marks and the syllables of a word joined, as in 只要 zhǐyào.
 */
import { pinyin } from 'pinyin-pro';

const TONED: Record<string, string[]> = {
  a: ['ā', 'á', 'ǎ', 'à', 'a'],
  e: ['ē', 'é', 'ě', 'è', 'e'],
  i: ['ī', 'í', 'ǐ', 'ì', 'i'],
  o: ['ō', 'ó', 'ǒ', 'ò', 'o'],
  u: ['ū', 'ú', 'ǔ', 'ù', 'u'],
  ü: ['ǖ', 'ǘ', 'ǚ', 'ǜ', 'ü'],
};

/** `lu:4` / `nv3` / `xue2` -> `lǜ` / `nǚ` / `xué`: the mark goes on a or e, else the o of ou, else the last vowel. */
export function markSyllable(numbered: string): string {
  const match = /^([a-zü:v]+?)([1-5])?$/i.exec(numbered.trim());
  if (!match?.[1]) return numbered;
  const letters = match[1].replace(/u:|v/gi, 'ü');
  const tone = Number(match[2] ?? 5) - 1;
  const lower = letters.toLowerCase();
  const at = lower.search(/[ae]/) >= 0 ? lower.search(/[ae]/) : lower.includes('ou') ? lower.indexOf('o') : lower.search(/[iouü][^iouü]*$/);
  if (at < 0) return letters;
  const vowel = lower[at] ?? '';
  const marked = TONED[vowel]?.[tone] ?? vowel;
  return letters.slice(0, at) + marked + letters.slice(at + 1);
}

/** CC-CEDICT's `xu1 ni3 ji1` as `xūnǐjī`. */
export function markNumberedPinyin(numbered: string): string {
  return numbered
    .split(/\s+/)
    .filter(Boolean)
    .map(markSyllable)
    .join('');
}

/** pinyin-pro's reading of a word, syllables joined. */
export function contextualReading(word: string): string {
  return pinyin(word, { type: 'array', toneType: 'symbol', nonZh: 'removed' }).join('');
}
