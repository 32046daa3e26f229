import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { publishAnswer, withdrawAnswer } from './memory-answers';
import { answerFromMemory } from './memory-answers-registry.mjs';
import { rawRequest } from '../../test/support/raw-http';

const PATH = '/api/posts/docker-and-hyper/comments';
const SMALL = JSON.stringify({ comments: [], count: 0 });
const LARGE = JSON.stringify({ comments: Array.from({ length: 40 }, (_, i) => ({ id: `c${i}`, bodyHtml: '<p>一条评论，a comment</p>' })), count: 40 });

/** A server like scripts/server.mjs, through the same contract: memory first, then "Next" (here a 299 that says so). */
let server: Server;
let origin = '';
beforeAll(async () => {
  server = createServer((request, response) => {
    if (answerFromMemory(request, response)) return;
    response.writeHead(299, { 'Content-Type': 'text/plain' });
    response.end('from the app');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => withdrawAnswer(PATH));

/** The raw bytes and headers (fetch() would decompress a gzipped body). */
const raw = (path: string, init: { method?: string; headers?: Record<string, string> } = {}) => rawRequest(`${origin}${path}`, init);

describe('answers sent from memory by the HTTP server', () => {
  test('a published answer is sent as is, with its type, no-store and a length', async () => {
    publishAnswer(PATH, SMALL, Date.now() + 60_000);
    const answer = await raw(PATH);
    expect(answer.status).toBe(200);
    expect(answer.body.toString()).toBe(SMALL);
    expect(answer.headers['content-type']).toBe('application/json');
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.headers['content-length']).toBe(String(Buffer.byteLength(SMALL)));
  });

  test('nothing published, a withdrawn answer, or an expired one: the app answers', async () => {
    expect((await raw(PATH)).status).toBe(299);
    publishAnswer(PATH, SMALL, Date.now() + 60_000);
    withdrawAnswer(PATH);
    expect((await raw(PATH)).status).toBe(299);
    publishAnswer(PATH, SMALL, Date.now() - 1);
    expect((await raw(PATH)).status).toBe(299);
  });

  test('only a GET of the exact path: HEAD, POST, a query or a trailing slash go to the app', async () => {
    publishAnswer(PATH, SMALL, Date.now() + 60_000);
    expect((await raw(PATH, { method: 'HEAD' })).status).toBe(299);
    expect((await raw(PATH, { method: 'POST' })).status).toBe(299);
    expect((await raw(`${PATH}?lang=zh`)).status).toBe(299);
    expect((await raw(`${PATH}/`)).status).toBe(299);
    expect((await raw(PATH)).status).toBe(200);
  });

  test('a request with a cookie the publisher named as personal goes to the app; other cookies do not matter', async () => {
    publishAnswer(PATH, SMALL, Date.now() + 60_000, { personalCookies: ['duizhao_authored', 'duizhao_admin'] });
    expect((await raw(PATH, { headers: { cookie: 'duizhao_authored=abc.def' } })).status).toBe(299);
    expect((await raw(PATH, { headers: { cookie: 'locale=zh; duizhao_admin=x.y' } })).status).toBe(299);
    expect((await raw(PATH, { headers: { cookie: 'locale=zh;duizhao_authored=1' } })).status).toBe(299);
    expect((await raw(PATH, { headers: { cookie: 'locale=zh; duizhao_reader=r.s; not_duizhao_authored=1' } })).status).toBe(200);
  });

  test('1 KB and more is gzipped for a client that accepts it; smaller answers and other clients get it plain', async () => {
    publishAnswer(PATH, LARGE, Date.now() + 60_000);
    const zipped = await raw(PATH, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('Accept-Encoding');
    expect(gunzipSync(zipped.body).toString()).toBe(LARGE);
    expect(zipped.body.length).toBeLessThan(Buffer.byteLength(LARGE));
    const refused = await raw(PATH, { headers: { 'accept-encoding': 'br, gzip;q=0' } });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.body.toString()).toBe(LARGE);
    const plain = await raw(PATH);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(LARGE);
    publishAnswer(PATH, SMALL, Date.now() + 60_000);
    const small = await raw(PATH, { headers: { 'accept-encoding': 'gzip' } });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.body.toString()).toBe(SMALL);
  });
});
