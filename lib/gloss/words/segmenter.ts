/**
 * Chinese word segmentation (jieba) with a small user dictionary of terms the general dictionary
 * splits (盗梦空间, 一等公民, 虚拟机...) plus a post's curated phrases, so a phrase the author glossed
 * is always one word on its page. Each phrase set gets its own segmenter: one post's phrases never
 * change how another post is cut, whatever order a build renders them in.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';

/** Read from the project root, where Next runs builds and scripts run. */
const USER_DICT = path.join(process.cwd(), 'lib', 'gloss', 'words', 'user-dict.txt');

export type Segmenter = (text: string) => string[];

export const HAN = /\p{Script=Han}/u;

const segmenters = new Map<string, Segmenter>();

/** A segmenter that keeps each phrase whole; joining its output gives the input back. */
export function segmenterFor(phrases: Iterable<string>): Segmenter {
  const words = [...new Set(phrases)].filter((phrase) => HAN.test(phrase)).sort();
  const key = words.join('\n');
  let segmenter = segmenters.get(key);
  if (!segmenter) {
    const jieba = Jieba.withDict(dict);
    jieba.loadDict(readFileSync(USER_DICT));
    if (words.length > 0) jieba.loadDict(Buffer.from(words.map((word) => `${word} 3000 n\n`).join('')));
    segmenter = (text) => jieba.cut(text, true);
    segmenters.set(key, segmenter);
  }
  return segmenter;
}
