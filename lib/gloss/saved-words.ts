/**
 * The reader's saved words: kept in the browser (localStorage), exported as a tab-separated file
 * that Anki imports as notes (Chinese, Pinyin, Meaning). Pure and client-safe.
 */
// zod/mini: the same checks as zod at a fraction of the bytes, since this ships to the browser.
import * as z from 'zod/mini';

export const savedWordsKey = 'duizhao:saved-words';

const savedWordSchema = z.object({
  word: z.string().check(z.minLength(1)),
  pinyin: z.string(),
  sense: z.string(),
  slug: z.string(),
  savedAt: z.string(),
});

export type SavedWord = z.infer<typeof savedWordSchema>;

/** Reads what was stored; anything unreadable counts as nothing saved rather than an error. */
export function parseSavedWords(stored: string | null): SavedWord[] {
  if (!stored) return [];
  try {
    const parsed = z.array(savedWordSchema).safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

export function withSavedWord(list: SavedWord[], entry: SavedWord): SavedWord[] {
  return list.some((saved) => saved.word === entry.word) ? list : [...list, entry];
}

export function withoutSavedWord(list: SavedWord[], word: string): SavedWord[] {
  return list.filter((saved) => saved.word !== word);
}

/** A field may not contain the separator or a line break; Anki would split the note. */
const field = (value: string) => value.replace(/[\t\r\n]+/g, ' ').trim();

/** Anki's plain-text import: header lines name the separator and columns, then one note a line. */
export function toAnkiTsv(list: SavedWord[]): string {
  const header = ['#separator:tab', '#html:false', '#columns:Chinese\tPinyin\tMeaning\tTags'];
  const rows = list.map((saved) => [saved.word, saved.pinyin, saved.sense, `duizhao ${saved.slug}`].map(field).join('\t'));
  return `${[...header, ...rows].join('\n')}\n`;
}
