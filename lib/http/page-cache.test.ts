/**
 * The page cache of the HTTP server, in front of a stand-in for Next that counts what reaches it
 * and answers as Next does (shared answers with `s-maxage`, dynamic ones `private, no-store`).
 * test/integration/page-cache.test.ts runs the same against the real server and build.
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { createPageCache, PAGE_FRESH_MS, type PageCache } from './page-cache.mjs';
import { pagesChanged, registerPageCache } from './page-cache-registry.mjs';
import { rawRequest } from '../../test/support/raw-http';

const PAGE = `<!doctype html><html><body>${'<p>对照：一段文字 some text</p>'.repeat(200)}</body></html>`;

let clock = 0;
let cache: PageCache;
let reachedNext: string[] = [];
/** What "Next" answers next, by path; the body may change between renders. */
type Rendered = { status?: number; headers?: Record<string, string | string[]>; body: string };
let render: Record<string, () => Rendered> = {};
let holdNext: Promise<void> | null = null;

let server: Server;
let origin = '';
beforeAll(async () => {
  server = createServer((request, response) => {
    const found = cache.lookup(request);
    if (found?.entry) return cache.send(found.entry, request, response);
    reachedNext.push(`${request.method} ${request.url}`);
    if (found) cache.capture(found, response);
    const answer: Rendered = (render[new URL(request.url ?? '/', 'http://x').pathname] ?? (() => ({ status: 404, body: 'none' })))();
    const finish = () => {
      response.writeHead(answer.status ?? 200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 's-maxage=60, stale-while-revalidate=31535940', ...answer.headers });
      response.end(request.method === 'HEAD' ? undefined : answer.body);
    };
    if (holdNext) void holdNext.then(finish);
    else finish();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  clock = 1_000_000;
  cache = createPageCache({ maxBytes: 1024 * 1024, now: () => clock });
  reachedNext = [];
  holdNext = null;
  // A post varies on the reading-state cookies (proxy.ts says so).
  render = { '/zh/posts/x': () => ({ body: PAGE, headers: { Vary: 'Cookie' } }) };
});

const raw = (path: string, headers: Record<string, string> = {}, method = 'GET') => rawRequest(`${origin}${path}`, { method, headers });

/** Next's answer is kept once it has been sent: the compression runs after the body is out. */
async function settle() {
  await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('a shared answer is kept and answered from memory', () => {
  test('the second request does not reach Next, in every encoding, with one ETag per encoding', async () => {
    const first = await raw('/zh/posts/x', { cookie: 'lang=zh' });
    expect(first.body.toString()).toBe(PAGE);
    await settle();
    const plain = await raw('/zh/posts/x', { cookie: 'lang=zh' });
    const br = await raw('/zh/posts/x', { cookie: 'lang=zh', 'accept-encoding': 'gzip, deflate, br' });
    const gzip = await raw('/zh/posts/x', { cookie: 'lang=zh', 'accept-encoding': 'gzip' });
    expect(reachedNext).toEqual(['GET /zh/posts/x']);
    expect(plain.body.toString()).toBe(PAGE);
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toBe(PAGE);
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(PAGE);
    expect(br.body.length).toBeLessThan(gzip.body.length);
    const tags = [plain, br, gzip].map((answer) => answer.headers.etag);
    expect(new Set(tags).size).toBe(3);
    expect(plain.headers.vary).toBe('Cookie, Accept-Encoding');
    expect(plain.headers['cache-control']).toBe('s-maxage=60, stale-while-revalidate=31535940');
    expect(plain.headers['content-length']).toBe(String(Buffer.byteLength(PAGE)));
  });

  test('a client that has it gets 304 without a body; HEAD gets the headers alone', async () => {
    await raw('/zh/posts/x', { cookie: 'lang=zh' });
    await settle();
    const br = await raw('/zh/posts/x', { cookie: 'lang=zh', 'accept-encoding': 'br' });
    const again = await raw('/zh/posts/x', { cookie: 'lang=zh', 'accept-encoding': 'br', 'if-none-match': `"other", ${br.headers.etag ?? ''}` });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(br.headers.etag);
    const head = await raw('/zh/posts/x', { cookie: 'lang=zh', 'accept-encoding': 'br' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(br.headers['content-length']);
    expect(head.body.length).toBe(0);
    expect(reachedNext).toEqual(['GET /zh/posts/x']);
  });

  test('the reading state in the URL or in the cookies shares the prerendered view, and what the URL chose is still remembered', async () => {
    render['/zh/posts/x'] = () => ({ body: PAGE, headers: { 'Set-Cookie': ['gloss=inline; Path=/', 'pinyin=0; Path=/'] } });
    const byUrl = await raw('/zh/posts/x?gloss=inline', { cookie: 'lang=zh' });
    await settle();
    const byUrlAgain = await raw('/zh/posts/x?gloss=inline&pinyin=0', { cookie: 'lang=zh' });
    expect(byUrlAgain.headers['set-cookie']).toEqual(['gloss=inline; Path=/', 'pinyin=0; Path=/']);
    expect(byUrlAgain.body.equals(byUrl.body)).toBe(true);
    // The cookie's reader has made the choice already: a key of its own, Next asked once for it.
    await raw('/zh/posts/x', { cookie: 'lang=zh; gloss=inline' });
    expect(reachedNext).toEqual(['GET /zh/posts/x?gloss=inline', 'GET /zh/posts/x']);
  });

  test('what Next marks as personal, a cookie the decision did not choose, or an error is not kept', async () => {
    render['/zh/tags/a'] = () => ({ headers: { 'Cache-Control': 'private, no-cache, no-store, max-age=0, must-revalidate' }, body: 'dynamic' });
    render['/zh/tags/b'] = () => ({ headers: { 'Set-Cookie': 'session=abc; Path=/' }, body: 'with a cookie' });
    render['/zh/tags/c'] = () => ({ status: 500, body: 'broken' });
    for (const path of ['/zh/tags/a', '/zh/tags/b', '/zh/tags/c']) {
      await raw(path, { cookie: 'lang=zh' });
      await settle();
      await raw(path, { cookie: 'lang=zh' });
    }
    expect(reachedNext).toHaveLength(6);
  });

  test('requests for something else at the same URL (an RSC payload, a range) go to Next', async () => {
    await raw('/zh/posts/x', { cookie: 'lang=zh' });
    await settle();
    await raw('/zh/posts/x', { cookie: 'lang=zh', rsc: '1' });
    await raw('/zh/posts/x', { cookie: 'lang=zh', range: 'bytes=0-10' });
    await raw('/zh/posts/x', { cookie: 'lang=zh' }, 'POST');
    expect(reachedNext).toEqual(['GET /zh/posts/x', 'GET /zh/posts/x', 'GET /zh/posts/x', 'POST /zh/posts/x']);
  });
});

describe('freshness', () => {
  test('after a minute one request asks Next again while the rest get the kept copy', async () => {
    let version = 1;
    render['/zh/posts/x'] = () => ({ body: `${PAGE}<!-- ${version} -->` });
    await raw('/zh/posts/x', { cookie: 'lang=zh' });
    await settle();
    clock += PAGE_FRESH_MS - 1;
    expect((await raw('/zh/posts/x', { cookie: 'lang=zh' })).body.toString()).toContain('<!-- 1 -->');
    expect(reachedNext).toHaveLength(1);
    clock += 2;
    version = 2;
    let release = () => {};
    holdNext = new Promise((resolve) => (release = resolve));
    const refreshing = raw('/zh/posts/x', { cookie: 'lang=zh' });
    const meanwhile = await raw('/zh/posts/x', { cookie: 'lang=zh' });
    expect(meanwhile.body.toString()).toContain('<!-- 1 -->');
    release();
    expect((await refreshing).body.toString()).toContain('<!-- 2 -->');
    holdNext = null;
    await settle();
    expect((await raw('/zh/posts/x', { cookie: 'lang=zh' })).body.toString()).toContain('<!-- 2 -->');
    expect(reachedNext).toHaveLength(2);
  });

  test('with a refresher, a page past its minute is rendered again in the background, one render at a time, every reader getting the kept copy; after a change the next reader waits', async () => {
    const refreshed: string[] = [];
    let running = 0;
    let mostAtOnce = 0;
    cache = createPageCache({
      maxBytes: 1024 * 1024,
      now: () => clock,
      refresh: async (path, headers) => {
        refreshed.push(path);
        running += 1;
        mostAtOnce = Math.max(mostAtOnce, running);
        await raw(path, headers);
        running -= 1;
      },
    });
    let version = 1;
    for (const path of ['/zh/posts/x', '/zh/posts/y']) render[path] = () => ({ body: `${PAGE}<!-- ${path} ${version} -->` });
    for (const path of ['/zh/posts/x', '/zh/posts/y']) await raw(path, { cookie: 'lang=zh' });
    await settle();
    // Past the minute while Next is slow: both are rendered again, one after the other, while
    // readers keep getting the kept copies at once.
    version = 2;
    clock += PAGE_FRESH_MS + 1;
    let release = () => {};
    holdNext = new Promise((resolve) => (release = resolve));
    for (const path of ['/zh/posts/x', '/zh/posts/y', '/zh/posts/x']) expect((await raw(path, { cookie: 'lang=zh' })).body.toString()).toContain(`<!-- ${path} 1 -->`);
    await settle();
    expect(running).toBe(1);
    holdNext = null;
    release();
    await vi.waitFor(() => expect(refreshed).toHaveLength(2));
    await vi.waitFor(() => expect(running).toBe(0));
    await settle();
    for (const path of ['/zh/posts/x', '/zh/posts/y']) expect((await raw(path, { cookie: 'lang=zh' })).body.toString()).toContain(`<!-- ${path} 2 -->`);
    expect(mostAtOnce).toBe(1);
    expect(refreshed).toEqual(['/zh/posts/x', '/zh/posts/y']);
    expect(reachedNext).toHaveLength(4);
    // A made-up token is an ordinary request: answered from what is kept.
    await raw('/zh/posts/x', { cookie: 'lang=zh', 'x-duizhao-refresh': 'guessed' });
    expect(reachedNext).toHaveLength(4);
    // A change: the next reader gets the new render, not the kept copy.
    version = 3;
    cache.invalidate();
    expect((await raw('/zh/posts/x', { cookie: 'lang=zh' })).body.toString()).toContain('<!-- /zh/posts/x 3 -->');
    expect(refreshed).toHaveLength(2);
  });

  test('a change makes every kept page stale at once: one request renders it again, the others get the kept copy meanwhile', async () => {
    let version = 1;
    render['/zh/posts/x'] = () => ({ body: `${PAGE}<!-- ${version} -->` });
    await raw('/zh/posts/x', { cookie: 'lang=zh' });
    await settle();
    version = 2;
    cache.invalidate();
    let release = () => {};
    holdNext = new Promise((resolve) => (release = resolve));
    const rendering = raw('/zh/posts/x', { cookie: 'lang=zh' });
    await settle();
    expect((await raw('/zh/posts/x', { cookie: 'lang=zh' })).body.toString()).toContain('<!-- 1 -->');
    release();
    expect((await rendering).body.toString()).toContain('<!-- 2 -->');
    holdNext = null;
    await settle();
    expect((await raw('/zh/posts/x', { cookie: 'lang=zh' })).body.toString()).toContain('<!-- 2 -->');
    expect(reachedNext).toHaveLength(2);
  });

  test('whoever has written something, or the admin, always gets the page from Next', async () => {
    await raw('/zh/posts/x', { cookie: 'lang=zh' });
    await settle();
    await raw('/zh/posts/x', { cookie: 'lang=zh; duizhao_authored=abc' });
    await raw('/zh/posts/x', { cookie: 'duizhao_admin=abc; lang=zh' });
    await raw('/zh/posts/x', { cookie: 'lang=zh' });
    expect(reachedNext).toHaveLength(3);
  });

  test('an answer begun before a change is kept only as stale: the next request renders again', async () => {
    let version = 1;
    render['/zh/posts/x'] = () => ({ body: `${PAGE}<!-- ${version} -->` });
    registerPageCache(cache);
    let release = () => {};
    holdNext = new Promise((resolve) => (release = resolve));
    const before = raw('/zh/posts/x', { cookie: 'lang=zh' });
    await settle();
    version = 2;
    // The change commits while that render is on its way.
    pagesChanged();
    release();
    expect((await before).body.toString()).toContain('<!-- 1 -->');
    holdNext = null;
    await settle();
    expect((await raw('/zh/posts/x', { cookie: 'lang=zh' })).body.toString()).toContain('<!-- 2 -->');
    await settle();
    cache.invalidate();
    version = 3;
    expect((await raw('/zh/posts/x', { cookie: 'lang=zh' })).body.toString()).toContain('<!-- 3 -->');
    expect(reachedNext).toHaveLength(3);
  });

  test('immutable files stay through a change; memory stays under its bound, the least recently used going first', async () => {
    cache = createPageCache({ maxBytes: 40 * 1024, now: () => clock });
    render['/_next/static/a.js'] = () => ({ headers: { 'Content-Type': 'application/javascript', 'Cache-Control': 'public, max-age=31536000, immutable' }, body: 'x'.repeat(2000) });
    for (const tag of ['a', 'b', 'c', 'd', 'e', 'f']) render[`/zh/tags/${tag}`] = () => ({ body: `${tag}${'页'.repeat(3000)}` });
    for (const tag of ['a', 'b', 'c', 'd', 'e', 'f']) await raw(`/zh/tags/${tag}`, { cookie: 'lang=zh' });
    await raw('/_next/static/a.js');
    await settle();
    expect(cache.stats().bytes).toBeLessThanOrEqual(40 * 1024);
    expect(cache.stats().entries).toBeLessThan(7);
    cache.invalidate();
    reachedNext = [];
    await raw('/_next/static/a.js');
    await raw('/zh/tags/f', { cookie: 'lang=zh' });
    expect(reachedNext).toEqual(['GET /zh/tags/f']);
  });
});
