/**
 * Jekyll's `_posts/` file naming (`YYYY-MM-DD-title.md`): the date, Jekyll's slug, and the
 * URL-safe slug a post gets here. (Permalinks: jekyll-url.test.ts.)
 */
import { describe, expect, test } from 'vitest';
import { isPostFile, parsePostFileName } from './post-file';

describe('parsePostFileName', () => {
  test('splits a Jekyll post name into stem, date and slug', () => {
    expect(parsePostFileName('2016-05-20-docker-and-hyper.md')).toEqual({
      stem: '2016-05-20-docker-and-hyper',
      date: '2016-05-20',
      fileSlug: 'docker-and-hyper',
      slug: 'docker-and-hyper',
    });
  });

  test('accepts the .markdown extension and CJK slugs', () => {
    expect(parsePostFileName('2020-01-05-读书笔记.markdown')).toMatchObject({ stem: '2020-01-05-读书笔记', date: '2020-01-05', slug: '读书笔记' });
  });

  test('a name Jekyll accepts but a URL segment would not keeps its Jekyll slug and gets a safe one', () => {
    expect(parsePostFileName('2016-05-20-has space & more.md')).toMatchObject({ fileSlug: 'has space & more', slug: 'has-space-more' });
  });

  test.each([
    ['docker.md', 'no date'],
    ['2016-02-30-x.md', 'an impossible day'],
    ['2016-13-01-x.md', 'an impossible month'],
    ['2016-05-20-.md', 'an empty slug'],
    ['2016-05-20-docker.txt', 'not markdown'],
    ['2016-05-20-&&.md', 'no letter or digit'],
  ])('%s (%s) throws naming the file', (fileName) => {
    expect(() => parsePostFileName(fileName)).toThrow(fileName);
  });
});

describe('isPostFile', () => {
  test('takes markdown files and skips hidden and other files', () => {
    expect(['a.md', 'b.markdown', '.c.md', 'd.txt', 'e.md.bak'].filter(isPostFile)).toEqual(['a.md', 'b.markdown']);
  });
});
