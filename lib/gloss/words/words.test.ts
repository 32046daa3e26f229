/**
 * The word layer of the seed post as a reader meets it: the words the page wraps, their readings
 * and senses in the glossary word help loads, and the text itself left as it was.
 */
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, test } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import type { Element, Root, RootContent } from 'hast';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { loadPosts, type LoadedPost } from '../../content/posts';
import { rehypePlugins, remarkPlugins, remarkRehypeOptions, renderMarkdownToHtml } from '../../content/markdown';
import { glossPath, readGlossFile } from '../files';
import type { Glossary } from '../glossary-types';
import { wordLayerOptions } from './word-layer';
import type { PhraseGloss } from '../schema';
import { buildGlossary, postSegmenter, wordsOfPost } from './glossary';
import { contextualReading, markNumberedPinyin, markSyllable } from './pinyin';
import { rehypeWords, type WordLayerOptions } from './rehype-words';
import { segmenterFor } from './segmenter';

const root = path.resolve(import.meta.dirname, '../../..');
const contentDir = path.join(root, 'content/posts');

let seed: LoadedPost;
let phrases: PhraseGloss[];
let glossary: Glossary;

beforeAll(async () => {
  const found = (await loadPosts(contentDir, '')).find((post) => post.slug === 'docker-and-hyper');
  if (!found) throw new Error('seed post docker-and-hyper not found');
  seed = found;
  phrases = (await readGlossFile(glossPath(contentDir, seed.stem))).phrases;
  glossary = await buildGlossary(seed, phrases);
}, 120_000);

/** The post's HTML as the page renders it, with the word layer on top. */
async function renderWithWords(options: WordLayerOptions): Promise<string> {
  const settings = { mathjax: seed.mathjax };
  const file = await unified()
    .use(remarkParse)
    .use(remarkPlugins(settings))
    .use(remarkRehype, remarkRehypeOptions)
    .use(rehypePlugins(settings))
    .use(rehypeWords, options)
    .use(rehypeStringify)
    .process(seed.markdown);
  return String(file);
}

const parse = (html: string): Root => unified().use(rehypeParse, { fragment: true }).parse(html);
const blocksOf = (tree: Root) => selectAll('[data-block]', tree).filter((node) => tree.children.includes(node));
/** The tree without the elements `drop` picks (with their content). */
function without(tree: Root, drop: (node: Element) => boolean): Root {
  const prune = <T extends RootContent>(nodes: T[]): T[] =>
    nodes.filter((node) => !(node.type === 'element' && drop(node))).map((node) => (node.type === 'element' ? { ...node, children: prune(node.children) } : node));
  return { ...tree, children: prune(tree.children) };
}
const blockTexts = (tree: Root) => blocksOf(tree).map((block) => ({ id: String(block.properties.dataBlock), text: toString(block) }));

describe('the glossary of the seed post', () => {
  test('has an entry, with a reading and a sense, for every word the page wraps', async () => {
    const { words } = await wordsOfPost(seed, postSegmenter(phrases));
    expect(words.size).toBeGreaterThan(100);
    expect(Object.keys(glossary.words).sort()).toEqual([...words].sort());
    for (const [word, entry] of Object.entries(glossary.words)) {
      expect(entry.pinyin, word).not.toBe('');
      expect(entry.sense, word).not.toBe('');
    }
    expect(glossary.license).toContain('CC-CEDICT');
  });

  test('keeps terms whole: 虚拟机, 盗梦空间, 一等公民, 操作系统 are words, not their pieces', () => {
    for (const word of ['虚拟机', '盗梦空间', '一等公民', '操作系统']) expect(glossary.words, word).toHaveProperty([word]);
    for (const piece of ['盗梦', '空间', '一等', '公民', '操作', '系统', '虚拟']) expect(glossary.words, piece).not.toHaveProperty([piece]);
    const sentence = '都给人一种盗梦空间的烧脑感，Pod是一等公民，在虚拟机里运行操作系统';
    const cut = segmenterFor([])(sentence);
    expect(cut.join('')).toBe(sentence);
    expect(cut).toEqual(expect.arrayContaining(['盗梦空间', '烧脑', '一等公民', '虚拟机', '操作系统']));
    expect(cut).not.toContain('盗梦');
    expect(cut).not.toContain('空间');
  });

  test('reads polyphones as they are read here: 只要 zhǐyào, 还有 háiyǒu', () => {
    expect(seed.markdown).toContain('只要');
    expect(seed.markdown).toContain('还有');
    expect(glossary.words['只要']?.pinyin).toBe('zhǐyào');
    expect(glossary.words['还有']?.pinyin).toBe('háiyǒu');
  });

  test('a curated phrase wins over the dictionary, with the author’s sense and note', () => {
    const phrase = phrases.find((each) => each.zh === '作死');
    expect(phrase).toBeDefined();
    expect(glossary.words['作死']).toEqual({ pinyin: 'zuòsǐ', sense: phrase?.en, source: 'curated', note: phrase?.note });
    expect(glossary.words['作死']?.note).toMatch(/Internet slang/);
    // 盗梦空间 is in CC-CEDICT too; the author's gloss is the one shown.
    expect(glossary.words['盗梦空间']).toMatchObject({ source: 'curated', sense: 'Inception (the 2010 film)' });
  });

  test('every phrase the translator glossed for the post is in word help as their gloss', () => {
    const curated = ['作死', '国际经济法', '随笔向', '似懂非懂', '盗梦空间', '烧脑', '蓝鲸', '一等公民', '毕设', '知乎', '愿原力与我同在', '分分钟', '门槛', '沾边'];
    for (const word of curated) {
      const entry = glossary.words[word];
      expect(entry, word).toMatchObject({ source: 'curated' });
      expect(entry?.sense.trim(), word).not.toBe('');
      // The sense shown is the one in the gloss file, not the dictionary's.
      expect(entry?.sense, word).toBe(phrases.find((phrase) => phrase.zh === word)?.en);
    }
    expect(glossary.words['盗梦空间']?.sense).toMatch(/Inception/);
    expect(glossary.words['蓝鲸']?.sense).toMatch(/Docker/);
    expect(glossary.words['蓝鲸']?.note).toMatch(/logo is a cute blue whale/);
    expect(glossary.words['愿原力与我同在']?.sense).toMatch(/^May the Force be with/);
  });

  test('a word the author did not gloss comes from the dictionary', () => {
    expect(glossary.words['虚拟机']).toEqual({ pinyin: 'xūnǐjī', sense: 'virtual machine', source: 'dictionary' });
    expect(glossary.words['操作系统']).toMatchObject({ pinyin: 'cāozuòxìtǒng', source: 'dictionary' });
    expect(glossary.words['操作系统']?.sense).toContain('operating system');
  });

  test('a word the dictionary does not know is explained piece by piece', () => {
    const pieces = Object.entries(glossary.words).filter(([, entry]) => entry.source === 'pieces');
    expect(pieces.length).toBeGreaterThan(0);
    for (const [word, entry] of pieces) expect(entry.sense, word).toMatch(/^\S+ \S+: /);
  });

  test('is small enough to load on first use: at most 40 KB gzipped', () => {
    expect(gzipSync(JSON.stringify(glossary)).length).toBeLessThanOrEqual(40 * 1024);
  });
});

describe('pinyin with tone marks', () => {
  test('CC-CEDICT’s numbered syllables become marked and joined', () => {
    expect(markNumberedPinyin('xu1 ni3 ji1')).toBe('xūnǐjī');
    expect(markNumberedPinyin('cao1 zuo4 xi4 tong3')).toBe('cāozuòxìtǒng');
  });

  test.each([
    ['lu:4', 'lǜ'],
    ['nv3', 'nǚ'],
    ['gui4', 'guì'],
    ['liu2', 'liú'],
    ['zhong1', 'zhōng'],
    ['de5', 'de'],
    ['xue2', 'xué'],
    ['nu:e4', 'nüè'],
    ['hao3', 'hǎo'],
    ['gou3', 'gǒu'],
  ])('%s -> %s', (numbered, marked) => {
    expect(markSyllable(numbered)).toBe(marked);
  });

  test('pinyin-pro reads a word with its syllables joined', () => {
    expect(contextualReading('虚拟机')).toBe('xūnǐjī');
  });
});

describe('the word layer on the page', () => {
  test('without pinyin, the page carries the text alone, and the glossary places every word in it', async () => {
    const plain = parse((await renderMarkdownToHtml(seed.markdown, { mathjax: seed.mathjax })).html);
    const page = parse(await renderWithWords(wordLayerOptions({ glossary, phrases }, false)));
    expect(blockTexts(plain).map((each) => each.id)).toEqual(seed.blocks.map((block) => block.id));
    expect(blockTexts(page)).toEqual(blockTexts(plain));
    expect(selectAll('.w', page)).toEqual([]);

    // Each block's words, cut out of its text at the glossary's offsets.
    const placed = blockTexts(page).flatMap(({ id, text }) => {
      const bounds = glossary.blocks[id] ?? [];
      expect(bounds.length % 2, id).toBe(0);
      return Array.from({ length: bounds.length / 2 }, (_, pair) => text.slice(bounds[2 * pair], bounds[2 * pair + 1]));
    });
    expect(placed.length).toBeGreaterThan(300);
    // Every word a reader can tap has help in the glossary, and every glossary word is on the page.
    for (const word of placed) expect(glossary.words, word).toHaveProperty([word]);
    expect(new Set(placed)).toEqual(new Set(Object.keys(glossary.words)));
    expect(placed).toEqual(expect.arrayContaining(['虚拟机', '盗梦空间', '作死']));
    // The words are the ones pinyin marks, in the same order.
    const rubies = selectAll('ruby.w', parse(await renderWithWords(wordLayerOptions({ glossary, phrases }, true))));
    expect(rubies.map((ruby) => (ruby.children[0]?.type === 'text' ? ruby.children[0].value : ''))).toEqual(placed);
    // English and code hold no words.
    expect(glossary.blocks['hyper-q1']).toBeUndefined();
  });

  test('with pinyin on, each word is ruby with a reading marked as pinyin and not for translation', async () => {
    const plain = parse((await renderMarkdownToHtml(seed.markdown, { mathjax: seed.mathjax })).html);
    const wrapped = parse(await renderWithWords(wordLayerOptions({ glossary, phrases }, true)));
    const rubies = selectAll('ruby.w', wrapped);
    expect(rubies.length).toBeGreaterThan(300);
    for (const ruby of rubies) {
      const readings = selectAll('rt', ruby);
      expect(readings).toHaveLength(1);
      expect(readings[0]?.properties).toMatchObject({ lang: 'zh-Latn-pinyin', translate: 'no' });
      expect(selectAll('rp', ruby).map((rp) => toString(rp))).toEqual(['(', ')']);
    }
    /** The reading shown over the first occurrence of a word. */
    const readingOf = (word: string) => {
      const ruby = rubies.find((each) => each.children[0]?.type === 'text' && each.children[0].value === word);
      const rt = ruby && selectAll('rt', ruby)[0];
      return rt ? toString(rt) : undefined;
    };
    expect(readingOf('还有')).toBe('háiyǒu');
    expect(readingOf('虚拟机')).toBe('xūnǐjī');
    expect(readingOf('作死')).toBe('zuòsǐ');

    // Without the readings, the text is the original.
    expect(blockTexts(wrapped)).not.toEqual(blockTexts(plain));
    expect(blockTexts(without(wrapped, (node) => node.tagName === 'rt' || node.tagName === 'rp'))).toEqual(blockTexts(plain));
  });
});

// Each post's phrases make their own segmenter, so build order cannot change a page's words.
describe('two posts in one build', () => {
  test('a post’s page is cut into exactly its own glossary’s words, whatever was built before', async () => {
    const fixture = (await loadPosts(path.join(root, 'test/fixtures/gloss'), ''))[0];
    if (!fixture) throw new Error('fixture post not found');
    expect(fixture.markdown).toContain('我们去公园散步');
    const own = await buildGlossary(fixture, []);
    await buildGlossary({ markdown: '周末我们去公园散步吧。', mathjax: false }, [
      { zh: '去公园散步', pinyin: 'qù gōng yuán sàn bù', en: 'to go for a walk in the park', note: null },
    ]);
    const onPage = (await wordsOfPost(fixture, postSegmenter([]))).words;
    expect([...onPage].filter((word) => !Object.hasOwn(own.words, word))).toEqual([]);
  });
});
