/**
 * The reading page's block wrappers as served (server-rendered, before any JavaScript): each
 * block with its English gloss, a toggle that works as a plain link, the pinyin link for readers
 * without JavaScript, and the stale note, also as a real out-of-date gloss file produces it; and
 * on the real seed post, the wrappers change no block of the post.
 */
import path from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import type { Element, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { compilePostBody } from '@/lib/content/compile';
import { getPost, loadPosts } from '@/lib/content/posts';
import { getPostGloss, type BlockEnglish } from '@/lib/gloss/post-gloss';
import type { ReadingMode } from '@/lib/gloss/reading-mode';
import type { Locale } from '@/lib/i18n/config';
import en from '@/lib/i18n/locales/en.json';
import zh from '@/lib/i18n/locales/zh.json';
import { rehypeAsyncImages } from './async-images';
import { rehypeGlossedBlocks } from './glossed-blocks';

// The last tests read the gloss fixture (test/fixtures/gloss) as the page would, from
// env.contentDir, which lib/env.ts fixes when first imported: vi.hoisted runs before the imports.
vi.hoisted(() => vi.stubEnv('CONTENT_DIR', `${import.meta.dirname}/../../test/fixtures/gloss`));
afterAll(() => vi.unstubAllEnvs());

const english = new Map<string, BlockEnglish>([
  ['top-p1', { html: 'Hello <em>there</em>', stale: false }],
  ['top-p2', { html: 'Old', stale: true }],
  ['结-p1', { html: 'May the Force be with me.', stale: false }],
]);

const parse = (html: string): Root => unified().use(rehypeParse, { fragment: true }).parse(html);
const served = (tree: Root): string => unified().use(rehypeStringify).stringify(tree);

/** Runs the wrappers over a body whose one top-level element is `tag`, and parses what is served. */
function render(locale: Locale, mode: ReadingMode, tag: string, props: { 'data-block'?: string; children: string }, glosses: ReadonlyMap<string, BlockEnglish> = english): Root {
  const id = props['data-block'];
  const body: Root = {
    type: 'root',
    children: [{ type: 'element', tagName: tag, properties: id === undefined ? {} : { dataBlock: id }, children: [{ type: 'text', value: props.children }] }],
  };
  rehypeGlossedBlocks({ locale, mode, path: `/${locale}/posts/x`, english: glosses })(body);
  return parse(served(body));
}

/** The single top-level element the markup is. */
function top(root: Root): Element {
  expect(root.children).toHaveLength(1);
  const [element] = root.children;
  if (element?.type !== 'element') throw new Error('expected one element');
  return element;
}

const one = (root: Root | Element, selector: string): Element => {
  const found = select(selector, root);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
};

describe('English reader, inline gloss', () => {
  const mode: ReadingMode = { gloss: 'inline', pinyin: false };

  test('a definition list is a glossed block like a list', () => {
    const glosses = new Map<string, BlockEnglish>([['top-dl1', { html: 'Man-month: a unit of work.', stale: false }]]);
    const wrapper = top(render('en', mode, 'dl', { 'data-block': 'top-dl1', children: '人月' }, glosses));
    expect(wrapper.properties.id).toBe('top-dl1');
    expect(toString(one(wrapper, 'dl[data-block="top-dl1"]'))).toBe('人月');
    expect(toString(one(wrapper, '#gloss-top-dl1 .gloss-text'))).toBe('Man-month: a unit of work.');
  });

  test('a translated paragraph is wrapped with its id, the Chinese, and the English under it', () => {
    const root = render('en', mode, 'p', { 'data-block': 'top-p1', children: '你好' });
    const wrapper = top(root);
    expect(wrapper.tagName).toBe('div');
    expect(wrapper.properties.className).toEqual(['blk']);
    expect(wrapper.properties.id).toBe('top-p1');
    expect(toString(one(wrapper, 'p[data-block="top-p1"]'))).toBe('你好');

    const gloss = one(wrapper, 'div.gloss');
    expect(gloss.properties).toMatchObject({ id: 'gloss-top-p1', lang: 'en', translate: 'no' });
    expect(gloss.properties.dataStale).toBeUndefined();
    const text = one(gloss, '.gloss-text');
    expect(toString(text)).toBe('Hello there');
    expect(toString(one(text, 'em'))).toBe('there');
    expect(selectAll('.gloss-stale', gloss)).toEqual([]);
  });

  test('its toggle is a link that hides the English and lands back on the block', () => {
    const root = render('en', mode, 'p', { 'data-block': 'top-p1', children: '你好' });
    const toggle = one(root, 'a.gloss-toggle');
    expect(toggle.properties).toMatchObject({
      href: '/en/posts/x?gloss=off&pinyin=0#top-p1',
      ariaExpanded: 'true',
      ariaControls: ['gloss-top-p1'],
      dataGlossToggle: 'top-p1',
    });
    expect(toString(one(toggle, '.when-open .sr-only'))).toBe(en.reading.hideBlockLabel);
    expect(toString(one(toggle, '.when-closed .sr-only'))).toBe(en.reading.showBlockLabel);
  });

  test('a block whose Chinese changed since it was translated says so, in the reader’s language', () => {
    const root = render('en', mode, 'p', { 'data-block': 'top-p2', children: '公园里的花都开了' });
    const gloss = one(root, 'div.gloss');
    expect(gloss.properties.dataStale).toBe('');
    expect(toString(one(gloss, '.gloss-text'))).toBe('Old');
    const note = one(gloss, 'p.gloss-stale');
    expect(note.properties.lang).toBe('en');
    expect(toString(note)).toBe(en.reading.stale);
    expect(toString(note)).toMatch(/translation may be out of date/);
  });

  test('a Chinese block id is kept as the id and percent-encoded in the link', () => {
    const root = render('en', mode, 'p', { 'data-block': '结-p1', children: '愿原力与我同在。' });
    expect(one(root, 'div.blk').properties.id).toBe('结-p1');
    expect(one(root, 'a.gloss-toggle').properties.href).toBe('/en/posts/x?gloss=off&pinyin=0#%E7%BB%93-p1');
  });

  test('without JavaScript, with pinyin on, the block’s pinyin link turns it off and keeps the gloss mode', () => {
    const root = render('en', { gloss: 'parallel', pinyin: true }, 'p', { 'data-block': '结-p1', children: '愿原力与我同在。' });
    const link = one(root, 'noscript > a');
    expect(link.properties.href).toBe('/en/posts/x?gloss=parallel&pinyin=0#%E7%BB%93-p1');
    expect(toString(one(link, '.sr-only'))).toBe(en.reading.hideBlockPinyinLabel);
  });

  test('a block without English is wrapped for its id but has no toggle and no gloss', () => {
    const root = render('en', mode, 'p', { 'data-block': 'top-p3', children: '回家的路上下起了小雨。' });
    const wrapper = top(root);
    expect(wrapper.properties.className).toEqual(['blk']);
    expect(wrapper.properties.id).toBe('top-p3');
    expect(selectAll('a, .gloss', root)).toEqual([]);
    expect(toString(wrapper)).toBe('回家的路上下起了小雨。');
  });

  test('a top-level element without a block id is left as it is, and nothing inside a block is wrapped', () => {
    expect(top(render('en', mode, 'div', { children: '你好' })).tagName).toBe('div');
    expect(selectAll('.blk', render('en', mode, 'div', { children: '你好' }))).toEqual([]);
    const root = render('en', mode, 'blockquote', { 'data-block': 'top-p1', children: '你好' });
    expect(selectAll('.blk', root)).toHaveLength(1);
  });

  test('the block keeps its own tag and attributes', () => {
    const root = render('en', mode, 'h2', { 'data-block': 'top-p1', children: '你好' });
    expect(one(root, 'div.blk > h2').properties.dataBlock).toBe('top-p1');
  });
});

describe('Chinese reader, gloss off', () => {
  const mode: ReadingMode = { gloss: 'off', pinyin: false };

  test('the toggle shows the English of this block, inline, and is marked collapsed', () => {
    const root = render('zh', mode, 'p', { 'data-block': 'top-p1', children: '你好' });
    const toggle = one(root, 'a.gloss-toggle');
    expect(toggle.properties.href).toBe('/zh/posts/x?gloss=inline&pinyin=0#top-p1');
    expect(toggle.properties.ariaExpanded).toBe('false');
    expect(toString(one(toggle, '.when-closed .sr-only'))).toBe(zh.reading.showBlockLabel);
    // The English is in the page all the same (CSS hides it), still marked as English.
    expect(one(root, 'div.gloss').properties.lang).toBe('en');
  });

  test('the stale note is in Chinese, marked as Chinese inside the English gloss', () => {
    const root = render('zh', mode, 'p', { 'data-block': 'top-p2', children: '公园里的花都开了' });
    const note = one(root, 'div.gloss[lang="en"] p.gloss-stale');
    expect(note.properties.lang).toBe('zh-Hans');
    expect(toString(note)).toBe(zh.reading.stale);
    expect(toString(note)).toBe('原文已修改，译文可能已过时');
  });

  test('with pinyin on, the toggle keeps it on', () => {
    const root = render('zh', { gloss: 'off', pinyin: true }, 'p', { 'data-block': 'top-p1', children: '你好' });
    expect(one(root, 'a.gloss-toggle').properties.href).toBe('/zh/posts/x?gloss=inline&pinyin=1#top-p1');
  });

  test('without JavaScript, a pinyin link beside the toggle turns pinyin on and lands back on the block', () => {
    const root = render('zh', mode, 'p', { 'data-block': 'top-p1', children: '你好' });
    // Inside <noscript>: a reader with JavaScript has the toolbar, which keeps the place itself.
    const link = one(root, 'div.blk > .blk-controls > noscript > a');
    expect(link.properties.href).toBe('/zh/posts/x?gloss=off&pinyin=1#top-p1');
    expect(toString(one(link, '[aria-hidden="true"]'))).toBe(zh.reading.showBlockPinyin);
    expect(toString(one(link, '.sr-only'))).toBe(zh.reading.showBlockPinyinLabel);
    expect(one(root, '.blk-controls > a.gloss-toggle').properties.dataGlossToggle).toBe('top-p1');
  });

  test('in parallel mode the toggle hides the gloss', () => {
    const root = render('zh', { gloss: 'parallel', pinyin: false }, 'p', { 'data-block': 'top-p1', children: '你好' });
    const toggle = one(root, 'a.gloss-toggle');
    expect(toggle.properties.href).toBe('/zh/posts/x?gloss=off&pinyin=0#top-p1');
    expect(toggle.properties.ariaExpanded).toBe('true');
  });
});

describe('a post whose gloss file predates an edit to the Chinese', () => {
  test('the edited paragraph shows its old English with the out-of-date note; the others do not', async () => {
    const post = await getPost('gloss-fixture');
    if (!post) throw new Error('fixture post gloss-fixture not found');
    const { blocks } = await getPostGloss(post);
    const mode: ReadingMode = { gloss: 'inline', pinyin: false };

    const edited = one(render('en', mode, 'p', { 'data-block': 'top-p2', children: '公园里的花都开了，红的黄的都有。' }, blocks), 'div.gloss');
    expect(edited.properties.dataStale).toBe('');
    expect(toString(one(edited, '.gloss-text'))).toBe("The flowers in the park haven't opened yet.");
    expect(toString(one(edited, 'p.gloss-stale'))).toMatch(/translation may be out of date/);

    const current = one(render('en', mode, 'p', { 'data-block': 'top-p1', children: '今天天气很好，我们去公园散步。' }, blocks), 'div.gloss');
    expect(current.properties.dataStale).toBeUndefined();
    expect(selectAll('.gloss-stale', current)).toEqual([]);
  });
});

describe('on the seed post', () => {
  test('the wrappers and images decoded apart change no block of the post', async () => {
    const post = (await loadPosts(path.resolve(import.meta.dirname, '../../content/posts'), '')).find((each) => each.slug === 'docker-and-hyper');
    if (!post) throw new Error('the seed post is missing');
    const glosses = new Map(post.blocks.map((block) => [block.id, { html: 'English', stale: false }]));
    const page = parse(
      await compilePostBody(post, [rehypeAsyncImages, [rehypeGlossedBlocks, { locale: 'en', mode: { gloss: 'inline', pinyin: false }, path: '/en/posts/x', english: glosses }]]),
    );
    const blocks = selectAll('div.blk', page).map((wrapper) => {
      const block = wrapper.children.find((child): child is Element => child.type === 'element' && child.properties.dataBlock !== undefined);
      for (const image of block ? selectAll('img', block) : []) {
        expect(image.properties.decoding).toBe('async');
        delete image.properties.decoding;
      }
      return block ? served({ type: 'root', children: [block] }) : '';
    });
    const original = selectAll('[data-block]', parse(post.html));
    expect(blocks).toEqual(original.map((block) => served({ type: 'root', children: [block] })));
    expect(selectAll('div.blk', page).map((wrapper) => wrapper.properties.id)).toEqual(post.blocks.map((block) => block.id));
    expect(selectAll('.gloss', page)).toHaveLength(post.blocks.length);
  });
});
