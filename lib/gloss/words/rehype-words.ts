/**
 * The word layer of the post body: where each Chinese word of a block starts and ends, so a reader
 * can tap it for help, and (with pinyin on) a `<ruby>` per word with its reading:
 *   <ruby class="w">虚拟机<rp>(</rp><rt ...>xūnǐjī</rt><rp>)</rp></ruby>
 * Without pinyin the text is left as it is: an element per word would be most of the page's
 * elements, for help most readers never ask for. The words' places go into the glossary the
 * browser loads on the first request for help (`onBlock`), as offsets in the block's text as notes
 * count it (lib/notes/anchoring/dom.ts: every text node, readings left out), and the browser marks
 * the words from them then (components/reading/word-spans.ts).
 * The text itself is never changed. Code, math and the like hold no words.
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import { HAN } from './segmenter';

/** Elements whose text holds no words (it still counts in the offsets). */
const VERBATIM = new Set(['code', 'pre', 'kbd', 'samp', 'script', 'style', 'math', 'svg']);
/** Elements whose text is not the block's text: a reading shown over a word. */
const NOT_TEXT = new Set(['rt', 'rp']);

export type WordLayerOptions = {
  segment: (text: string) => string[];
  /** The reading to show over a word; only called when `pinyin` is on. */
  readingOf: (word: string) => string;
  /** Each word becomes a `<ruby>` with its reading; without, the text stays as it is. */
  pinyin: boolean;
  /** Told of every word found, so the glossary covers exactly the words on the page. */
  onWord?: (word: string) => void;
  /** Told of each block's words: `[start, end, start, end, ...]` offsets in its text. */
  onBlock?: (id: string, bounds: number[]) => void;
};

function rubyOf(word: string, options: WordLayerOptions): Element {
  const reading: Element = {
    type: 'element',
    tagName: 'rt',
    properties: { lang: 'zh-Latn-pinyin', translate: 'no' },
    children: [{ type: 'text', value: options.readingOf(word) }],
  };
  const paren = (value: string): Element => ({ type: 'element', tagName: 'rp', properties: {}, children: [{ type: 'text', value }] });
  return { type: 'element', tagName: 'ruby', properties: { className: ['w'] }, children: [{ type: 'text', value: word }, paren('('), reading, paren(')')] };
}

/** The length of an element's text as the block counts it (readings left out). */
function textLength(node: ElementContent): number {
  if (node.type === 'text') return node.value.length;
  if (node.type !== 'element' || NOT_TEXT.has(node.tagName)) return 0;
  return node.children.reduce((sum, child) => sum + textLength(child), 0);
}

/**
 * Finds the words of one block, from `offset` on in its text: records their bounds and, with
 * pinyin, replaces each text node by its words' rubies and the text between. Returns the offset
 * after the node's text.
 */
function markWords(parent: Element, options: WordLayerOptions, bounds: number[], start: number): number {
  let offset = start;
  const children: ElementContent[] = [];
  for (const child of parent.children) {
    if (child.type === 'element') {
      if (!NOT_TEXT.has(child.tagName) && !VERBATIM.has(child.tagName)) offset = markWords(child, options, bounds, offset);
      else offset += textLength(child);
      children.push(child);
      continue;
    }
    if (child.type !== 'text' || !HAN.test(child.value)) {
      if (child.type === 'text') offset += child.value.length;
      children.push(child);
      continue;
    }
    let plain = '';
    for (const word of options.segment(child.value)) {
      if (HAN.test(word)) {
        bounds.push(offset, offset + word.length);
        options.onWord?.(word);
        if (options.pinyin) {
          if (plain) children.push({ type: 'text', value: plain } satisfies Text);
          plain = '';
          children.push(rubyOf(word, options));
        } else plain += word;
      } else plain += word;
      offset += word.length;
    }
    if (plain) children.push({ type: 'text', value: plain } satisfies Text);
  }
  parent.children = children;
  return offset;
}

export function rehypeWords(options: WordLayerOptions) {
  return (tree: Root) => {
    for (const block of tree.children) {
      if (block.type !== 'element' || block.properties.dataBlock === undefined) continue;
      const bounds: number[] = [];
      markWords(block, options, bounds, 0);
      options.onBlock?.(String(block.properties.dataBlock), bounds);
    }
  };
}
