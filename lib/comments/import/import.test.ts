/**
 * Reading other systems' comment exports (Disqus XML, Waline and Valine JSON), matching their
 * threads to posts by old addresses, and planning what is written: the export files are the
 * project's own (test/fixtures/comments-import, test/fixtures/moved-blog/disqus-export.xml).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseDisqusExport } from './disqus';
import { ForeignExportError, type ForeignComment } from './foreign';
import { htmlToMarkdown } from './html-to-markdown';
import { readCommentsExport } from './read';
import { addressKey, createThreadMatcher } from './thread-match';
import { importedId, planImport, NAMELESS_AUTHOR } from './to-records';
import { parseWalineOrValine } from './waline';

const root = path.resolve(import.meta.dirname, '../../..');
const fixture = (name: string) => readFileSync(path.join(root, 'test/fixtures/comments-import', name), 'utf8');
const disqusText = readFileSync(path.join(root, 'test/fixtures/moved-blog/disqus-export.xml'), 'utf8');

const movedBlog = {
  baseurl: '/blog',
  posts: [
    { slug: 'edge-case', title: '一个带空格的分类', permalink: '/edge%20case/2009/01/02/edge-case/' },
    { slug: '容器笔记', title: '容器笔记', permalink: '/linux/%E5%AE%B9%E5%99%A8/2015/06/07/%E5%AE%B9%E5%99%A8%E7%AC%94%E8%AE%B0/' },
    { slug: 'custom-pattern', title: 'A permalink of its own', permalink: '/archive/2016/custom-pattern/' },
    { slug: 'untitled-musings', title: 'Untitled Musings', permalink: '/2018/01/01/untitled-musings/' },
  ],
};
const seedSite = { baseurl: '', posts: [{ slug: 'docker-and-hyper', title: 'Docker与Hyper', permalink: '/2016/05/20/docker-and-hyper.html' }] };
const bySource = (comments: ForeignComment[], id: string) => comments.find((comment) => comment.sourceId === id);

describe('Disqus XML', () => {
  const { system, comments } = parseDisqusExport(disqusText);

  test('every post is read with its thread, parent, author, date and state', () => {
    expect(system).toBe('disqus');
    expect(comments).toHaveLength(10);
    expect(bySource(comments, '2002')).toMatchObject({ parentSourceId: '2001', authorName: '博主', email: 'owner@example.com', website: null, state: 'published' });
    expect(bySource(comments, '2002')?.createdAt.toISOString()).toBe('2009-01-03T09:00:00.000Z');
    expect(bySource(comments, '2002')?.thread.urls).toEqual(['https://old-blog.example.com/blog/edge%20case/2009/01/02/edge-case/', '/2009/01/02/edge-case/']);
    expect(bySource(comments, '2004')?.state).toBe('spam');
    expect(bySource(comments, '2006')?.state).toBe('deleted');
  });

  test('HTML messages become markdown; script and its text are gone', () => {
    const body = bySource(comments, '2001')?.bodyMarkdown ?? '';
    expect(body).toContain('**分类带空格**');
    expect(body).toContain('[Jekyll 文档](https://example.com/jekyll');
    expect(body).not.toMatch(/script|alert|迁移"/);
  });

  test('a damaged file is refused naming the post and what is wrong', () => {
    expect(() => parseDisqusExport(fixture('broken-disqus.xml'))).toThrow(/<post dsq:id="2">.*createdAt/);
    expect(() => parseDisqusExport('<disqus><post>')).toThrow(ForeignExportError);
  });
});

describe('Waline and Valine JSON', () => {
  test('Waline: markdown kept, status mapped, signed-in readers from Users, three date forms', () => {
    const exported = parseWalineOrValine(fixture('waline-export.json'));
    expect(exported?.system).toBe('waline');
    const comments = exported?.comments ?? [];
    expect(bySource(comments, '65a1c0ffee0000000000a001')).toMatchObject({ authorName: '小明', website: 'http://ming.example.com/', bodyMarkdown: '**好文**，收藏了。', state: 'published' });
    expect(bySource(comments, '65a1c0ffee0000000000a002')).toMatchObject({ parentSourceId: '65a1c0ffee0000000000a001', authorName: '', email: null });
    expect(bySource(comments, '65a1c0ffee0000000000a002')?.createdAt.toISOString()).toBe('2016-05-22T00:00:00.000Z');
    expect(bySource(comments, '65a1c0ffee0000000000a003')).toMatchObject({ authorName: '注册用户', email: 'user@example.com', website: 'https://user.example.org/', state: 'pending' });
    expect(bySource(comments, '65a1c0ffee0000000000a003')?.createdAt.toISOString()).toBe('2016-05-23T10:11:12.000Z');
    expect(bySource(comments, '65a1c0ffee0000000000a004')?.state).toBe('spam');
    expect(bySource(comments, '5')?.authorName).toBe('数字编号');
  });

  test('Valine (JSON lines): its stored HTML becomes markdown, an onerror attribute does not survive', () => {
    const exported = parseWalineOrValine(fixture('valine-export.jsonl'));
    expect(exported?.system).toBe('valine');
    const [first, reply] = exported?.comments ?? [];
    expect(first).toMatchObject({ authorName: 'Valine 读者', bodyMarkdown: '以前用 **Valine** 留的言。', website: 'https://v.example.com/' });
    expect(reply?.parentSourceId).toBe('5e0f00000000000000000001');
    expect(reply?.bodyMarkdown).not.toContain('onerror');
  });

  test('a Valine export as a JSON array or as {"results": []} reads the same', () => {
    const lines = fixture('valine-export.jsonl').trim().split('\n').map((line) => JSON.parse(line) as unknown);
    expect(parseWalineOrValine(JSON.stringify(lines))?.comments).toHaveLength(2);
    expect(parseWalineOrValine(JSON.stringify({ results: lines }))?.comments).toHaveLength(2);
  });

  test('anything else is not taken for an export', () => {
    expect(parseWalineOrValine('{"hello": "world"}')).toBeNull();
    expect(() => readCommentsExport('just some text')).toThrow(/Disqus XML export, a Waline or Valine JSON export, or a Duizhao export/);
  });
});

describe('matching threads to posts', () => {
  const match = createThreadMatcher(movedBlog);

  test.each([
    ['https://old-blog.example.com/blog/edge%20case/2009/01/02/edge-case/', 'edge-case'],
    ['http://other-domain.example/edge case/2009/01/02/edge-case', 'edge-case'],
    ['/blog/edge%20case/2009/01/02/edge-case/index.html', 'edge-case'],
    ['http://old-blog.example.com/blog/linux/容器/2015/06/07/容器笔记/', '容器笔记'],
    ['https://new.example.org/zh/posts/custom-pattern?x=1#comments', 'custom-pattern'],
    ['/posts/untitled-musings', 'untitled-musings'],
    ['/ARCHIVE/2016/Custom-Pattern.html', 'custom-pattern'],
  ])('%s is %s', (url, slug) => {
    expect(match({ urls: [url], title: null })).toEqual({ slug, by: 'address' });
  });

  test('an address of no post matches nothing, unless exactly one post has the title', () => {
    expect(match({ urls: ['https://old-blog.example.com/blog/2012/12/12/gone/'], title: '一篇删掉的文章' })).toBeNull();
    expect(match({ urls: ['https://old-blog.example.com/renamed/'], title: '容器笔记 | 旧时光' })).toEqual({ slug: '容器笔记', by: 'title' });
  });

  test('addressKey reduces every spelling to one key', () => {
    expect(addressKey('https://x.example/blog/a%20b/c.html', '/blog')).toBe('/a b/c');
    expect(addressKey('/a/b/', '')).toBe('/a/b');
    expect(addressKey('/', '')).toBe('/');
  });
});

describe('planning the import', () => {
  const plan = planImport(parseDisqusExport(disqusText), movedBlog);
  const record = (sourceId: string) => plan.records.find((each) => each.id === importedId('disqus', sourceId));

  test('replies keep their parents; a deleted parent with a reply is a placeholder; spam and orphans are counted', () => {
    expect(record('2002')?.parentId).toBe('dsq-2001');
    expect(record('2003')?.parentId).toBe('dsq-2002');
    expect(record('2006')).toMatchObject({ deleted: true, bodySource: '', authorName: '' });
    expect(record('2007')?.parentId).toBe('dsq-2006');
    expect(record('2004')).toBeUndefined();
    expect(plan).toMatchObject({ replies: 3, placeholders: 1, skippedSpam: 1, skippedDeleted: 0 });
    expect(plan.unmatched).toEqual([{ address: 'https://old-blog.example.com/blog/2012/12/12/gone/', comments: 1 }]);
  });

  test('bodies are rendered as a reader\'s markdown is, and languages detected', () => {
    expect(record('2001')?.bodyHtml).toContain('<strong>分类带空格</strong>');
    expect(record('2001')?.bodyHtml).not.toContain('<script');
    expect(record('2001')?.lang).toBe('zh');
    expect(record('2005')?.lang).toBe('en');
  });

  test('a comment without a name gets one; Waline statuses decide published or pending', () => {
    const waline = planImport(parseWalineOrValine(fixture('waline-export.json')) ?? { system: 'waline', comments: [] }, seedSite);
    expect(waline.records.find((each) => each.id === 'wl-65a1c0ffee0000000000a002')?.authorName).toBe(NAMELESS_AUTHOR);
    expect(waline.records.find((each) => each.id === 'wl-65a1c0ffee0000000000a003')?.status).toBe('pending');
    expect(waline.records.find((each) => each.id === 'wl-5')?.postSlug).toBe('docker-and-hyper');
    expect(waline).toMatchObject({ pending: 1, skippedSpam: 1, unmatched: [{ address: '/2015/01/01/removed.html', comments: 1 }] });
  });

  test('ids that do not fit are hashed, the same way every run', () => {
    expect(importedId('valine', 'x'.repeat(60))).toMatch(/^vl-[\w-]{32}$/);
    expect(importedId('valine', 'x'.repeat(60))).toBe(importedId('valine', 'x'.repeat(60)));
  });
});

test('htmlToMarkdown keeps paragraphs, links, emphasis and code, and escapes markdown in text', () => {
  expect(htmlToMarkdown('<p>a <em>b</em> <code>c</code></p><p>*not emphasis*</p>')).toBe('a *b* `c`\n\n\\*not emphasis\\*');
});
