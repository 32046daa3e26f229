/**
 * Prerendered pages and public files answered from memory by the real server (scripts/server.mjs
 * with lib/http/page-cache.mjs) on the real build: which answers come from memory (the request
 * log says `"from": "memory"`), that they are Next's own bytes and headers with an ETag, 304 and
 * brotli, that the reading state picks the same page the proxy picks, and that a comment is on the
 * post page at once for whoever loads it next.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTempDatabase, type TempDatabase } from './databases';
import { freshAddress } from './http-client';
import { OPEN_POST, READY_TIMEOUT_MS, startServer, type RunningServer } from './server';
import { rawRequest, type RawAnswer } from '../support/raw-http';

type Raw = RawAnswer;

let database: TempDatabase;
let server: RunningServer;

beforeAll(async () => {
  database = await createTempDatabase('sqlite');
  server = await startServer({ databaseUrl: database.url, label: 'sqlite (page cache)', env: { TRUSTED_PROXIES: '127.0.0.1' } });
}, READY_TIMEOUT_MS + 60_000);

afterAll(async () => {
  await server?.stop();
  await database?.drop();
}, 60_000);

/** A GET as a browser sends it, the body as it came over the wire (not decompressed). */
const get = (path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> => rawRequest(`${server.baseUrl}${path}`, { method, headers });

function decoded(answer: Raw): string {
  const encoding = answer.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(answer.body).toString();
  if (encoding === 'gzip') return gunzipSync(answer.body).toString();
  return answer.body.toString();
}

/** The log line of an answer, found by its request id. */
async function logLine(answer: Raw): Promise<Record<string, unknown>> {
  const id = String(answer.headers['x-request-id']);
  await expect.poll(() => server.output().includes(`"id":"${id}"`)).toBe(true);
  const line = server.output().split('\n').find((each) => each.includes(`"id":"${id}"`)) ?? '{}';
  return JSON.parse(line.slice(line.indexOf('{'))) as Record<string, unknown>;
}

/** Asks until the answer comes from memory (the first is rendered by Next, and kept after it is sent). */
async function fromMemory(path: string, headers: Record<string, string> = {}): Promise<Raw> {
  let answer: Raw = await get(path, headers);
  await expect
    .poll(async () => {
      answer = await get(path, headers);
      return (await logLine(answer)).from;
    })
    .toBe('memory');
  return answer;
}

const post = `/zh/posts/${OPEN_POST}`;
const reader = { cookie: 'lang=zh', 'accept-encoding': 'gzip, deflate, br' };

describe('answers kept in memory', () => {
  test('the post page: Next’s headers and bytes, in brotli, with an ETag and a Vary that name what chose it', async () => {
    const kept = await fromMemory(post, reader);
    expect(kept.status).toBe(200);
    expect(kept.headers['content-encoding']).toBe('br');
    expect(kept.headers.etag).toMatch(/^"[\w-]{27}-br"$/);
    expect(String(kept.headers.vary).split(/,\s*/)).toEqual(expect.arrayContaining(['Accept-Encoding', 'Cookie']));
    expect(kept.headers['cache-control']).toMatch(/s-maxage=/);
    expect(kept.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(kept.headers['content-security-policy']).toMatch(/script-src 'self' 'sha256-/);
    expect(kept.headers['x-request-id']).toBeTruthy();
    const html = decoded(kept);
    expect(html).toContain('<article');
    expect(Number(kept.headers['content-length'])).toBe(kept.body.length);
    // The same page without compression is the same document.
    const plain = await fromMemory(post, { cookie: 'lang=zh' });
    expect(plain.body.toString()).toBe(html);
    expect(plain.headers.etag).toBe(String(kept.headers.etag).replace(/-br"$/, '"'));
  });

  test('a browser that has the page gets 304 without a body', async () => {
    const kept = await fromMemory(post, reader);
    const again = await get(post, { ...reader, 'if-none-match': String(kept.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(kept.headers.etag);
    expect((await logLine(again)).from).toBe('memory');
  });

  test('the reading state picks the same page from the URL or the cookies, and the URL’s choice is remembered', async () => {
    const byUrl = await fromMemory(`${post}?gloss=parallel&pinyin=1`, reader);
    expect(byUrl.headers['set-cookie']).toEqual(expect.arrayContaining([expect.stringMatching(/^gloss=parallel;/), expect.stringMatching(/^pinyin=1;/)]));
    const byCookie = await fromMemory(post, { ...reader, cookie: 'lang=zh; gloss=parallel; pinyin=1' });
    expect(byCookie.headers['set-cookie']).toBeUndefined();
    expect(decoded(byCookie)).toBe(decoded(byUrl));
    expect(decoded(byCookie)).toContain('data-gloss-mode="parallel"');
    // And neither is the default view.
    expect(decoded(await fromMemory(post, reader))).not.toBe(decoded(byCookie));
  });

  test.each(['/zh', '/en/tags/docker', '/feed.xml', '/sitemap.xml', '/robots.txt', '/images/docker/hyper.png'])('%s is answered from memory with an ETag', async (path) => {
    const kept = await fromMemory(path, { cookie: path.startsWith('/en') ? 'lang=en' : 'lang=zh', 'accept-encoding': 'gzip' });
    expect(kept.status).toBe(200);
    expect(kept.headers.etag).toMatch(/^"[\w-]{27}(?:-gzip)?"$/);
    const again = await get(path, { cookie: path.startsWith('/en') ? 'lang=en' : 'lang=zh', 'accept-encoding': 'gzip', 'if-none-match': String(kept.headers.etag) });
    expect(again.status).toBe(304);
  });

  test('what is personal or asks for something else goes to Next: the comments page, an RSC payload', async () => {
    const comments = await get(`${post}/comments?page=1`, reader);
    await get(`${post}/comments?page=1`, reader);
    const commentsAgain = await get(`${post}/comments?page=1`, reader);
    expect(comments.status).toBe(200);
    expect((await logLine(commentsAgain)).from).toBeUndefined();
    await fromMemory(post, reader);
    // Next answers a client navigation's request for the page's RSC payload itself (here, first
    // with a redirect that adds its cache-busting parameter), never with the kept HTML.
    const rsc = await get(post, { ...reader, rsc: '1' });
    expect(rsc.headers['content-type'] ?? '').not.toMatch(/^text\/html/);
    expect((await logLine(rsc)).from).toBeUndefined();
  });
});

describe('a change is on the kept pages at once', () => {
  test('a comment is on the post page, in both languages and in every view', async () => {
    const views = [post, `/en/posts/${OPEN_POST}`, `${post}?gloss=inline`];
    for (const view of views) await fromMemory(view, reader);
    const text = `A comment the kept pages must show ${Date.now()}`;
    const created = await fetch(`${server.baseUrl}/api/posts/${OPEN_POST}/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': freshAddress() },
      body: JSON.stringify({ author: 'Page cache', body: text }),
    });
    expect(created.status).toBe(201);
    const authored = created.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).join('; ');
    expect(authored).toMatch(/duizhao_authored=/);
    // The author, whose browser holds the cookie of what it wrote, and then everyone else.
    for (const view of views) expect(decoded(await get(view, { ...reader, cookie: `${reader.cookie}; ${authored}` })), view).toContain(text);
    // Everyone else gets the kept copy at once while the page is rendered again in the background:
    // the comment is there as soon as that render is done (a few hundred ms here; 2 s allows for a
    // busy machine).
    for (const view of views) await expect.poll(async () => decoded(await get(view, reader)), { timeout: 2_000, interval: 50, message: view }).toContain(text);
    const log = await logLine(await get(post, reader));
    expect(log.from).toBe('memory');
  });
});
