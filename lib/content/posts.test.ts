/**
 * Loading a folder of Jekyll posts: what is published, in what order, at which URL, with which
 * errors, and block ids that stay put while posts are edited (glosses are keyed by them).
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { ContentProblem } from './content-report';
import { contentReport, loadPosts, loadSite, type LoadedPost } from './posts';

const root = path.resolve(import.meta.dirname, '../..');
const SEED = path.join(root, 'content/posts/2016-05-20-docker-and-hyper.md');
const FIXTURES = path.join(root, 'test/fixtures/posts');

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A fresh posts folder holding the given files (name -> text, or name -> path to copy). */
function postsDir(files: Record<string, string | { copy: string }>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'duizhao-posts-test-'));
  made.push(dir);
  for (const [name, content] of Object.entries(files)) {
    if (typeof content === 'string') writeFileSync(path.join(dir, name), content);
    else copyFileSync(content.copy, path.join(dir, name));
  }
  return dir;
}

const post = (frontMatter: string, body = '正文。\n') => `---\n${frontMatter}\n---\n\n${body}`;
const load = (files: Record<string, string | { copy: string }>) => loadPosts(postsDir(files), 'https://example.org');
const slugs = (posts: LoadedPost[]) => posts.map((p) => p.slug);
const ids = (p: LoadedPost | undefined) => p?.blocks.map((block) => block.id);

describe('which posts are published', () => {
  test('published: false posts are absent', async () => {
    const posts = await load({
      '2016-05-20-docker-and-hyper.md': { copy: SEED },
      '2020-01-04-draft.md': { copy: path.join(FIXTURES, '2020-01-04-draft.md') },
    });
    expect(slugs(posts)).toEqual(['docker-and-hyper']);
  });

  test('files that are not posts are ignored', async () => {
    const posts = await load({
      '2020-01-01-a.md': post('title: A'),
      'README.txt': 'not a post',
      '.2020-01-02-hidden.md': post('title: Hidden'),
    });
    expect(slugs(posts)).toEqual(['a']);
  });

  test('the seed post loads with its front matter and the file name date', async () => {
    const [seed] = await load({ '2016-05-20-docker-and-hyper.md': { copy: SEED } });
    expect(seed).toMatchObject({
      slug: 'docker-and-hyper',
      title: 'Docker与Hyper',
      date: '2016-05-20',
      publishedOn: '2016-05-20',
      permalink: '/2016/05/20/docker-and-hyper.html',
      tags: ['docker'],
      featured: true,
      comments: true,
    });
    expect(seed?.html).toContain('src="/images/docker/hyper.png"');
  });
});

describe('a post that cannot be built is reported and left out; the others still build', () => {
  const site = (files: Record<string, string | { copy: string }>) => loadSite(postsDir(files), 'https://example.org');
  const keys = (problems: ContentProblem[], file: string) => problems.filter((problem) => problem.file === file).map((problem) => problem.key);

  test('the second of two posts with the same slug is left out, naming the first', async () => {
    const { posts, problems, leftOut } = await site({
      '2019-01-01-same.md': post('title: One'),
      '2020-06-01-same.md': post('title: Two'),
    });
    expect(posts.map((p) => p.title)).toEqual(['One']);
    expect(leftOut).toEqual(['2020-06-01-same.md']);
    expect(problems[0]?.reason).toContain('2019-01-01-same.md');
  });

  test('a slug shared with an unpublished draft is not a clash', async () => {
    const posts = await load({
      '2019-01-01-same.md': post('title: One'),
      '2020-06-01-same.md': post('title: Two\npublished: false'),
    });
    expect(posts.map((p) => p.title)).toEqual(['One']);
  });

  test('invalid front matter names that file and the key, and the fine post builds', async () => {
    const { posts, problems, leftOut } = await site({
      '2019-01-01-fine.md': post('title: Fine'),
      '2020-01-01-broken.md': post('title: Broken\ncomments: "yes"'),
    });
    expect(slugs(posts)).toEqual(['fine']);
    expect(leftOut).toEqual(['2020-01-01-broken.md']);
    expect(keys(problems, '2020-01-01-broken.md')).toEqual(['comments']);
  });

  test('front matter that is not YAML at all is reported', async () => {
    const { posts, problems } = await site({ '2019-01-01-fine.md': post('title: Fine'), '2020-01-01-yaml.md': post('title: [unclosed') });
    expect(slugs(posts)).toEqual(['fine']);
    expect(keys(problems, '2020-01-01-yaml.md')).toEqual(['(front matter)']);
  });

  test('a badly named post file is named', async () => {
    const { posts, problems } = await site({ 'docker.md': post('title: Docker'), '2019-01-01-fine.md': post('title: Fine') });
    expect(slugs(posts)).toEqual(['fine']);
    expect(keys(problems, 'docker.md')).toEqual(['(file name)']);
  });

  test('a broken post_url names the post that uses it and the missing post', async () => {
    const { posts, problems, leftOut } = await site({
      '2019-01-01-fine.md': post('title: Fine'),
      '2020-01-01-linker.md': post('title: Linker', '见 [旧文]({% post_url 2010-01-01-gone %})。\n'),
    });
    expect(slugs(posts)).toEqual(['fine']);
    expect(leftOut).toEqual(['2020-01-01-linker.md']);
    expect(problems[0]?.reason).toContain('2010-01-01-gone');
  });

  test('an unknown placeholder in a permalink is reported', async () => {
    const { posts, problems } = await site({ '2020-01-01-odd.md': post('title: Odd\npermalink: /:year/:nonsense/') });
    expect(posts).toEqual([]);
    expect(problems).toEqual([expect.objectContaining({ file: '2020-01-01-odd.md', key: 'permalink' })]);
  });

  // gray-matter's js-yaml would turn an unquoted impossible date into a real one by rolling it
  // over (2016-13-45 becomes 2017-02-14); Jekyll (Psych) keeps 2016-13-45 as a string.
  test('an unquoted impossible date (modified: 2016-13-45) is refused, naming modified', async () => {
    const { problems } = await site({ '2020-01-01-typo.md': post('title: Typo\nmodified: 2016-13-45') });
    expect(keys(problems, '2020-01-01-typo.md')).toEqual(['modified']);
  });

  test('the printed report names file, key and reason, and says how many posts are ready', async () => {
    const dir = postsDir({ '2019-01-01-fine.md': post('title: Fine'), '2020-01-01-broken.md': post('title: Broken\ncomments: "yes"') });
    const report = await contentReport(dir, '');
    expect(report).toContain('1 post(s) ready, 1 left out');
    expect(report).toMatch(/2020-01-01-broken\.md \(left out\)\n\s+- comments: /);
    expect(await contentReport(postsDir({ '2019-01-01-fine.md': post('title: Fine') }), '')).toBeNull();
  });
});

describe('a post without a title', () => {
  test('gets the title Jekyll makes from its file name', async () => {
    const [untitled] = await load({ '2020-01-01-hello-jekyll-world.md': post('tags: [x]') });
    expect(untitled?.title).toBe('Hello Jekyll World');
  });
});

describe('a blog\'s _config.yml', () => {
  test('sets the permalink of every post, baseurl-free, and site.title for Liquid', async () => {
    const dir = postsDir({
      '_config.yml': 'title: 旧博客\npermalink: pretty\nbaseurl: /blog\n',
      '2009-01-02-x.md': post('title: X\ncategory: edge case', '{{ site.title }}；{{ site.baseurl }}/images/a.png\n'),
    });
    const [x] = await loadPosts(dir, '');
    expect(x?.permalink).toBe('/edge%20case/2009/01/02/x/');
    expect(x?.html).toContain('旧博客；/images/a.png');
  });

  test('is also read one level up from a posts folder, and from a Jekyll site with _posts/', async () => {
    const dir = postsDir({ '_config.yml': 'permalink: none\n' });
    mkdirSync(path.join(dir, '_posts'));
    writeFileSync(path.join(dir, '_posts', '2020-01-01-y.md'), post('title: Y'));
    expect((await loadPosts(dir, ''))[0]?.permalink).toBe('/y.html');
  });

  test('front matter defaults for posts apply; the post\'s own front matter wins', async () => {
    const dir = postsDir({
      '_config.yml': 'defaults:\n  - scope: { path: "", type: posts }\n    values: { comments: true, tags: [默认] }\n',
      '2020-01-01-a.md': post('title: A'),
      '2020-01-02-b.md': post('title: B\ncomments: false'),
    });
    const posts = await loadPosts(dir, '');
    expect(posts.map((p) => [p.slug, p.comments, p.tags])).toEqual([['b', false, ['默认']], ['a', true, ['默认']]]);
  });

  test('the site kramdown options apply unless a post sets its own', async () => {
    const dir = postsDir({
      '_config.yml': 'kramdown:\n  auto_ids: false\n  hard_wrap: true\n',
      '2020-01-01-a.md': post('title: A', '## 标题\n'),
      '2020-01-02-b.md': post('title: B', '{::options auto_ids="true" /}\n\n## Heading\n'),
    });
    const { posts, problems } = await loadSite(dir, '');
    expect(posts.find((p) => p.slug === 'a')?.html).toMatch(/<h2[^>]*>标题<\/h2>/);
    expect(posts.find((p) => p.slug === 'a')?.html).not.toContain('id="');
    expect(posts.find((p) => p.slug === 'b')?.html).toContain('id="heading"');
    expect(problems).toEqual([expect.objectContaining({ file: '_config.yml', key: 'kramdown.hard_wrap' })]);
  });
});

describe('order, dates and permalinks', () => {
  test('loadPosts returns newest first', async () => {
    const posts = await load({
      '2019-03-01-middle.md': post('title: Middle'),
      '2021-07-15-newest.md': post('title: Newest'),
      '2015-12-31-oldest.md': post('title: Oldest'),
    });
    expect(slugs(posts)).toEqual(['newest', 'middle', 'oldest']);
  });

  test('a date in front matter sets the permalink and the order', async () => {
    const posts = await load({
      '2016-05-20-moved.md': post('title: Moved\ndate: 2022-02-03'),
      '2020-01-01-other.md': post('title: Other'),
    });
    expect(slugs(posts)).toEqual(['moved', 'other']);
    expect(posts[0]).toMatchObject({ publishedOn: '2022-02-03', date: '2022-02-03', permalink: '/2022/02/03/moved.html' });
  });

  test('modified is the date shown, the published date stays in the permalink', async () => {
    const [only] = await load({ '2016-05-20-edited.md': post('title: Edited\nmodified: 2018-08-08') });
    expect(only).toMatchObject({ date: '2018-08-08', publishedOn: '2016-05-20', modified: '2018-08-08', permalink: '/2016/05/20/edited.html' });
  });

  test('categories prefix the permalink; an explicit permalink wins', async () => {
    const posts = await load({
      '2020-01-05-liquid-links.md': { copy: path.join(FIXTURES, '2020-01-05-liquid-links.md') },
      '2016-05-20-docker-and-hyper.md': { copy: SEED },
      '2020-01-02-math-and-tables.md': { copy: path.join(FIXTURES, '2020-01-02-math-and-tables.md') },
      '2020-02-02-custom.md': post('title: Custom\ncategory: Notes\npermalink: /custom/'),
    });
    const bySlug = new Map(posts.map((p) => [p.slug, p]));
    expect(bySlug.get('liquid-links')?.permalink).toBe('/notes/tech/2020/01/05/liquid-links.html');
    expect(bySlug.get('custom')?.permalink).toBe('/custom/');
  });

  test('post_url links to the permalink a front matter date gives', async () => {
    const posts = await load({
      '2016-05-20-target.md': post('title: Target\ndate: 2017-01-02'),
      '2020-01-01-linker.md': post('title: Linker', '见 [旧文]({% post_url 2016-05-20-target %})，本文是 {{ page.title }}。\n'),
    });
    const linker = posts.find((p) => p.slug === 'linker');
    expect(linker?.html).toContain('href="/2017/01/02/target.html"');
    expect(linker?.blocks[0]?.text).toContain('本文是 Linker');
  });
});

describe('math', () => {
  const body = '勾股定理：$$a^2+b^2=c^2$$ 成立。\n';

  test('mathjax: true renders MathML', async () => {
    const [only] = await load({ '2020-01-01-math.md': post('title: Math\nmathjax: true', body) });
    expect(only?.html).toContain('<math');
    expect(only?.html).not.toContain('$$');
  });

  test('mathjax: false prints the math as kramdown does, for MathJax to find', async () => {
    const [only] = await load({ '2020-01-01-math.md': post('title: Math\nmathjax: false', '公式 $$x$$ 不渲染。\n\n$$\ny^2\n$$\n') });
    expect(only?.html).not.toContain('<math');
    expect(only?.blocks[0]?.text).toBe('公式 \\(x\\) 不渲染。');
    expect(only?.html).toMatch(/\n\\\[y\^2\\\]\n?$/);
  });
});

describe('block ids are stable under editing', () => {
  const FRONT = 'title: Stable';
  const original = [
    '开头一段。',
    '## Alpha',
    '第一段，原文。',
    '第二段。',
    '- 列表项',
    '## Beta',
    'Beta 第一段。',
    'Beta 第二段。',
  ];
  const EXPECTED_IDS = ['top-p1', 'alpha-h', 'alpha-p1', 'alpha-p2', 'alpha-ul1', 'beta-h', 'beta-p1', 'beta-p2'];

  async function render(paragraphs: string[]): Promise<LoadedPost> {
    const [only] = await load({ '2020-01-01-stable.md': post(FRONT, `${paragraphs.join('\n\n')}\n`) });
    if (!only) throw new Error('post did not load');
    return only;
  }

  let before: LoadedPost;
  beforeAll(async () => {
    before = await render(original);
  });

  test('a small post gets section-scoped ids', () => {
    expect(ids(before)).toEqual(EXPECTED_IDS);
    expect(before.html).toContain('data-block="alpha-p1"');
  });

  test('editing one paragraph changes no id, its own included, and only its own text', async () => {
    const edited = [...original];
    edited[2] = '第一段，改写过的文字，长了很多，还加了*强调*和[链接](https://example.org)。';
    const after = await render(edited);
    expect(ids(after)).toEqual(EXPECTED_IDS);
    const changed = after.blocks.filter((block, i) => block.text !== before.blocks[i]?.text).map((block) => block.id);
    expect(changed).toEqual(['alpha-p1']);
  });

  test('adding a paragraph in one section changes no id in another section', async () => {
    const added = [...original];
    added.splice(3, 0, '新插入的一段。');
    const after = await render(added);
    const outside = (p: LoadedPost) => p.blocks.filter((block) => !block.id.startsWith('alpha-'));
    expect(outside(after)).toEqual(outside(before));
    // Within the section, the first paragraph keeps its id; the new one takes the next number.
    expect(after.blocks.find((block) => block.id === 'alpha-p1')?.text).toBe('第一段，原文。');
    expect(after.blocks.find((block) => block.id === 'alpha-ul1')?.text).toBe('列表项');
    expect(ids(after)).toEqual(['top-p1', 'alpha-h', 'alpha-p1', 'alpha-p2', 'alpha-p3', 'alpha-ul1', 'beta-h', 'beta-p1', 'beta-p2']);
  });
});

describe('the site-wide lists (listPosts, listTags, findPostByPermalink)', () => {
  const originalContentDir = process.env.CONTENT_DIR;
  let posts: typeof import('./posts');

  beforeAll(async () => {
    process.env.CONTENT_DIR = postsDir({
      '2016-05-20-docker-and-hyper.md': { copy: SEED },
      '2020-01-04-draft.md': { copy: path.join(FIXTURES, '2020-01-04-draft.md') },
      '2021-01-01-newer.md': post('title: Newer\ntags: [docker, go]'),
      '2019-01-01-older.md': post('title: Older\ntags: go'),
      '2020-03-03-读书笔记.md': post('title: 读书'),
    });
    vi.resetModules();
    posts = await import('./posts');
  });

  afterAll(() => {
    if (originalContentDir === undefined) delete process.env.CONTENT_DIR;
    else process.env.CONTENT_DIR = originalContentDir;
    vi.resetModules();
  });

  test('listPosts puts featured posts first, then newest first, and hides drafts', async () => {
    expect((await posts.listPosts()).map((p) => p.slug)).toEqual(['docker-and-hyper', 'newer', '读书笔记', 'older']);
  });

  test('listPosts filters by tag', async () => {
    expect((await posts.listPosts('go')).map((p) => p.slug)).toEqual(['newer', 'older']);
    expect(await posts.listPosts('draft')).toEqual([]);
  });

  test('listTags counts published posts only', async () => {
    expect(await posts.listTags()).toEqual([
      { tag: 'docker', count: 2 },
      { tag: 'go', count: 2 },
    ]);
  });

  test.each([
    '/2016/05/20/docker-and-hyper.html',
    '/2016/05/20/docker-and-hyper',
    '/2016/05/20/docker-and-hyper/',
    '/2016/05/20/Docker-and-Hyper.html',
  ])('findPostByPermalink finds the seed at the old URL %s', async (pathname) => {
    expect((await posts.findPostByPermalink(pathname))?.slug).toBe('docker-and-hyper');
  });

  test('findPostByPermalink decodes a percent-encoded CJK slug', async () => {
    expect((await posts.findPostByPermalink(`/2020/03/03/${encodeURIComponent('读书笔记')}.html`))?.slug).toBe('读书笔记');
  });

  test('findPostByPermalink finds nothing for a draft or a malformed URL', async () => {
    expect(await posts.findPostByPermalink('/2020/01/04/draft.html')).toBeNull();
    expect(await posts.findPostByPermalink('/2016/05/20/%E0%A4%A.html')).toBeNull();
  });

  test('getPost finds by slug', async () => {
    expect((await posts.getPost('older'))?.title).toBe('Older');
    expect(await posts.getPost('draft')).toBeNull();
  });
});
