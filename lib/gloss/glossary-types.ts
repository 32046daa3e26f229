/**
 * The glossary a post page loads for word help, and looking a word up in it. Pure and
 * client-safe: the word-help popover imports it.
 */
export type GlossaryEntry = {
  /** Reading with tone marks, syllables of the word joined (zhǐyào). */
  pinyin: string;
  /** The sense that fits the word here. */
  sense: string;
  /** Where the sense comes from: an author's curated gloss, CC-CEDICT, or CC-CEDICT piece by piece. */
  source: 'curated' | 'dictionary' | 'pieces';
  note?: string;
};

export type Glossary = { license: string; words: Record<string, GlossaryEntry> };

export function lookupGlossary(glossary: Glossary, word: string): GlossaryEntry | null {
  return Object.hasOwn(glossary.words, word) ? (glossary.words[word] ?? null) : null;
}
