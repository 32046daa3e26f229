/**
 * A popular post: more conversations than one page holds. The post page carries the first page
 * (newest first) and the whole count; the rest is a link away without JavaScript and loads in
 * place with it; the order can be turned; a link to any comment lands on it.
 *
 * Runs after the other desktop tests (the `popular` project in playwright.config.ts): it adds a
 * page's worth of comments to the seed post, which would move the comments other tests look for.
 * It takes them back at the end, as their author. Its tests run one after another in one worker:
 * each worker would otherwise add (and take back) a page of its own while the other's tests
 * compare the page with the API.
 */
import { randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { z } from 'zod';
import { postPath, readerAddress, seed } from './fixtures';

test.describe.configure({ mode: 'default' });

const threadApi = `/api/posts/${seed.slug}/comments`;
const PER_PAGE = 30;
const run = randomUUID().slice(0, 8);
const createdSchema = z.object({ comment: z.object({ id: z.string() }) });
const pageSchema = z.object({
  comments: z.array(z.object({ id: z.string(), parentId: z.string().nullable() })),
  count: z.number(),
  page: z.number(),
  pages: z.number(),
});

let written: string[] = [];
let oldest = '';
let reply = '';
let author: APIRequestContext;

async function post(data: Record<string, unknown>): Promise<string> {
  const response = await author.post(threadApi, { data, headers: { 'x-forwarded-for': readerAddress() } });
  expect(response.status(), await response.text()).toBe(201);
  return createdSchema.parse(await response.json()).comment.id;
}

async function apiPage(request: APIRequestContext, query: string) {
  const response = await request.get(`${threadApi}?${query}`);
  expect(response.status()).toBe(200);
  return pageSchema.parse(await response.json());
}

const thread = (page: Page) => page.locator('#comments .comment-thread');
const topLevel = (page: Page) => thread(page).locator('ol.comment-list > li.comment');
const topLevelIds = (page: Page) => topLevel(page).evaluateAll((items) => items.map((item) => item.id.replace(/^comment-/, '')));
const heading = (page: Page) => thread(page).getByRole('heading', { level: 2 });
const roots = (answer: z.infer<typeof pageSchema>) => answer.comments.filter((comment) => comment.parentId === null).map((comment) => comment.id);

test.beforeAll(async ({ playwright, baseURL }) => {
  author = await playwright.request.newContext({ baseURL });
  written = [];
  for (let n = 1; n <= PER_PAGE + 5; n += 1) written.push(await post({ author: `Regular ${n}`, body: `Thread ${n} of a popular post (${run})` }));
  oldest = written[0] ?? '';
  reply = await post({ author: 'Late reply', body: `A late answer to the first thread (${run})`, parentId: oldest });
});

test.afterAll(async () => {
  // The reply first: a comment with a reply can no longer be taken back.
  for (const id of [reply, ...written]) expect((await author.delete(`/api/comments/${id}`)).status()).toBe(200);
  await author.dispose();
});

async function expectWholeCount(page: Page, request: APIRequestContext, locale: 'zh' | 'en') {
  const { count } = await apiPage(request, 'page=1');
  await expect(heading(page)).toHaveText(locale === 'en' ? `Comments (${count})` : `评论（${count}）`);
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the post carries the newest page and the whole count; "more" walks to the oldest thread', async ({ page, request }) => {
    await page.goto(`${postPath('en')}#comments`);
    const first = await apiPage(request, 'page=1');
    expect(first.pages).toBeGreaterThan(1);
    expect(await topLevelIds(page)).toEqual(roots(first).reverse());
    await expectWholeCount(page, request, 'en');
    await expect(page.locator(`#comment-${oldest}`)).toHaveCount(0);

    // This suite's first thread is on the page that follows its next 30 conversations, which is
    // the last page only when no older comment is on the post (a database kept from other runs).
    let repliedThreadSeen = false;
    for (let pageNumber = 2; pageNumber <= first.pages; pageNumber += 1) {
      await thread(page).getByRole('link', { name: 'Show more comments' }).click();
      await expect(page).toHaveURL(new RegExp(`/en/posts/${seed.slug}/comments\\?page=${pageNumber}&order=newest#comments$`));
      expect(await topLevel(page).count()).toBeLessThanOrEqual(PER_PAGE);
      await expect(thread(page).getByRole('link', { name: 'Previous page' })).toBeVisible();
      await expectWholeCount(page, request, 'en');
      if ((await page.locator(`#comment-${oldest}`).count()) > 0) {
        await expect(page.locator(`#comment-${oldest} #comment-${reply}`)).toBeVisible();
        repliedThreadSeen = true;
      }
    }
    expect(repliedThreadSeen, 'the first thread, with its late reply, on one of the later pages').toBe(true);
    await expect(thread(page).getByRole('link', { name: 'Show more comments' })).toHaveCount(0);
  });

  test('oldest first is a link; the feed links each comment to the page that holds it', async ({ page, request }) => {
    await page.goto(`${postPath('zh')}#comments`);
    await thread(page).getByRole('link', { name: '最早在前' }).click();
    await expect(page).toHaveURL(new RegExp(`/zh/posts/${seed.slug}/comments\\?order=oldest#comments$`));
    expect(await topLevelIds(page)).toEqual(roots(await apiPage(request, 'order=oldest&page=1')));
    await expect(thread(page).getByRole('link', { name: '最早在前' })).toHaveAttribute('aria-current', 'true');

    const feed = await (await request.get(`/feed/${seed.slug}.xml`)).text();
    const link = new RegExp(`<link href="([^"]+comments\\?comment=${reply}#comment-${reply})"`).exec(feed)?.[1];
    expect(link, 'the feed entry links to the comments page').toBeTruthy();
    await page.goto(new URL(link ?? '').pathname + new URL(link ?? '').search + new URL(link ?? '').hash);
    await expect(page.locator(`#comment-${reply}`)).toBeInViewport();
  });
});

test.describe('with JavaScript', () => {
  async function openLive(page: Page, path: string) {
    const refreshed = page.waitForResponse((response) => new URL(response.url()).pathname === threadApi && response.ok());
    // Going to the address the page is already at would only scroll to the fragment.
    if (page.url().endsWith(path)) await page.reload();
    else await page.goto(path);
    await expect(thread(page)).toHaveAttribute('data-live', '');
    await refreshed;
  }

  test('"more" loads the next page in place, and the order turns in place', async ({ page, request }) => {
    await openLive(page, `${postPath('en')}#comments`);
    const first = await apiPage(request, 'page=1');
    await expect(topLevel(page)).toHaveCount(roots(first).length);
    await thread(page).getByRole('link', { name: 'Show more comments' }).click();
    const second = await apiPage(request, 'page=2');
    await expect(topLevel(page)).toHaveCount(roots(first).length + roots(second).length);
    expect(new URL(page.url()).pathname).toBe(postPath('en'));
    await expectWholeCount(page, request, 'en');

    await thread(page).getByRole('link', { name: 'Oldest first' }).click();
    const oldestFirst = roots(await apiPage(request, 'order=oldest&page=1'));
    await expect.poll(() => topLevelIds(page)).toEqual(oldestFirst);
    expect(new URL(page.url()).pathname).toBe(postPath('en'));
    // The choice stays with the reader: the next visit opens oldest first.
    await openLive(page, `${postPath('en')}#comments`);
    await expect.poll(() => topLevelIds(page)).toEqual(oldestFirst);
  });

  test('a link to a comment on a later page loads that page and shows it', async ({ page }) => {
    await page.goto(`${postPath('zh')}#comment-${reply}`);
    const target = page.locator(`#comment-${oldest} #comment-${reply}`);
    await expect(target).toBeVisible();
    await expect(target).toBeInViewport();
  });
});
