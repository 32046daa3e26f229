/**
 * Saved words: what the browser stored is read back forgivingly, a word is saved once, and the
 * export is a file Anki imports as notes.
 */
import { describe, expect, test } from 'vitest';
import { parseSavedWords, toAnkiTsv, withSavedWord, withoutSavedWord, type SavedWord } from './saved-words';

const word = (overrides: Partial<SavedWord> = {}): SavedWord => ({
  word: '虚拟机',
  pinyin: 'xūnǐjī',
  sense: 'virtual machine',
  slug: 'docker-and-hyper',
  savedAt: '2024-05-01T10:00:00.000Z',
  ...overrides,
});

describe('parseSavedWords', () => {
  test('reads back what was stored', () => {
    const list = [word(), word({ word: '作死', pinyin: 'zuòsǐ', sense: 'to go looking for trouble' })];
    expect(parseSavedWords(JSON.stringify(list))).toEqual(list);
  });

  test('anything unreadable counts as nothing saved', () => {
    for (const stored of [null, '', 'not json', '{', 'null', '42', '"虚拟机"', '{}', '{"word":"虚拟机"}', '[1,2]', '[null]', '[{"word":"虚拟机"}]']) {
      expect(parseSavedWords(stored), String(stored)).toEqual([]);
    }
  });

  test('only the five fields of an entry are kept', () => {
    expect(parseSavedWords(JSON.stringify([{ ...word(), html: '<b>x</b>' }]))).toEqual([word()]);
  });

  test('one malformed entry (empty word, field of the wrong type) makes the whole stored list read as empty', () => {
    expect(parseSavedWords(JSON.stringify([word({ word: '' })]))).toEqual([]);
    expect(parseSavedWords(JSON.stringify([{ ...word(), pinyin: 3 }]))).toEqual([]);
  });
});

describe('withSavedWord / withoutSavedWord', () => {
  test('saving a word twice keeps the first one', () => {
    const first = word();
    const list = withSavedWord(withSavedWord([], first), word({ savedAt: '2024-06-01T00:00:00.000Z', slug: 'other' }));
    expect(list).toEqual([first]);
  });

  test('new words go to the end; removing one keeps the others in order', () => {
    const list = [word(), word({ word: '作死' }), word({ word: '盗梦空间' })].reduce(withSavedWord, [] as SavedWord[]);
    expect(list.map((each) => each.word)).toEqual(['虚拟机', '作死', '盗梦空间']);
    expect(withoutSavedWord(list, '作死').map((each) => each.word)).toEqual(['虚拟机', '盗梦空间']);
    expect(withoutSavedWord(list, '没有')).toEqual(list);
  });
});

describe('toAnkiTsv', () => {
  const tsv = toAnkiTsv([word(), word({ word: '作死', pinyin: 'zuòsǐ', sense: 'to go looking\tfor trouble;\nreckless\r\n', slug: 'docker-and-hyper' })]);
  const lines = tsv.split('\n');

  test('starts with the header lines Anki reads', () => {
    expect(lines.slice(0, 3)).toEqual(['#separator:tab', '#html:false', '#columns:Chinese\tPinyin\tMeaning\tTags']);
  });

  test('one note a line, four fields each, tagged with the post', () => {
    expect(tsv.endsWith('\n')).toBe(true);
    const notes = lines.slice(3, -1);
    expect(notes).toHaveLength(2);
    for (const note of notes) expect(note.split('\t')).toHaveLength(4);
    expect(notes[0]).toBe('虚拟机\txūnǐjī\tvirtual machine\tduizhao docker-and-hyper');
  });

  test('tabs and line breaks inside a field become spaces, so a note stays one line', () => {
    expect(lines[4]).toBe('作死\tzuòsǐ\tto go looking for trouble; reckless\tduizhao docker-and-hyper');
  });

  test('no words: just the header', () => {
    expect(toAnkiTsv([])).toBe('#separator:tab\n#html:false\n#columns:Chinese\tPinyin\tMeaning\tTags\n');
  });
});
