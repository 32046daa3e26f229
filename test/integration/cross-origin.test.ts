/**
 * Writes through the API from another site's page are refused before anything is stored; the
 * site's own pages, and clients that are not browsers (curl, W3C annotation clients), still write.
 * Cookies that identify a reader are Secure exactly when the page talks over https. The real server
 * (scripts/server.mjs) on SQLite, over HTTP.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTempDatabase, type TempDatabase } from './databases';
import { Reader } from './http-client';
import { LIMITS_OFF_ENV, OPEN_POST, READY_TIMEOUT_MS, startServer, type RunningServer } from './server';

const threadPath = `/api/posts/${OPEN_POST}/comments`;
let serial = 0;
const comment = () => ({ author: '读者', body: `跨站测试评论，编号 ${Date.now()}${(serial += 1)}` });

describe('writes from another origin', () => {
  let database: TempDatabase;
  let server: RunningServer;
  const bodies = async () => {
    const answer = await new Reader(server.baseUrl).get(threadPath);
    return JSON.stringify(answer.json);
  };

  beforeAll(async () => {
    database = await createTempDatabase('sqlite');
    // Every write here comes from this machine: limits it never meets.
    server = await startServer({ databaseUrl: database.url, label: 'sqlite (cross-origin)', env: LIMITS_OFF_ENV });
  }, READY_TIMEOUT_MS + 60_000);

  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  }, 60_000);

  test('a comment posted from another site\'s page is refused with 403 and not stored', async () => {
    const sent = comment();
    const response = await new Reader(server.baseUrl).post(threadPath, sent, { headers: { origin: 'http://evil.example' } });
    expect(response.status).toBe(403);
    expect(response.json).toEqual({ error: { code: 'request.crossOrigin', message: expect.any(String) } });
    expect(await bodies()).not.toContain(sent.body);
  });

  test('a sandboxed frame (Origin: null), and a browser saying cross-site without an Origin, are refused too', async () => {
    expect((await new Reader(server.baseUrl).post(threadPath, comment(), { headers: { origin: 'null' } })).status).toBe(403);
    expect((await new Reader(server.baseUrl).post(threadPath, comment(), { headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
  });

  test('notes and flags are guarded the same way', async () => {
    const evil = { headers: { origin: 'https://evil.example' } };
    const reader = new Reader(server.baseUrl);
    expect((await reader.post(`/api/posts/${OPEN_POST}/annotations`, {}, evil)).status).toBe(403);
    expect((await reader.request('PUT', '/api/annotations/any-id', { ...evil, json: {} })).status).toBe(403);
    expect((await reader.delete('/api/annotations/any-id', evil)).status).toBe(403);
    expect((await reader.post('/api/comments/any-id/flag', undefined, evil)).status).toBe(403);
  });

  test('the site\'s own page, SITE_URL\'s origin and a client without Origin all write', async () => {
    const own = comment();
    const ownOrigin = new URL(server.baseUrl).origin;
    expect((await new Reader(server.baseUrl).post(threadPath, own, { headers: { origin: ownOrigin, 'sec-fetch-site': 'same-origin' } })).status).toBe(201);
    const viaSiteUrl = comment();
    expect((await new Reader(server.baseUrl).post(threadPath, viaSiteUrl, { headers: { origin: 'https://duizhao-integration.example' } })).status).toBe(201);
    const curl = comment();
    expect((await new Reader(server.baseUrl).post(threadPath, curl)).status).toBe(201);
    const stored = await bodies();
    for (const each of [own, viaSiteUrl, curl]) expect(stored).toContain(each.body);
  });

  test('the cookies that identify a reader are Secure when the page talks over https, and only then', async () => {
    const setCookies = async (headers: Record<string, string>) => {
      const response = await fetch(`${server.baseUrl}${threadPath}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.77.0.${(serial % 200) + 1}`, ...headers },
        body: JSON.stringify(comment()),
      });
      expect(response.status).toBe(201);
      return response.headers.getSetCookie();
    };
    // Over http (the browser's Origin says so): Secure would make the browser drop the cookie.
    const plain = await setCookies({ origin: new URL(server.baseUrl).origin });
    expect(plain.length).toBeGreaterThan(0);
    for (const cookie of plain) expect(cookie).not.toMatch(/;\s*secure/i);
    // No Origin: the site's public address (SITE_URL, https here) decides.
    const secure = await setCookies({});
    expect(secure.length).toBeGreaterThan(0);
    for (const cookie of secure) expect(cookie).toMatch(/;\s*secure/i);
  });

  test('a no-JavaScript comment form posted from another site is 403 in both languages, not a 500, and stores nothing', async () => {
    const page = await (await fetch(`${server.baseUrl}/zh/posts/${OPEN_POST}/comments`)).text();
    const form = /<form id="comment-form"[\s\S]*?<\/form>/.exec(page)?.[0] ?? '';
    const fields = new FormData();
    for (const input of form.matchAll(/<input\b[^>]*>/g)) {
      const name = /\bname="([^"]*)"/.exec(input[0])?.[1];
      if (name && /type="hidden"/.test(input[0])) fields.append(name, (/\bvalue="([^"]*)"/.exec(input[0])?.[1] ?? '').replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
    }
    expect([...fields.keys()].some((name) => name.startsWith('$ACTION')), 'the form is a server action').toBe(true);
    const sent = comment();
    fields.set('author', sent.author);
    fields.set('body', sent.body);
    const response = await fetch(`${server.baseUrl}/zh/posts/${OPEN_POST}/comments`, { method: 'POST', body: fields, headers: { origin: 'http://evil.example' }, redirect: 'manual' });
    expect(response.status).toBe(403);
    const text = await response.text();
    expect(text).toContain('本站只接受来自自己页面的修改。');
    expect(text).toContain('This site accepts changes from its own pages only.');
    expect(await bodies()).not.toContain(sent.body);
  });

  test('a form post over 1 MB is 413, and one without a length 411, never a 500', async () => {
    const big = new FormData();
    big.set('body', 'a'.repeat(1_100_000));
    const tooLarge = await fetch(`${server.baseUrl}/zh/posts/${OPEN_POST}/comments`, { method: 'POST', body: big, redirect: 'manual' });
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.text()).toContain('That is too long to send.');
    const chunked = await new Promise<number>((resolve, reject) => {
      const { hostname, port } = new URL(server.baseUrl);
      const req = request({ hostname, port, path: `/zh/posts/${OPEN_POST}/comments`, method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'transfer-encoding': 'chunked' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.write('author=x&body=');
      req.end('y');
    });
    expect(chunked).toBe(411);
  });

  test('reading from another origin is not a write: it is answered', async () => {
    expect((await new Reader(server.baseUrl).get(threadPath, { headers: { origin: 'http://evil.example' } })).status).toBe(200);
  });
});
