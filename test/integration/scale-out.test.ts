/**
 * Two instances on one PostgreSQL database and one Redis, started at the same moment, behind
 * nginx (Debian's package) running docs/nginx.conf, the file docs/deploy.md tells operators to
 * copy, with only its ports changed. What one instance is told, the other serves: comments and
 * notes written through one are read through the other, in the API and on the post's pages; rate
 * limits are shared; the migrations ran once; nginx spreads requests over both, hands on its
 * request id, and keeps serving when one instance stops.
 *
 * Skipped, with the reason printed, where nginx, PostgreSQL or Redis is missing.
 */
import { randomBytes } from 'node:crypto';
import { chromium } from '@playwright/test';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { appliedVersions, createTempDatabase, migrationFiles, postgresUnavailableReason, type TempDatabase } from './databases';
import { freePort, OPEN_POST, READY_TIMEOUT_MS, ROOT, startServer, type RunningServer } from './server';
import { seedNote } from './seed-note';
import { chromiumLaunchOptions } from '../support/chromium.mjs';
import { nginxUnavailableReason, startNginx } from '../support/nginx.mjs';

const REDIS = { host: '127.0.0.1', port: 6379 };
const SESSION_SECRET = 'scale-out-session-secret-0123456789abcdef';

function redisUnavailableReason(): Promise<string | null> {
  return new Promise((resolve) => {
    const socket = connect(REDIS);
    socket.setTimeout(2_000, () => {
      socket.destroy();
      resolve(`Redis did not answer at ${REDIS.host}:${REDIS.port}`);
    });
    socket.on('error', (error) => resolve(`Redis not reachable at ${REDIS.host}:${REDIS.port}: ${error.message}`));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => {
      socket.end();
      resolve(String(data).startsWith('+PONG') ? null : `Redis answered ${String(data).trim()}`);
    });
  });
}

const unavailable = nginxUnavailableReason() ?? (await postgresUnavailableReason()) ?? (await redisUnavailableReason());
if (unavailable) console.warn(`[integration] skipping the scale-out tests: ${unavailable}`);

const note = (text: string) => seedNote(text);

/**
 * A client address of its own per call (documentation range), believed from the local peer; random,
 * since Redis keeps the counters of earlier runs for a day.
 */
const group = () => randomBytes(2).toString('hex');
const address = () => `2001:db8:${group()}:${group()}::${group()}`;

const postComment = (base: string, body: string, from = address()) =>
  fetch(`${base}/api/posts/${OPEN_POST}/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
    body: JSON.stringify({ author: '扩容', body }),
  });

describe.skipIf(unavailable !== null)('two instances behind nginx on PostgreSQL and Redis', () => {
  let database: TempDatabase;
  let a: RunningServer;
  let b: RunningServer;
  let nginx: Awaited<ReturnType<typeof startNginx>> | undefined;
  let proxy: string;

  beforeAll(async () => {
    database = await createTempDatabase('postgres');
    // The build is made (or found current) first, on a database of its own, so that the two
    // instances below start together from the same build instead of building twice.
    const scratch = await createTempDatabase('sqlite');
    await (await startServer({ databaseUrl: scratch.url, label: 'scale-out build check' })).stop();
    await scratch.drop();
    const env = { TRUSTED_PROXIES: '127.0.0.1', REDIS_URL: `redis://${REDIS.host}:${REDIS.port}`, SESSION_SECRET, COMMENTS_RATE_PER_MINUTE: '3', COMMENTS_RATE_PER_DAY: '100' };
    [a, b] = await Promise.all([
      startServer({ databaseUrl: database.url, env, label: 'postgres instance A' }),
      startServer({ databaseUrl: database.url, env, label: 'postgres instance B' }),
    ]);
    nginx = await startNginx({ root: ROOT, listen: await freePort(), instances: [a.port, b.port] });
    proxy = nginx.origin;
  }, READY_TIMEOUT_MS * 3);

  afterAll(async () => {
    await Promise.all([nginx?.stop(), a?.stop(), b?.stop()]);
    await database?.drop();
  }, 60_000);

  test('starting together, the two instances applied every migration once', async () => {
    expect(await appliedVersions(database)).toEqual(migrationFiles('postgres').map((_, index) => index + 1));
  });

  // The post's own page is prerendered: another instance re-renders it within its revalidation
  // interval (a minute); the thread's page and API are what show a change at once.
  test('a comment posted through A is in B’s thread and on B’s comments page within 2 s', async () => {
    const body = `经由 A 写入，从 B 读出 ${Date.now()}`;
    const posted = await postComment(a.baseUrl, body);
    expect(posted.status).toBe(201);
    const { comment } = (await posted.json()) as { comment: { id: string } };
    const started = Date.now();
    await expect
      .poll(async () => ((await (await fetch(`${b.baseUrl}/api/posts/${OPEN_POST}/comments`)).json()) as { comments: Array<{ id: string }> }).comments.map((each) => each.id), {
        timeout: 2_000,
        interval: 100,
      })
      .toContain(comment.id);
    await expect.poll(async () => (await fetch(`${b.baseUrl}/zh/posts/${OPEN_POST}/comments`)).text(), { timeout: Math.max(500, 2_000 - (Date.now() - started)), interval: 100 }).toContain(body);
  });

  test('a comment posted through A is on B’s post page within 2 s, as a reader’s browser shows it', async () => {
    const postPage = (locale: string) => `${b.baseUrl}/${locale}/posts/${OPEN_POST}`;
    // B has the pages in memory already, as an instance that readers keep busy has.
    for (const locale of ['zh', 'en']) for (let index = 0; index < 2; index += 1) await (await fetch(postPage(locale))).arrayBuffer();
    const browser = await chromium.launch(chromiumLaunchOptions());
    try {
      const page = await browser.newPage();
      const body = `经由 A 写入，在 B 的文章页上读到 ${Date.now()}`;
      expect((await postComment(a.baseUrl, body)).status).toBe(201);
      const started = Date.now();
      await expect
        .poll(
          async () => {
            await page.goto(postPage('zh'));
            return page.locator('#comments').innerText();
          },
          { timeout: 2_000, interval: 100 },
        )
        .toContain(body);
      const elapsed = Date.now() - started;
      // The other pages of the post went with it: the English one too, without a browser.
      await expect.poll(async () => (await fetch(postPage('en'))).text(), { timeout: Math.max(200, 2_000 - elapsed), interval: 100 }).toContain(body);
      console.log(`[integration] a comment written through A was on B’s post page after ${elapsed} ms`);
    } finally {
      await browser.close();
    }
  });

  test('a note written through B is served by A', async () => {
    const text = `经由 B 写的笔记 ${Date.now()}`;
    const posted = await fetch(`${b.baseUrl}/api/posts/${OPEN_POST}/annotations`, {
      method: 'POST',
      headers: { 'content-type': 'application/ld+json', 'x-forwarded-for': address() },
      body: JSON.stringify(note(text)),
    });
    expect(posted.status).toBe(201);
    const { id } = (await posted.json()) as { id: string };
    const read = await fetch(`${a.baseUrl}${new URL(id).pathname}`);
    expect(read.status).toBe(200);
    expect(JSON.stringify(await read.json())).toContain(text);
    const page = (await (await fetch(`${a.baseUrl}/api/posts/${OPEN_POST}/annotations`)).json()) as { items?: Array<{ id: string }> };
    expect(JSON.stringify(page)).toContain(id);
  });

  test('rate limits are shared: a limit reached through A refuses the same reader at B', async () => {
    const reader = address();
    for (let index = 0; index < 3; index += 1) expect((await postComment(a.baseUrl, `限流 ${index} ${Date.now()}`, reader)).status).toBe(201);
    const refused = await postComment(b.baseUrl, `限流 第四条 ${Date.now()}`, reader);
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('comment.rateLimited');
  });

  test('through nginx: both instances answer, with nginx’s request id, and a write lands', async () => {
    const ids: string[] = [];
    for (let index = 0; index < 8; index += 1) {
      const response = await fetch(`${proxy}/zh/posts/${OPEN_POST}`);
      expect(response.status).toBe(200);
      await response.arrayBuffer();
      ids.push(response.headers.get('x-request-id') ?? '');
    }
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
    await expect.poll(() => ids.filter((id) => a.output().includes(id)).length).toBeGreaterThan(0);
    await expect.poll(() => ids.filter((id) => b.output().includes(id)).length).toBeGreaterThan(0);

    // Through nginx the client is nginx's peer (127.0.0.1, trusted) and the address before it.
    const body = `经由 nginx ${Date.now()}`;
    const posted = await fetch(`${proxy}/api/posts/${OPEN_POST}/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: proxy, 'x-forwarded-for': address() },
      body: JSON.stringify({ author: '代理', body }),
    });
    expect(posted.status).toBe(201);
    const foreign = await fetch(`${proxy}/api/posts/${OPEN_POST}/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://evil.example', 'x-forwarded-for': address() },
      body: JSON.stringify({ author: '代理', body: `别处的页面 ${Date.now()}` }),
    });
    expect(foreign.status).toBe(403);
  });

  test('when one instance stops, nginx serves every request from the other', async () => {
    await a.stop();
    const statuses: number[] = [];
    for (let index = 0; index < 10; index += 1) {
      const response = await fetch(`${proxy}/zh/posts/${OPEN_POST}`);
      await response.arrayBuffer();
      statuses.push(response.status);
    }
    expect(statuses).toEqual(Array.from({ length: 10 }, () => 200));
    expect((await postComment(proxy, `A 停了以后 ${Date.now()}`)).status).toBe(201);
  });
});
