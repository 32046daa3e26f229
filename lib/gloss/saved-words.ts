/**
 * The reader's saved words: kept in the browser (localStorage), exported as a tab-separated file
 * that Anki imports as notes (Chinese, Pinyin, Meaning). Pure and client-safe.
 */
export const savedWordsKey = 'duizhao:saved-words';

export type SavedWord = { word: string; pinyin: string; sense: string; slug: string; savedAt: string };

/**
 * A stored entry, checked by hand rather than with zod: the word help reads the list the moment
 * the page runs (a save must never write over a list not yet read), and zod is not in the page's
 * first load. Only the five fields are kept, as a schema would.
 */
function savedWordOf(item: unknown): SavedWord | null {
  if (typeof item !== 'object' || item === null) return null;
  const text = (key: keyof SavedWord): string | null => {
    const value: unknown = Reflect.get(item, key);
    return typeof value === 'string' ? value : null;
  };
  const [word, pinyin, sense, slug, savedAt] = [text('word'), text('pinyin'), text('sense'), text('slug'), text('savedAt')];
  if (!word || pinyin === null || sense === null || slug === null || savedAt === null) return null;
  return { word, pinyin, sense, slug, savedAt };
}

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
    const entry = savedWordOf(item);
    return entry ? [entry] : [];
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
