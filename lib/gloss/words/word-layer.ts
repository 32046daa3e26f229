/**
 * The page's word layer for a post: the rehype plugin and its options, with the post's segmenter
 * (the general dictionary plus its curated phrases) and readings. Making it loads the word
 * segmenter and the pinyin data, which a server whose post bodies were compiled by its build never
 * needs: import this module only when a body is compiled.
 */
import type { PluggableList } from 'unified';
import type { PostGloss } from '../post-gloss';
import { postSegmenter } from './glossary';
import { contextualReading } from './pinyin';
import { rehypeWords, type WordLayerOptions } from './rehype-words';

/**
 * Options for the page's word layer: the glossary's segmenter and readings, so the page is cut
 * into exactly the glossary's words, and ruby and word help agree.
 */
export function wordLayerOptions(gloss: Pick<PostGloss, 'glossary' | 'phrases'>, pinyin: boolean): WordLayerOptions {
  return {
    segment: postSegmenter(gloss.phrases),
    pinyin,
    readingOf: (word) => gloss.glossary.words[word]?.pinyin ?? contextualReading(word),
  };
}

/** The word layer as a plugin of the post body's pipeline. */
export function wordLayer(gloss: Pick<PostGloss, 'glossary' | 'phrases'>, pinyin: boolean): PluggableList {
  return [[rehypeWords, wordLayerOptions(gloss, pinyin)]];
}
