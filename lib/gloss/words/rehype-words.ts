/**
 * The word layer of the post body: every Chinese word inside a block becomes an element, so a
 * reader can tap it for help, and (with pinyin on) a `<ruby>` with its reading:
 *   <span class="w">虚拟机</span>   or   <ruby class="w">虚拟机<rp>(</rp><rt ...>xūnǐjī</rt><rp>)</rp></ruby>
 * The text itself is unchanged: only wrapped. Code, math and the like are left alone.
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { HAN } from './segmenter';

const VERBATIM = new Set(['code', 'pre', 'kbd', 'samp', 'script', 'style', 'math', 'svg', 'rt', 'rp']);

export type WordLayerOptions = {
  segment: (text: string) => string[];
  /** The reading to show over a word; only called when `pinyin` is on. */
  readingOf: (word: string) => string;
  pinyin: boolean;
  /** Told of every word wrapped, so the glossary covers exactly the words on the page. */
  onWord?: (word: string) => void;
};

function wordElement(word: string, options: WordLayerOptions): Element {
  const text: Text = { type: 'text', value: word };
  if (!options.pinyin) return { type: 'element', tagName: 'span', properties: { className: ['w'] }, children: [text] };
  const reading: Element = {
    type: 'element',
    tagName: 'rt',
    properties: { lang: 'zh-Latn-pinyin', translate: 'no' },
    children: [{ type: 'text', value: options.readingOf(word) }],
  };
  const paren = (value: string): Element => ({ type: 'element', tagName: 'rp', properties: {}, children: [{ type: 'text', value }] });
  return { type: 'element', tagName: 'ruby', properties: { className: ['w'] }, children: [text, paren('('), reading, paren(')')] };
}

function wrapWords(value: string, options: WordLayerOptions): ElementContent[] {
  const pieces: ElementContent[] = [];
  let plain = '';
  for (const word of options.segment(value)) {
    if (!HAN.test(word)) {
      plain += word;
      continue;
    }
    if (plain) pieces.push({ type: 'text', value: plain });
    plain = '';
    options.onWord?.(word);
    pieces.push(wordElement(word, options));
  }
  if (plain) pieces.push({ type: 'text', value: plain });
  return pieces;
}

export function rehypeWords(options: WordLayerOptions) {
  return (tree: Root) => {
    for (const block of tree.children) {
      if (block.type !== 'element' || block.properties.dataBlock === undefined) continue;
      visit(block, (node, index, parent) => {
        if (node.type === 'element' && VERBATIM.has(node.tagName)) return SKIP;
        if (node.type !== 'text' || !parent || index === undefined || !HAN.test(node.value)) return undefined;
        const pieces = wrapWords(node.value, options);
        parent.children.splice(index, 1, ...pieces);
        return [SKIP, index + pieces.length];
      });
    }
  };
}
