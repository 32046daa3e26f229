/**
 * A whole Jekyll blog moved in (test/fixtures/moved-blog): `_config.yml` with `permalink: pretty`,
 * `baseurl: /blog` and its old domain, a post with its own permalink pattern, a post without a
 * title, a post Jekyll-valid in name but broken in front matter, and the blog's Disqus export
 * imported before start. Every old address leads to its post in one permanent redirect, and every
 * imported comment shows on its post, replies under what they answer, nothing of spam or script.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { movedBlogUrl } from './fixtures';

const post = (slug: string) => `/zh/posts/${encodeURIComponent(slug)}`;

/** Old addresses as readers' bookmarks and other sites hold them, in Jekyll's spelling and others. */
const oldAddresses: Array<[string, string]> = [
  ['/edge%20case/2009/01/02/edge-case/', 'edge-case'],
  ['/blog/edge%20case/2009/01/02/edge-case/', 'edge-case'],
  ['/edge%20case/2009/01/02/edge-case', 'edge-case'],
  ['/edge%20case/2009/01/02/edge-case/index.html', 'edge-case'],
  ['/linux/%E5%AE%B9%E5%99%A8/2015/06/07/%E5%AE%B9%E5%99%A8%E7%AC%94%E8%AE%B0/', '容器笔记'],
  ['/blog/linux/%E5%AE%B9%E5%99%A8/2015/06/07/%E5%AE%B9%E5%99%A8%E7%AC%94%E8%AE%B0/', '容器笔记'],
  ['/archive/2016/custom-pattern/', 'custom-pattern'],
  ['/blog/archive/2016/custom-pattern/', 'custom-pattern'],
  ['/2018/01/01/untitled-musings/', 'untitled-musings'],
];

test.describe('a Jekyll blog moved in whole', () => {
  test.use({ baseURL: movedBlogUrl, locale: 'zh-CN' });

  for (const [address, slug] of oldAddresses) {
    test(`${decodeURI(address)} redirects permanently to its post in one step`, async ({ request }) => {
      const response = await request.get(address, { headers: { 'Accept-Language': 'zh-CN' }, maxRedirects: 0 });
      expect(response.status()).toBe(308);
      expect(new URL(response.headers()['location'] ?? '', movedBlogUrl).pathname).toBe(post(slug));
    });
  }

  test('our own pages drop a trailing slash in one redirect; an unknown address is a 404 at once', async ({ request }) => {
    const hop = async (address: string) => {
      const response = await request.get(address, { headers: { 'Accept-Language': 'zh-CN' }, maxRedirects: 0 });
      return [response.status(), new URL(response.headers()['location'] ?? address, movedBlogUrl).pathname + new URL(response.headers()['location'] ?? address, movedBlogUrl).search];
    };
    expect(await hop('/zh/')).toEqual([308, '/zh']);
    expect(await hop('/zh/posts/edge-case/?gloss=inline')).toEqual([308, '/zh/posts/edge-case?gloss=inline']);
    expect(await hop('/posts/edge-case/')).toEqual([307, '/zh/posts/edge-case']);
    expect((await hop('/no/such/page/'))[0]).toBe(404);
  });

  test('the post left out for its broken front matter is a 404; the others are listed', async ({ page, request }) => {
    expect((await request.get('/2019/05/05/broken-front-matter/', { maxRedirects: 0 })).status()).toBe(404);
    await page.goto('/zh');
    await expect(page.getByRole('main')).toContainText('一个带空格的分类');
    await expect(page.getByRole('main')).toContainText('容器笔记');
    await expect(page.getByRole('main')).toContainText('A permalink of its own');
    // No title in its front matter: Jekyll's title from the file name.
    await expect(page.getByRole('main')).toContainText('Untitled Musings');
    await expect(page.getByRole('main')).not.toContainText('坏掉的文章');
  });

  const card = (scope: Locator, text: string) => scope.locator('article.comment-card').filter({ hasText: text });
  /** The list item whose own card says `text` (its replies are nested inside it). */
  const item = (scope: Locator, text: string) => card(scope, text).locator('xpath=..');

  async function commentsOf(page: Page, slug: string): Promise<Locator> {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(post(slug));
    const comments = page.locator('#comments');
    await expect(comments.locator('article.comment-card').first()).toBeVisible();
    expect(dialogs).toEqual([]);
    return comments;
  }

  test('comments imported from Disqus show on their post: names, dates, replies three deep, no spam, no script', async ({ page }) => {
    const comments = await commentsOf(page, 'edge-case');
    const first = card(comments, '写得好！');
    await expect(first.locator('.comment-author')).toHaveText('读者甲');
    await expect(first.locator('time')).toHaveAttribute('datetime', /^2009-01-03T08:15:00/);
    await expect(first.locator('.comment-body strong, .comment-body b')).toHaveText('分类带空格');
    await expect(first.locator('.comment-body a')).toHaveAttribute('href', 'https://example.com/jekyll');
    // The reply sits inside what it answers, and the reply to the reply inside that.
    const reply = item(comments, '谢谢！地址不会变。');
    await expect(item(comments, '写得好！').locator('li.comment').filter({ hasText: '谢谢！地址不会变。' })).toHaveCount(1);
    await expect(reply.locator('li.comment').filter({ hasText: 'Third level: a reply to the reply.' })).toHaveCount(1);
    await expect(comments).not.toContainText('Cheap pills');
    expect(await page.locator('script', { hasText: '迁移' }).count()).toBe(0);
    await expect(comments.locator('article.comment-card')).toHaveCount(3);
  });

  test('a deleted comment with a reply stays as a placeholder, so the reply is still a reply', async ({ page }) => {
    const comments = await commentsOf(page, '容器笔记');
    await expect(card(comments, 'Great notes on')).toBeVisible();
    await expect(comments).not.toContainText('这条评论后来被删了');
    const placeholder = comments.locator('li.comment').filter({ has: page.locator('.comment-deleted') });
    await expect(placeholder.locator('li.comment').filter({ hasText: '回复一条已删除的评论' })).toHaveCount(1);
  });

  test('threads found by an index.html address and by a later /posts/ address land on their posts', async ({ page }) => {
    await expect(card(await commentsOf(page, 'custom-pattern'), 'Own patterns are handy.')).toBeVisible();
    await expect(card(await commentsOf(page, 'untitled-musings'), '没有标题也挺好。')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Untitled Musings');
  });
});
