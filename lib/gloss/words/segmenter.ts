/**
 * Chinese word segmentation (jieba) with a small user dictionary of terms the general dictionary
 * splits (盗梦空间, 一等公民, 虚拟机...) plus, per post, every curated phrase, so a phrase the author
 * glossed is always one word on the page.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';

const USER_DICT = path.join(process.cwd(), 'lib', 'gloss', 'words', 'user-dict.txt');

let jieba: Jieba | null = null;
const known = new Set<string>();

function instance(): Jieba {
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    jieba.loadDict(readFileSync(USER_DICT));
  }
  return jieba;
}

/** Makes sure each phrase is segmented as one word from now on. */
export function addWords(words: Iterable<string>): void {
  const fresh = [...words].filter((word) => !known.has(word) && /\p{Script=Han}/u.test(word));
  if (fresh.length === 0) return;
  instance().loadDict(Buffer.from(fresh.map((word) => `${word} 3000 n\n`).join('')));
  for (const word of fresh) known.add(word);
}

/** Splits text into words and the runs between them; joining the result gives the text back. */
export function segment(text: string): string[] {
  return instance().cut(text, true);
}

export const HAN = /\p{Script=Han}/u;
