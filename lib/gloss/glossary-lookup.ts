/**
 * Looking a word up in a post's glossary (glossary-types.ts). Pure, client-safe, and apart from
 * the glossary's schema, so the word help can look words up without zod in the page's first load:
 * it loads the schema with the glossary itself.
 */
import type { Glossary, GlossaryEntry } from './glossary-types';

export function lookupGlossary(glossary: Glossary, word: string): GlossaryEntry | null {
  return Object.hasOwn(glossary.words, word) ? (glossary.words[word] ?? null) : null;
}
