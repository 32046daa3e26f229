/**
 * The glossary of one post: every word of the page, with its reading and the sense that fits, and
 * where each block's words are (the browser marks them from these when help is first asked for).
 * A curated phrase gloss wins; else CC-CEDICT; else the word is read piece by piece (the longest
 * dictionary words it contains, down to single characters). Built at build time; the browser
 * loads it only when the reader first asks for word help.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { rehypePlugins, remarkPlugins, remarkRehypeOptions } from '../../content/markdown';
import type { Post } from '../../content/types';
import type { PhraseGloss } from '../schema';
import type { Glossary, GlossaryEntry } from '../glossary-types';
import { loadDictionary, senseFor } from './dictionary';
import { contextualReading } from './pinyin';
import { rehypeWords } from './rehype-words';
import { segmenterFor, type Segmenter } from './segmenter';

const LONGEST_WORD = 8;

/** Splits an unknown word into the longest dictionary words it contains. */
function piecewise(word: string): GlossaryEntry {
  const chars = Array.from(word);
  const parts: Array<{ text: string; pinyin: string; sense: string }> = [];
  for (let start = 0; start < chars.length; ) {
    let length = Math.min(LONGEST_WORD, chars.length - start);
    let found: ReturnType<typeof senseFor> = null;
    for (; length > 1 && !found; length -= found ? 0 : 1) found = senseFor(chars.slice(start, start + length).join(''));
    const text = chars.slice(start, start + Math.max(length, 1)).join('');
    const entry = found ?? senseFor(text);
    parts.push({ text, pinyin: entry?.pinyin ?? contextualReading(text), sense: entry?.sense ?? '' });
    start += Math.max(length, 1);
  }
  return {
    pinyin: parts.map((part) => part.pinyin).join(''),
    sense: parts.map((part) => `${part.text} ${part.pinyin}: ${part.sense || '—'}`).join(' · '),
    source: 'pieces',
  };
}

export function glossaryEntry(word: string, phrases: ReadonlyMap<string, PhraseGloss>): GlossaryEntry {
  const phrase = phrases.get(word);
  if (phrase) return { pinyin: phrase.pinyin.replace(/\s+/g, ''), sense: phrase.en, source: 'curated', ...(phrase.note ? { note: phrase.note } : {}) };
  const known = senseFor(word);
  if (known) return { ...known, source: 'dictionary' };
  return piecewise(word);
}

/**
 * The words of a post's page, found by running the word layer over the post: each distinct word,
 * and each block's words as offsets in its text (see rehype-words.ts).
 */
export async function wordsOfPost(post: Pick<Post, 'markdown' | 'mathjax'>, segment: Segmenter): Promise<{ words: Set<string>; blocks: Record<string, number[]> }> {
  const words = new Set<string>();
  const blocks: Record<string, number[]> = {};
  const options = { mathjax: post.mathjax };
  const processor = unified()
    .use(remarkParse)
    .use(remarkPlugins(options))
    .use(remarkRehype, remarkRehypeOptions)
    .use(rehypePlugins(options))
    .use(rehypeWords, {
      segment,
      readingOf: () => '',
      pinyin: false,
      onWord: (word: string) => words.add(word),
      onBlock: (id: string, bounds: number[]) => {
        if (bounds.length) blocks[id] = bounds;
      },
    });
  processor.runSync(processor.parse(post.markdown));
  return { words, blocks };
}

/** The segmenter for a post: the general dictionary plus the post's own curated phrases. */
export function postSegmenter(phrases: readonly PhraseGloss[]): Segmenter {
  return segmenterFor(phrases.map((phrase) => phrase.zh));
}

export async function buildGlossary(post: Pick<Post, 'markdown' | 'mathjax'>, phrases: PhraseGloss[]): Promise<Glossary> {
  const byWord = new Map(phrases.map((phrase) => [phrase.zh, phrase]));
  const found = await wordsOfPost(post, postSegmenter(phrases));
  const words = [...found.words].sort();
  await loadDictionary();
  return {
    license: 'Senses and readings from CC-CEDICT (CC BY-SA 4.0, https://cc-cedict.org/); curated glosses by the post’s translators. This glossary is licensed CC BY-SA 4.0.',
    words: Object.fromEntries(words.map((word) => [word, glossaryEntry(word, byWord)])),
    blocks: found.blocks,
  };
}
