/**
 * The reader's saved words: kept in the browser (localStorage), exported as a tab-separated file
 * that Anki imports as notes (Chinese, Pinyin, Meaning). Pure and client-safe.
 */
// zod/mini: the same checks as zod at a fraction of the bytes, since this ships to the browser.
import * as z from '../browser-zod';

export const savedWordsKey = 'duizhao:saved-words';

const savedWordSchema = z.object({
  word: z.string().check(z.minLength(1)),
  pinyin: z.string(),
  sense: z.string(),
  slug: z.string(),
  savedAt: z.string(),
});

export type SavedWord = z.infer<typeof savedWordSchema>;

/**
 * Reads what was stored, keeping every entry that is still well formed: one damaged entry must not
 * cost the reader the rest of their list (which the next save would write back).
 */
export function parseSavedWords(stored: string | null): SavedWord[] {
  if (!stored) return [];
  let data: unknown;
  try {
    data = JSON.parse(stored);
  } catch {
    return [];
  }
  if (!Array.isArray(data)) return [];
  return data.flatMap((item: unknown) => {
    const parsed = savedWordSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

export function withSavedWord(list: SavedWord[], entry: SavedWord): SavedWord[] {
  return list.some((saved) => saved.word === entry.word) ? list : [...list, entry];
}

export function withoutSavedWord(list: SavedWord[], word: string): SavedWord[] {
  return list.filter((saved) => saved.word !== word);
}

/**
 * A field may not contain the separator or a line break (Anki would split the note), and one that
 * contains a double quote is quoted, with the quote doubled, as Anki's importer reads quoted fields.
 */
function field(value: string): string {
  const flat = value.replace(/[\t\r\n]+/g, ' ').trim();
  return flat.includes('"') ? `"${flat.replace(/"/g, '""')}"` : flat;
}

/** Anki's plain-text import: header lines name the separator and columns, then one note a line. */
export function toAnkiTsv(list: SavedWord[]): string {
  const header = ['#separator:tab', '#html:false', '#columns:Chinese\tPinyin\tMeaning\tTags'];
  const rows = list.map((saved) => [saved.word, saved.pinyin, saved.sense, `duizhao ${saved.slug}`].map(field).join('\t'));
  return `${[...header, ...rows].join('\n')}\n`;
}
