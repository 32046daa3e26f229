/**
 * Jekyll's `_posts/` file naming (`YYYY-MM-DD-slug.md`) and its default permalink, which old
 * links to the blog depend on.
 */
import { describe, expect, test } from 'vitest';
import { isPostFile, jekyllPermalink, parsePostFileName } from './post-file';

describe('parsePostFileName', () => {
  test('splits a Jekyll post name into stem, date and slug', () => {
    expect(parsePostFileName('2016-05-20-docker-and-hyper.md')).toEqual({
      stem: '2016-05-20-docker-and-hyper',
      date: '2016-05-20',
      slug: 'docker-and-hyper',
    });
  });

  test('accepts the .markdown extension and CJK slugs', () => {
    expect(parsePostFileName('2020-01-05-读书笔记.markdown')).toEqual({ stem: '2020-01-05-读书笔记', date: '2020-01-05', slug: '读书笔记' });
  });

  test.each([
    ['docker.md', 'no date'],
    ['2016-02-30-x.md', 'an impossible day'],
    ['2016-13-01-x.md', 'an impossible month'],
    ['2016-05-20-.md', 'an empty slug'],
    ['2016-05-20-docker.txt', 'not markdown'],
    ['2016-05-20-has space.md', 'a space in the slug'],
  ])('%s (%s) throws naming the file', (fileName) => {
    expect(() => parsePostFileName(fileName)).toThrow(fileName);
  });
});

describe('isPostFile', () => {
  test('takes markdown files and skips hidden and other files', () => {
    expect(['a.md', 'b.markdown', '.c.md', 'd.txt', 'e.md.bak'].filter(isPostFile)).toEqual(['a.md', 'b.markdown']);
  });
});

describe('jekyllPermalink', () => {
  test('without categories is /year/month/day/slug.html', () => {
    expect(jekyllPermalink('2016-05-20', 'docker-and-hyper', [])).toBe('/2016/05/20/docker-and-hyper.html');
  });

  test('with categories puts them first, lower-cased, in order', () => {
    expect(jekyllPermalink('2020-01-05', 'x', ['Notes', 'tech'])).toBe('/notes/tech/2020/01/05/x.html');
  });

  test('a category with spaces becomes hyphenated', () => {
    expect(jekyllPermalink('2020-01-05', 'x', ['Deep Dive'])).toBe('/deep-dive/2020/01/05/x.html');
  });
});
