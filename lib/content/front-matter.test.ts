/**
 * Front matter as authors write it in Jekyll: what the seed post turns into, the shapes Jekyll
 * accepts (YAML dates, space-separated tags), and errors that point at the file and the key.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { afterEach, describe, expect, test } from 'vitest';
import { PostProblemError } from './content-report';
import { parseFrontMatter } from './front-matter';

const root = path.resolve(import.meta.dirname, '../..');
const SEED = '2016-05-20-docker-and-hyper.md';

/** Front matter as posts.ts reads it: gray-matter (js-yaml) over the file's text. */
const yaml = (frontMatter: string) => matter(`---\n${frontMatter}\n---\nbody\n`).data;

/** The error parseFrontMatter throws, so its message can be inspected. */
function failure(data: unknown, fileName = 'bad-post.md'): Error {
  try {
    parseFrontMatter(data, fileName);
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`parseFrontMatter threw a non-Error: ${String(error)}`);
  }
  throw new Error('parseFrontMatter accepted invalid front matter');
}

describe('the seed post front matter', () => {
  const data = matter(readFileSync(path.join(root, 'content/posts', SEED), 'utf8')).data;

  test('validates to the clean shape the pages show', () => {
    const front = parseFrontMatter(data, SEED);
    expect(front).toMatchObject({
      title: 'Docker与Hyper',
      modified: '2016-05-20',
      tags: ['docker'],
      comments: true,
      featured: true,
      mathjax: false,
      description: null,
      headline: null,
      imagefeature: null,
      category: null,
      categories: [],
      published: true,
    });
  });
});

describe('dates stay on their calendar day', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  test.each([
    ['Asia/Shanghai', 8],
    ['Pacific/Kiritimati', 14],
    ['America/Los_Angeles', -7],
  ])('a YAML date under TZ=%s is still the written day', (tz, offsetHours) => {
    process.env.TZ = tz;
    // The timezone really is in effect, so the assertion below could catch a local-time slip.
    expect(-new Date(Date.UTC(2016, 4, 20)).getTimezoneOffset() / 60).toBe(offsetHours);
    const data = yaml('title: x\ndate: 2016-05-20\nmodified: 2016-05-21');
    expect(data.date).toBeInstanceOf(Date);
    const front = parseFrontMatter(data, 'x.md');
    expect(front.date).toBe('2016-05-20');
    expect(front.modified).toBe('2016-05-21');
  });

  test('a quoted date, or a date with a time, keeps its calendar day', () => {
    expect(parseFrontMatter({ title: 'x', date: '2016-05-20' }, 'x.md').date).toBe('2016-05-20');
    expect(parseFrontMatter({ title: 'x', date: '2016-05-20 23:30:00 +0800' }, 'x.md').date).toBe('2016-05-20');
    expect(parseFrontMatter(yaml('title: x\ndate: 2016-05-20 23:30:00 +0800'), 'x.md').date).toBe('2016-05-20');
  });

  test('no date at all is null, not today', () => {
    const front = parseFrontMatter({ title: 'x' }, 'x.md');
    expect(front.date ?? null).toBeNull();
    expect(front.modified ?? null).toBeNull();
  });
});

describe('lenient shapes Jekyll accepts', () => {
  test('tags as a space-separated string become a list', () => {
    expect(parseFrontMatter(yaml('title: x\ntags: docker  golang linux'), 'x.md').tags).toEqual(['docker', 'golang', 'linux']);
  });

  test('categories as a string or a list become a list', () => {
    expect(parseFrontMatter({ title: 'x', categories: 'notes tech' }, 'x.md').categories).toEqual(['notes', 'tech']);
    expect(parseFrontMatter({ title: 'x', categories: ['notes', 'tech'] }, 'x.md').categories).toEqual(['notes', 'tech']);
  });

  test('empty values are null or the defaults, as Jekyll treats them', () => {
    const front = parseFrontMatter(yaml('title: x\ndescription:\ntags:\ncomments:\npublished:'), 'x.md');
    expect(front).toMatchObject({ description: null, tags: [], comments: false, featured: false, mathjax: false, published: true });
  });

  test('a numeric title is kept as text', () => {
    expect(parseFrontMatter(yaml('title: 2048'), 'x.md').title).toBe('2048');
  });

  test('published: false is kept', () => {
    expect(parseFrontMatter(yaml('title: x\npublished: false'), 'x.md').published).toBe(false);
  });
});

describe('bad front matter names the file and the key', () => {
  test('comments: "yes" names comments', () => {
    const error = failure(yaml('title: x\ncomments: "yes"'), '2020-01-01-comments.md');
    expect(error.message).toContain('2020-01-01-comments.md');
    expect(error.message).toContain('comments');
  });

  test('modified: "2016-13-45" names modified', () => {
    const error = failure(yaml('title: x\nmodified: "2016-13-45"'), '2020-01-01-modified.md');
    expect(error.message).toContain('2020-01-01-modified.md');
    expect(error.message).toMatch(/modified.*2016-13-45/);
  });

  test('an impossible day such as "2016-02-30" is refused', () => {
    expect(failure({ title: 'x', date: '2016-02-30' }).message).toContain('date');
  });

  test.each([
    ['missing', 'description: hi'],
    ['empty', 'title: ""'],
    ['blank', 'title: "   "'],
    ['null', 'title:'],
  ])('a %s title is left for the file name to supply', (_, frontMatter) => {
    expect(parseFrontMatter(yaml(frontMatter), '2020-01-01-untitled.md').title).toBeNull();
  });

  test('a permalink is kept as written, with or without a leading slash or placeholders', () => {
    expect(parseFrontMatter(yaml('title: x\npermalink: /foo/'), 'x.md').permalink).toBe('/foo/');
    expect(parseFrontMatter(yaml('title: x\npermalink: foo/:title'), 'x.md').permalink).toBe('foo/:title');
  });

  test('several bad keys are all named, each with the file and a reason', () => {
    const error = failure(yaml('comments: "yes"\nmodified: "2016-13-45"\nfeatured: 1'), '2020-01-01-many.md');
    expect(error).toBeInstanceOf(PostProblemError);
    const problems = (error as PostProblemError).problems;
    expect(problems.map((problem) => problem.key).sort()).toEqual(['comments', 'featured', 'modified']);
    for (const problem of problems) {
      expect(problem.file).toBe('2020-01-01-many.md');
      expect(problem.reason).not.toBe('');
    }
  });

  test('a good key is not blamed', () => {
    const error = failure(yaml('title: fine\ncomments: "yes"'));
    expect((error as PostProblemError).problems.map((problem) => problem.key)).toEqual(['comments']);
  });
});
