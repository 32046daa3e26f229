/**
 * The URL builder against the real Jekyll: test/baselines/jekyll-urls/urls.json holds the URLs
 * Jekyll 4.3 gave the posts in test/fixtures/url-posts/ under each permalink style and a few
 * custom patterns (scripts/jekyll-url-baselines.sh).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { readPostSource } from './post-source';
import { escapePath, jekyllCategories, postUrl, slugify, titleFromSlug } from './jekyll-url';
import { parseSiteConfig } from './site-config';

const root = path.join(import.meta.dirname, '..', '..');
const postsDir = path.join(root, 'test', 'fixtures', 'url-posts');
const baselines = JSON.parse(readFileSync(path.join(root, 'test', 'baselines', 'jekyll-urls', 'urls.json'), 'utf8')) as Record<string, Record<string, string>>;
const fileNames = readdirSync(postsDir).filter((name) => name.endsWith('.md'));

describe.each(Object.keys(baselines))('under permalink %s', (setting) => {
  test.each(fileNames)('%s gets the URL Jekyll gave it', (fileName) => {
    const { config } = parseSiteConfig(`permalink: "${setting}"`);
    const source = readPostSource(fileName, readFileSync(path.join(postsDir, fileName), 'utf8'), config);
    expect(source.meta.permalink).toBe(baselines[setting]?.[fileName]);
  });
});

describe('the pieces', () => {
  test('every fixture post has a baseline under every setting', () => {
    for (const urls of Object.values(baselines)) expect(Object.keys(urls).sort()).toEqual([...fileNames].sort());
  });

  test('categories: a string is split, `category` is taken whole, repeats are dropped', () => {
    expect(jekyllCategories({ categories: 'Tech Notes' })).toEqual(['Tech', 'Notes']);
    expect(jekyllCategories({ category: 'edge case' })).toEqual(['edge case']);
    expect(jekyllCategories({ categories: ['a', 'b'], category: 'a' })).toEqual(['a', 'b']);
    expect(jekyllCategories({})).toEqual([]);
  });

  test('slugify keeps CJK and, in pretty mode, the URL-safe symbols', () => {
    expect(slugify('My Own Slug!', 'pretty', true)).toBe('My-Own-Slug!');
    expect(slugify('My Own Slug!', 'default', false)).toBe('my-own-slug');
    expect(slugify('读书 笔记', 'default', false)).toBe('读书-笔记');
  });

  test('escapePath percent-encodes spaces and CJK, keeps sub-delims', () => {
    expect(escapePath('edge case')).toBe('edge%20case');
    expect(escapePath('q&a/c++')).toBe('q&a/c++');
    expect(escapePath('随笔')).toBe('%E9%9A%8F%E7%AC%94');
  });

  test('a post without a title gets the one Jekyll makes from its file name', () => {
    const source = readPostSource('2014-06-01-no-title-here.md', readFileSync(path.join(postsDir, '2014-06-01-no-title-here.md'), 'utf8'));
    expect(source.meta.title).toBe('No Title Here');
  });

  test('titleFromSlug capitalises each word as Ruby does', () => {
    expect(titleFromSlug('no-title-here')).toBe('No Title Here');
    expect(titleFromSlug('hello-WORLD')).toBe('Hello World');
    expect(titleFromSlug('读书笔记')).toBe('读书笔记');
  });

  test('an unknown placeholder is refused, naming it', () => {
    expect(() => postUrl('/:year/:nonsense/', { date: '2020-01-01', slug: 'x', categories: [] })).toThrow(':nonsense');
  });
});
