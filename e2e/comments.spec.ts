/**
 * Comments under a post, as readers and the moderator use them: writing with and without
 * JavaScript, replying, editing and deleting one's own comment while the edit window is open,
 * comments held for moderation and reports reaching the admin queue, the rate limit, and
 * reader-written HTML, links and names shown as text, never run.
 *
 * Every reader writes from an address of their own (X-Forwarded-For, which the test server
 * believes from the local peer), so the per-address rate limit meets only the tests that go
 * looking for it. The thread is shared with the other tests: comments are found by their own
 * unique text, and counts are compared with what this page showed before.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test as base, type APIRequestContext, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from '@playwright/test';
import { z } from 'zod';
import { THREAD_CACHE_MS } from '../lib/comments/limits';
import { cleanName, normalWebsite } from '../lib/ugc/text';
import { adminToken, editedSiteUrl, postPath, readerAddress, seed } from './fixtures';

type Locale = Parameters<typeof postPath>[0];

const threadApi = `/api/posts/${seed.slug}/comments`;
/** The server refuses a comment sent sooner than this after its form token (comment.tooFast). */
const MIN_FILL_MS = 3_000;

const copy = {
  zh: {
    region: /^评论（\d+）$/,
    more: '显示更多评论',
    heading: (count: number) => `评论（${count}）`,
    author: '名字',
    website: '网站（可选）',
    body: '评论',
    submit: '发表评论',
    submitReply: '发表回复',
    confirm: '请看看下面的预览，确认无误后再点一次“发表评论”。',
    replyTo: (author: string) => `回复 ${author} 的评论`,
    replyHeading: (author: string) => `回复 ${author}`,
    edit: '编辑',
    editField: '修改评论',
    save: '保存',
    edited: '已编辑',
    delete: '删除',
    confirmDelete: '确定删除',
    report: (author: string) => `举报 ${author} 的评论`,
    reported: '已举报',
    published: '评论已发表。',
    saved: '修改已保存。',
    deletedDone: '评论已删除。',
    pendingNotice: '评论已收到，审核通过后会显示出来。',
    pendingBadge: '等待审核',
    rateLimited: '评论太频繁了，请 1 分钟后再试。',
    admin: {
      token: '管理令牌',
      signIn: '登录',
      signedIn: '已登录为管理员，8 小时内有效。',
      card: (author: string) => `${author} 的评论`,
      approve: (author: string) => `通过 ${author} 的评论`,
      approved: '评论已通过并发布。',
      pending: '待审核',
      flagged: '已发布，被举报',
    },
  },
  en: {
    region: /^Comments \(\d+\)$/,
    more: 'Show more comments',
    heading: (count: number) => `Comments (${count})`,
    author: 'Name',
    website: 'Website (optional)',
    body: 'Comment',
    submit: 'Post comment',
    submitReply: 'Post reply',
    confirm: 'Check the preview below, then press “Post comment” again to publish it.',
    replyTo: (author: string) => `Reply to ${author}`,
    replyHeading: (author: string) => `Reply to ${author}`,
    edit: 'Edit',
    editField: 'Edit your comment',
    save: 'Save',
    edited: 'edited',
    delete: 'Delete',
    confirmDelete: 'Yes, delete',
    report: (author: string) => `Report the comment by ${author}`,
    reported: 'Reported',
    published: 'Your comment is published.',
    saved: 'Your changes are saved.',
    deletedDone: 'Your comment was deleted.',
    pendingNotice: 'Thanks! Your comment will appear once a moderator approves it.',
    pendingBadge: 'Awaiting moderation',
    rateLimited: 'Too many comments for now. Please try again in 1 min.',
    admin: {
      token: 'Admin token',
      signIn: 'Sign in',
      signedIn: 'Signed in as the admin for 8 hours.',
      card: (author: string) => `Comment by ${author}`,
      approve: (author: string) => `Approve comment by ${author}`,
      approved: 'Comment approved and published.',
      pending: 'Awaiting approval',
      flagged: 'Published, flagged',
    },
  },
} as const;

const createdSchema = z.object({ comment: z.object({ id: z.string(), author: z.string() }) });
const threadSchema = z.object({ comments: z.array(z.object({ id: z.string(), bodyHtml: z.string() })), count: z.number() });
const errorSchema = z.object({ error: z.object({ code: z.string() }) });

/** A few words no other comment has (the server refuses a second comment with the same text). */
const unique = (words: string) => `${words} ${randomUUID().slice(0, 8)}`;

type Draft = { author: string; body: string; website?: string; parentId?: string };

const test = base.extend<{ anotherReader: (options?: BrowserContextOptions) => Promise<Page> }>({
  // This test's reader: its page, its request context and its form posts all come from one address.
  extraHTTPHeaders: async ({}, use) => use({ 'x-forwarded-for': readerAddress() }),
  /** Someone else: a browser of their own, with their own cookies and address. */
  anotherReader: async ({ browser, baseURL }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (options = {}) => {
      const context = await browser.newContext({ baseURL, extraHTTPHeaders: { 'x-forwarded-for': readerAddress() }, ...options });
      contexts.push(context);
      return context.newPage();
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
});

/** A comment written through the JSON API by a reader at an address of their own. */
async function postAsSomeoneElse(request: APIRequestContext, draft: Draft) {
  const response = await request.post(threadApi, { data: draft, headers: { 'x-forwarded-for': readerAddress() } });
  expect(response.status(), await response.text()).toBe(201);
  return createdSchema.parse(await response.json()).comment;
}

/**
 * Opens the post at its comments and waits until the thread is live: hydrated, and refreshed
 * with this reader's view of it (their comments awaiting moderation, which they may edit).
 */
async function openThread(page: Page, locale: Locale) {
  const refreshed = page.waitForResponse((response) => response.request().method() === 'GET' && new URL(response.url()).pathname === threadApi);
  const target = `${postPath(locale)}#comments`;
  const here = new URL(page.url());
  // Going to the address the page is already at would only scroll to the fragment.
  if (here.pathname + here.hash === target) await page.reload();
  else await page.goto(target);
  const { count, comments } = threadSchema.parse(await (await refreshed).json());
  const thread = page.getByRole('region', { name: copy[locale].region });
  await expect(thread.locator('.comment-thread[data-live]')).toBeVisible();
  await expect(thread.getByRole('heading', { level: 2 })).toHaveText(copy[locale].heading(count));
  return { thread, count, comments };
}

/** One comment's own card (author, text, actions; not its replies), found by its text. */
const cardWith = (scope: Locator, text: string) => scope.locator('article.comment-card').filter({ hasText: text });

/** The id of the comment a card shows, from its list item (`li#comment-{id}`). */
async function commentIdOf(card: Locator): Promise<string> {
  const id = (await card.locator('xpath=..').getAttribute('id'))?.replace(/^comment-/, '');
  expect(id, 'a comment card sits in its li#comment-{id}').toBeTruthy();
  return id ?? '';
}

/** Resolves when the form's minimum-time token has come, with the time it did. Arm before the form gets focus. */
function formTokenIssued(page: Page): Promise<number> {
  return page.waitForResponse((response) => new URL(response.url()).pathname === '/api/comments/form-token' && response.ok()).then(() => Date.now());
}

/** The only wait on the clock: a person takes more than 3 s to write, and the server insists on it. */
async function waitOutMinimumTime(page: Page, since: number): Promise<void> {
  const left = since + MIN_FILL_MS + 200 - Date.now();
  if (left > 0) await page.waitForTimeout(left);
}

/** Types a comment into a form and sends it, once the form's token is old enough. */
async function writeComment(page: Page, form: Locator, locale: Locale, draft: Draft, tokenIssued = formTokenIssued(page)) {
  const t = copy[locale];
  await form.getByLabel(t.author, { exact: true }).fill(draft.author);
  if (draft.website) await form.getByLabel(t.website, { exact: true }).fill(draft.website);
  await form.getByLabel(t.body, { exact: true }).fill(draft.body);
  await waitOutMinimumTime(page, await tokenIssued);
  await form.getByRole('button', { name: draft.parentId ? t.submitReply : t.submit }).click();
}

/** Uses up this reader's allowance of comments (whatever the server's limit), through the API; returns what it wrote. */
async function exhaustAllowance(request: APIRequestContext): Promise<string[]> {
  const written: string[] = [];
  for (let sent = 0; sent < 20; sent += 1) {
    const response = await request.post(threadApi, { data: { author: 'Busy reader', body: unique('One more thought') } });
    if (response.status() === 429) return written;
    expect(response.status(), await response.text()).toBe(201);
    written.push(createdSchema.parse(await response.json()).comment.id);
  }
  throw new Error('the server took 20 comments a minute from one address without limiting it');
}

/**
 * Takes back comments a test wrote only as scaffolding, as their author (the request context
 * holds the authorship cookie), so the thread every other test reads stays short.
 */
async function withdraw(request: APIRequestContext, ids: readonly string[]) {
  for (const id of ids) expect((await request.delete(`/api/comments/${id}`)).status()).toBe(200);
}

async function signInAsAdmin(page: Page, locale: Locale) {
  const t = copy[locale].admin;
  await page.goto(`/${locale}/admin`);
  await page.getByLabel(t.token).fill(adminToken);
  await page.getByRole('button', { name: t.signIn }).click();
  await expect(page.getByText(t.signedIn)).toBeVisible();
}

test.describe('with JavaScript', () => {
  test('a reader posts a comment and it joins the thread without a reload', async ({ page }) => {
    const t = copy.zh;
    const { thread, count } = await openThread(page, 'zh');
    await page.evaluate(() => Reflect.set(window, 'samePage', true));
    const form = thread.locator('form#comment-form');
    const body = unique('这篇讲得很清楚，**尤其**是虚拟机那段');

    const tokenIssued = formTokenIssued(page);
    await form.getByLabel(t.author, { exact: true }).fill('小林');
    await form.getByLabel(t.body, { exact: true }).fill(body);
    await expect(form.locator('.comment-counter')).toContainText(`${Array.from(body).length} / 5000`);
    await expect(form.locator('.comment-preview strong')).toHaveText('尤其');
    await waitOutMinimumTime(page, await tokenIssued);
    await form.getByRole('button', { name: t.submit }).click();

    const shown = body.replace('**尤其**', '尤其');
    const card = cardWith(thread, shown);
    await expect(card).toBeVisible();
    await expect(card).toBeFocused();
    await expect(card.locator('.comment-author')).toHaveText('小林');
    await expect(card.locator('.comment-body strong')).toHaveText('尤其');
    await expect(thread.getByRole('status').filter({ hasText: t.published })).toBeVisible();
    await expect(thread.getByRole('heading', { level: 2 })).toHaveText(t.heading(count + 1));
    await expect(form.getByLabel(t.body, { exact: true })).toHaveValue('');
    await expect(form.locator('.comment-preview')).toHaveCount(0);
    expect(await page.evaluate(() => Reflect.get(window, 'samePage'))).toBe(true);

    // It was stored, not only drawn: a reader arriving later sees it.
    await page.goto(postPath('zh'));
    await expect(cardWith(page.locator('#comments'), shown)).toBeVisible();
  });

  test(`a comment written through one server is on another's post page within ${THREAD_CACHE_MS} ms`, async ({ page, request }) => {
    // The revised site (editedSiteUrl) is a second server on the same database. It has read the
    // thread just now, so it holds it in memory when the comment is written through the first.
    const elsewhere = `${editedSiteUrl}${postPath('en')}#comments`;
    expect((await request.get(`${editedSiteUrl}${threadApi}?page=1`)).status()).toBe(200);
    const body = unique('Written on one server, read on another');
    const created = await postAsSomeoneElse(request, { author: 'Two servers', body });
    const writtenAt = Date.now();

    // Reload the other server's page until the comment shows, noting when each look asked for
    // the thread and whether the answer had it.
    const looks: { askedAt: number; found: boolean }[] = [];
    await expect
      .poll(
        async () => {
          let askedAt = 0;
          const asked = page.waitForRequest((request) => {
            const matches = new URL(request.url()).pathname === threadApi;
            if (matches) askedAt = Date.now();
            return matches;
          });
          const answered = page.waitForResponse((response) => new URL(response.url()).pathname === threadApi);
          if (page.url() === elsewhere) await page.reload();
          else await page.goto(elsewhere);
          await asked;
          const found = threadSchema.parse(await (await answered).json()).comments.some((comment) => comment.id === created.id);
          looks.push({ askedAt, found });
          return found && (await page.locator(`#comment-${created.id}`).filter({ hasText: body }).isVisible());
        },
        { timeout: 20_000, intervals: [250] },
      )
      .toBe(true);
    // Every look that asked once the memory's time was up had the comment.
    const late = looks.filter((look) => look.askedAt > writtenAt + THREAD_CACHE_MS);
    expect(late.filter((look) => !look.found), JSON.stringify({ writtenAt, looks })).toEqual([]);
  });

  test('a reader replies to a comment and the reply sits under it', async ({ page, request }) => {
    const t = copy.en;
    const parent = await postAsSomeoneElse(request, { author: unique('Mei'), body: unique('Does Hyper still run on KVM?') });
    const { thread } = await openThread(page, 'en');

    const tokenIssued = formTokenIssued(page);
    await thread.getByRole('button', { name: t.replyTo(parent.author) }).click();
    const replyForm = thread.locator(`#comment-${parent.id} > form.comment-form-reply`);
    await expect(replyForm.getByRole('heading', { name: t.replyHeading(parent.author) })).toBeVisible();
    const reply = unique('It did when this was written.');
    await writeComment(page, replyForm, 'en', { author: 'Sam', body: reply, parentId: parent.id }, tokenIssued);

    const nested = thread.locator(`#comment-${parent.id} > .comment-replies > li.comment`).filter({ hasText: reply });
    await expect(nested).toBeVisible();
    await expect(nested).toHaveAttribute('data-depth', '2');
    await expect(replyForm).toHaveCount(0);

    await openThread(page, 'en');
    await expect(thread.locator(`#comment-${parent.id} > .comment-replies > li.comment`).filter({ hasText: reply })).toBeVisible();
  });

  test('the author edits their comment within the edit window, proven by an httpOnly cookie', async ({ page, context, anotherReader }) => {
    const t = copy.zh;
    const original = unique('第一版：容器不是虚拟机');
    const { thread } = await openThread(page, 'zh');
    await writeComment(page, thread.locator('form#comment-form'), 'zh', { author: '阿明', body: original });
    const id = await commentIdOf(cardWith(thread, original));

    const authored = (await context.cookies()).find((cookie) => cookie.name === 'duizhao_authored');
    expect(authored?.httpOnly).toBe(true);
    expect(await page.evaluate(() => document.cookie)).not.toContain('duizhao_authored');

    // After a reload only the cookie says whose comment this is.
    await openThread(page, 'zh');
    const card = thread.locator(`#comment-${id} > article.comment-card`);
    await expect(card).toContainText(original);
    await card.getByRole('button', { name: t.edit, exact: true }).click();
    const field = card.getByLabel(t.editField);
    await expect(field).toHaveValue(original);
    const revised = unique('第二版：容器共享内核，虚拟机不共享');
    await field.fill(revised);
    await card.getByRole('button', { name: t.save }).click();

    await expect(card.locator('.comment-body')).toHaveText(revised);
    await expect(card.locator('.comment-edited')).toHaveText(t.edited);
    await expect(thread.getByRole('status').filter({ hasText: t.saved })).toBeVisible();
    await expect(thread.getByText(original)).toHaveCount(0);

    // Another browser claiming the comment with a cookie it signed itself gets nowhere.
    const other = await anotherReader();
    await other.context().addCookies([{ name: 'duizhao_authored', value: `${id}:${Date.now()}.${'A'.repeat(43)}`, url: new URL('/', page.url()).href }]);
    await openThread(other, 'zh');
    const othersCard = other.locator(`#comment-${id} > article.comment-card`);
    await expect(othersCard.locator('.comment-body')).toHaveText(revised);
    await expect(othersCard.getByRole('button', { name: t.report('阿明') })).toBeVisible();
    await expect(othersCard.getByRole('button', { name: t.edit, exact: true })).toHaveCount(0);
    const refused = await other.request.patch(`/api/comments/${id}`, { data: { body: unique('改成别人的话') } });
    expect(refused.status()).toBe(403);
    expect(errorSchema.parse(await refused.json()).error.code).toBe('comment.forbidden');
  });

  test('the author deletes their comment after confirming', async ({ page }) => {
    const t = copy.en;
    const body = unique('Posted too soon, sorry.');
    const { thread, count } = await openThread(page, 'en');
    await writeComment(page, thread.locator('form#comment-form'), 'en', { author: 'Jo', body });
    const card = cardWith(thread, body);
    await expect(card).toBeVisible();
    await expect(thread.getByRole('heading', { level: 2 })).toHaveText(t.heading(count + 1));

    await card.getByRole('button', { name: t.delete, exact: true }).click();
    await card.getByRole('button', { name: t.confirmDelete }).click();
    await expect(card).toHaveCount(0);
    await expect(thread.getByRole('status').filter({ hasText: t.deletedDone })).toBeVisible();
    await expect(thread.getByRole('heading', { level: 2 })).toHaveText(t.heading(count));

    await openThread(page, 'en');
    await expect(thread.getByText(body)).toHaveCount(0);
  });

  test('once someone has replied, the author can no longer edit or delete their comment', async ({ page, request }) => {
    const t = copy.zh;
    const body = unique('大家觉得 Hyper 会流行吗');
    const { thread } = await openThread(page, 'zh');
    await writeComment(page, thread.locator('form#comment-form'), 'zh', { author: '小周', body });
    const card = cardWith(thread, body);
    await expect(card.getByRole('button', { name: t.edit, exact: true })).toBeVisible();
    const id = await commentIdOf(card);

    const reply = unique('会的，至少在测试环境');
    await postAsSomeoneElse(request, { author: '老王', body: reply, parentId: id });
    await openThread(page, 'zh');
    await expect(thread.locator(`#comment-${id} > .comment-replies`)).toContainText(reply);
    // Still recognised as theirs (nothing to report), but nothing to change any more.
    await expect(card.getByRole('button', { name: t.report('小周') })).toHaveCount(0);
    await expect(card.getByRole('button', { name: t.edit, exact: true })).toHaveCount(0);
    await expect(card.getByRole('button', { name: t.delete, exact: true })).toHaveCount(0);

    const refused = await page.request.delete(`/api/comments/${id}`);
    expect(refused.status()).toBe(409);
    expect(errorSchema.parse(await refused.json()).error.code).toBe('comment.hasReplies');
    await openThread(page, 'zh');
    await expect(card).toBeVisible();
  });

  test('a comment with more than three links waits for the moderator, who approves it', async ({ page, anotherReader }) => {
    test.slow(true, 'four browsers: the author, a stranger, the moderator and a later reader');
    const t = copy.en;
    const author = unique('Link collector');
    const body = `Further reading from ${author}: https://a.example/1 https://b.example/2 https://c.example/3 https://d.example/4`;
    const { thread } = await openThread(page, 'en');
    await writeComment(page, thread.locator('form#comment-form'), 'en', { author, body });
    await expect(thread.getByRole('status').filter({ hasText: t.pendingNotice })).toBeVisible();
    await expect(cardWith(thread, body).locator('.comment-badge')).toHaveText(t.pendingBadge);
    await openThread(page, 'en');
    await expect(cardWith(thread, body).locator('.comment-badge')).toHaveText(t.pendingBadge);

    const stranger = await anotherReader();
    const strangersView = await openThread(stranger, 'en');
    expect(strangersView.comments.some((comment) => comment.bodyHtml.includes(author))).toBe(false);
    await expect(stranger.getByText(author)).toHaveCount(0);

    const admin = await anotherReader();
    await signInAsAdmin(admin, 'en');
    const queued = admin.getByRole('article', { name: t.admin.card(author) });
    await expect(queued).toContainText(t.admin.pending);
    await expect(queued).toContainText('https://d.example/4');
    await queued.getByRole('button', { name: t.admin.approve(author) }).click();
    await expect(admin.getByRole('status').filter({ hasText: t.admin.approved })).toBeVisible();
    await expect(queued).toHaveCount(0);

    const later = await anotherReader();
    const latersView = await openThread(later, 'en');
    const approved = cardWith(latersView.thread, author);
    await expect(approved).toBeVisible();
    await expect(approved.locator('.comment-badge')).toHaveCount(0);
  });

  test('a reader reports a comment and the moderator finds it flagged in the queue', async ({ page, request, anotherReader }) => {
    const t = copy.zh;
    const author = unique('路人');
    await postAsSomeoneElse(request, { author, body: unique('这里有个广告，欢迎访问') });
    const { thread } = await openThread(page, 'zh');
    await thread.getByRole('button', { name: t.report(author) }).click();
    await expect(cardWith(thread, author).getByRole('button', { name: t.reported })).toBeDisabled();

    const admin = await anotherReader();
    await signInAsAdmin(admin, 'zh');
    const queued = admin.getByRole('article', { name: t.admin.card(author) });
    await expect(queued).toContainText(t.admin.flagged);
    await queued.getByRole('button', { name: t.admin.approve(author) }).click();
    await expect(admin.getByRole('status').filter({ hasText: t.admin.approved })).toBeVisible();
    await expect(queued).toHaveCount(0);
  });

  test('over the rate limit the form says so, in the reader’s language, and keeps their text', async ({ page }) => {
    const t = copy.en;
    const scaffolding = await exhaustAllowance(page.request);
    const { thread } = await openThread(page, 'en');
    const form = thread.locator('form#comment-form');
    const body = unique('A long and careful comment that must not be lost.');
    await writeComment(page, form, 'en', { author: 'Patient reader', body });

    await expect(form.locator('.comment-error[role="alert"]')).toHaveText(t.rateLimited);
    await expect(form.getByLabel(t.body, { exact: true })).toHaveValue(body);
    await expect(form.getByLabel(t.author, { exact: true })).toHaveValue('Patient reader');
    await expect(thread.locator('.comment-list').getByText(body)).toHaveCount(0);
    await withdraw(page.request, scaffolding);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a reader posts a comment through a confirmation step', async ({ page }) => {
    const t = copy.zh;
    await page.goto(postPath('zh'));
    const form = page.locator('form#comment-form');
    const body = unique('不用 JavaScript 也能 *评论*');
    await form.getByLabel(t.author, { exact: true }).fill('老派读者');
    await form.getByLabel(t.body, { exact: true }).fill(body);
    await form.getByRole('button', { name: t.submit }).click();

    await expect(page).toHaveURL(new RegExp(`${postPath('zh')}/comments`));
    await expect(form.locator('.comment-confirm')).toHaveText(t.confirm);
    const confirmedAt = Date.now();
    await expect(form.locator('.comment-preview em')).toHaveText('评论');
    await expect(form.getByLabel(t.author, { exact: true })).toHaveValue('老派读者');
    await expect(form.getByLabel(t.body, { exact: true })).toHaveValue(body);
    await waitOutMinimumTime(page, confirmedAt);
    await form.getByRole('button', { name: t.submit }).click();

    await expect(page).toHaveURL(new RegExp(`${postPath('zh')}#comment-[\\w-]+$`));
    const id = new URL(page.url()).hash;
    const posted = page.locator(`li${id}`);
    await expect(posted.locator('.comment-author')).toHaveText('老派读者');
    await expect(posted.locator('.comment-body em')).toHaveText('评论');
    await expect(page.locator('.comment-thread[data-live]')).toHaveCount(0);
  });

  test('a reader replies from the comments page', async ({ page, request }) => {
    const t = copy.en;
    const parent = await postAsSomeoneElse(request, { author: unique('Ravi'), body: unique('Is the exam story true?') });
    // Someone else's comment of a moment ago: a reader who loads the post's page finds it there
    // (at once on one instance; another instance's page within a second or so).
    const replyLink = page.getByRole('link', { name: t.replyTo(parent.author) });
    await expect
      .poll(
        async () => {
          await page.goto(postPath('en'));
          return replyLink.count();
        },
        { timeout: 2_000, intervals: [100] },
      )
      .toBe(1);
    await replyLink.click();

    await expect(page).toHaveURL(new RegExp(`${postPath('en')}/comments\\?reply=`));
    const form = page.locator('form#comment-form');
    await expect(form.getByRole('heading', { name: t.replyHeading(parent.author) })).toBeVisible();
    // The comments page is rendered per request, so its form carries a token from the start.
    const openedAt = Date.now();
    const reply = unique('Every word of it.');
    await form.getByLabel(t.author, { exact: true }).fill('Ana');
    await form.getByLabel(t.body, { exact: true }).fill(reply);
    await waitOutMinimumTime(page, openedAt);
    await form.getByRole('button', { name: t.submitReply }).click();

    await expect(page).toHaveURL(new RegExp(`${postPath('en')}#comment-[\\w-]+$`));
    await expect(page.locator(`#comment-${parent.id} > .comment-replies > li.comment`).filter({ hasText: reply })).toBeVisible();
  });

  test('over the rate limit the form comes back with the message and the reader’s text', async ({ page }) => {
    const t = copy.zh;
    const scaffolding = await exhaustAllowance(page.request);
    await page.goto(postPath('zh'));
    const form = page.locator('form#comment-form');
    const body = unique('写了很久的一段话，不能丢');
    await form.getByLabel(t.author, { exact: true }).fill('耐心的读者');
    await form.getByLabel(t.body, { exact: true }).fill(body);
    await form.getByRole('button', { name: t.submit }).click();
    await expect(form.locator('.comment-confirm')).toBeVisible();
    const confirmedAt = Date.now();
    await waitOutMinimumTime(page, confirmedAt);
    await form.getByRole('button', { name: t.submit }).click();

    await expect(form.locator('.comment-error[role="alert"]')).toHaveText(t.rateLimited);
    await expect(form.getByLabel(t.body, { exact: true })).toHaveValue(body);
    await expect(form.getByLabel(t.author, { exact: true })).toHaveValue('耐心的读者');
    await expect(page.locator('.comment-list').getByText(body)).toHaveCount(0);
    await withdraw(page.request, scaffolding);
  });
});

test.describe('reader-written markup', () => {
  const corpus = z.array(z.string()).parse(JSON.parse(readFileSync(new URL('../test/fixtures/xss/payloads.json', import.meta.url), 'utf8')));
  const named = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<svg onload=alert(1)>',
    '[x](javascript:alert(1))',
    'before <script>alert(1)</script> after',
    '<a href="javascript:alert(1)">x</a>',
    '<iframe src="javascript:alert(1)"></iframe>',
  ];
  // Every ninth of the corpus besides (the very long ones only test the parser's patience).
  const bodies = [...new Set([...named, ...corpus.filter((payload) => payload.length <= 200).filter((_, index) => index % 9 === 0)])];
  // Names are cleaned as they are stored (bidi controls and control characters out); one with
  // nothing visible left is refused as missing.
  const names = corpus.filter((payload) => Array.from(payload).length <= 50 && cleanName(payload) !== '');
  const authors = [...new Set(['<img src=x onerror=alert(1)>', ...names.filter((_, index) => index % 17 === 0)])];
  // A website must be an http(s) address without spaces; what could still hide in one is a quote
  // breaking out of the attribute. It is stored in the URL parser's form (the quote percent-encoded).
  const websites = corpus.filter((payload) => /^["']/.test(payload)).map((payload) => `https://example.com/${payload.replace(/\s/g, '')}`);
  /** Payloads markdown leaves alone, so the reader must see exactly what was written. */
  const showsLiterally = (payload: string) => /^[<\w$]/.test(payload) && !/[\\`*_[\]&\t\n\r]/.test(payload) && !/^<[a-z][a-z\d+.-]{1,31}:/i.test(payload);

  test('names, websites and comments carrying script, handlers and javascript: links show as text', async ({ page, request, anotherReader }) => {
    test.slow(true, `${bodies.length} comments written, then read in two browsers`);
    expect(named.every((payload) => corpus.includes(payload))).toBe(true);
    expect(bodies.length).toBeGreaterThanOrEqual(25);
    const run = randomUUID().slice(0, 8);
    const posted: { id: string; author: string; website: string | undefined; payload: string; marker: string }[] = [];
    for (const [index, payload] of bodies.entries()) {
      const marker = `xss-${run}-${index}`;
      const author = authors[index % authors.length] ?? 'x';
      const website = websites[index];
      const { id } = await postAsSomeoneElse(request, { author, website, body: `${marker}\n\n${payload}` });
      posted.push({ id, author: cleanName(author), website: website === undefined ? undefined : (normalWebsite(website) ?? ''), payload, marker });
    }
    for (const website of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>']) {
      const refused = await request.post(threadApi, { data: { author: 'x', website, body: unique('a website that is not one') } });
      expect(refused.status()).toBe(422);
      expect(errorSchema.parse(await refused.json()).error.code).toBe('comment.websiteInvalid');
    }

    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const { thread } = await openThread(page, 'zh');
    // More comments than the post's first page holds may be on the post by now: load them all.
    const more = thread.getByRole('link', { name: copy.zh.more });
    while ((await more.count()) > 0) {
      const shown = await thread.locator('li.comment').count();
      await more.click();
      await expect.poll(() => thread.locator('li.comment').count()).toBeGreaterThan(shown);
    }
    for (const comment of posted) {
      const item = page.locator(`#comment-${comment.id}`);
      await expect(item.locator('.comment-body')).toContainText(comment.marker);
      await expect(item.locator('.comment-author')).toHaveText(comment.author);
      if (comment.website) await expect(item.locator('.comment-author a')).toHaveAttribute('href', comment.website);
      if (showsLiterally(comment.payload)) await expect(item.locator('.comment-body')).toContainText(comment.payload);
      await item.locator('.comment-body').hover();
      await item.locator('.comment-author').hover();
    }
    expect(await unsafeMarkup(thread)).toEqual([]);
    expect(dialogs).toEqual([]);

    // The server's HTML as the browser's parser builds it, before any script could tidy it up.
    // Each on the comments page that holds it, wherever other comments have pushed it meanwhile.
    const plain = await anotherReader({ javaScriptEnabled: false });
    for (const comment of posted.filter(({ payload }) => showsLiterally(payload))) {
      await plain.goto(`${postPath('zh')}/comments?comment=${comment.id}`);
      await expect(plain.locator(`#comment-${comment.id} .comment-body`)).toContainText(comment.payload);
      expect(await unsafeMarkup(plain.locator('#comments'))).toEqual([]);
    }
    await withdraw(request, posted.map(({ id }) => id));
  });
});

/**
 * What in the thread could run or send a reader somewhere dangerous: script-like elements anywhere
 * in it, event-handler attributes and script URLs in the comments, and, inside a comment's text,
 * anything beyond the renderer's allowlist (p, br, em, strong, code, pre, blockquote, lists, and
 * links to http, https or mailto addresses).
 */
function unsafeMarkup(thread: Locator): Promise<string[]> {
  return thread.evaluate((root) => {
    const problems: string[] = [];
    const describe = (element: Element) => `${element.localName} in ${element.closest('li.comment')?.id ?? 'the thread'}`;
    for (const element of root.querySelectorAll('script, iframe, frame, object, embed, base, meta, link, style, svg, math, img, template')) {
      problems.push(`<${describe(element)}>`);
    }
    const urlAttributes = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'ping', 'cite']);
    for (const card of root.querySelectorAll('article.comment-card')) {
      for (const element of card.querySelectorAll('*')) {
        for (const attribute of Array.from(element.attributes)) {
          const name = attribute.name.toLowerCase();
          const value = attribute.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
          if (name.startsWith('on')) problems.push(`${name} on ${describe(element)}`);
          if (urlAttributes.has(name) && /^(?:javascript|vbscript|data):/.test(value)) problems.push(`${name}="${attribute.value}" on ${describe(element)}`);
        }
      }
    }
    const allowed = new Set(['p', 'br', 'em', 'strong', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a']);
    for (const body of root.querySelectorAll('article.comment-card > .comment-body')) {
      for (const element of body.querySelectorAll('*')) {
        if (!allowed.has(element.localName)) problems.push(`<${describe(element)}> in a comment's text`);
        for (const attribute of Array.from(element.attributes)) {
          const safeLink = element.localName === 'a' && ((attribute.name === 'href' && /^(?:https?|mailto):/i.test(attribute.value)) || attribute.name === 'rel');
          if (!safeLink) problems.push(`${attribute.name} on ${describe(element)} in a comment's text`);
        }
      }
    }
    return problems;
  });
}
