/**
 * What the HTTP server refuses before Next runs (lib/http/http-limits.mjs), over real sockets:
 * methods no route takes get 405 with `Allow` (Next answered TRACE with a 500), and a request
 * that stalls is cut at its time limit instead of holding its connection for five minutes.
 * The server runs with REQUEST_TIMEOUT_MS=2000 so the limit shows in seconds.
 */
import { connect } from 'node:net';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTempDatabase, type TempDatabase } from './databases';
import { READY_TIMEOUT_MS, startServer, type RunningServer } from './server';

const LIMIT_MS = 2000;

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

function send(baseUrl: string, method: string, path: string): Promise<Answer> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Writes `head` (and nothing more) on a raw socket; resolves with what came back and when the server closed it. */
function stall(baseUrl: string, head: string): Promise<{ reply: string; closedAfterMs: number }> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(Number(port), hostname, () => socket.write(head));
    let reply = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (reply += chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve({ reply, closedAfterMs: Date.now() - started }));
    // Should the server never close it, the test's own timeout reports it.
  });
}

describe('requests the server refuses before any route runs', () => {
  let database: TempDatabase;
  let server: RunningServer;

  beforeAll(async () => {
    database = await createTempDatabase('sqlite');
    server = await startServer({ databaseUrl: database.url, env: { REQUEST_TIMEOUT_MS: String(LIMIT_MS) }, label: 'sqlite (http limits)' });
  }, READY_TIMEOUT_MS + 60_000);

  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  }, 60_000);

  const pages = ['/zh', '/zh/posts/docker-and-hyper', '/zh/posts/docker-and-hyper/comments', '/feed.xml', '/robots.txt'];
  const apis = ['/api/posts/docker-and-hyper/comments', '/api/posts/docker-and-hyper/annotations/', '/api/health', '/api/comments/x'];

  test.each(['TRACE', 'PROPFIND', 'SEARCH'].flatMap((method) => pages.map((path) => [method, path])))('%s %s answers 405 with Allow', async (method, path) => {
    const answer = await send(server.baseUrl, method, path);
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe('GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS');
    expect(answer.body).toContain('这个地址不支持这种请求方式。');
    expect(answer.body).toContain('This address does not accept that kind of request.');
  });

  test.each(['TRACE', 'PROPFIND'].flatMap((method) => apis.map((path) => [method, path])))('%s %s answers the API’s JSON 405', async (method, path) => {
    const answer = await send(server.baseUrl, method, path);
    expect(answer.status).toBe(405);
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(answer.body)).toEqual({ error: { code: 'request.methodNotAllowed', message: expect.any(String) } });
  });

  test('the methods routes take still reach them', async () => {
    expect((await send(server.baseUrl, 'GET', '/api/health')).status).toBe(200);
    expect((await send(server.baseUrl, 'HEAD', '/zh')).status).toBe(200);
    expect((await send(server.baseUrl, 'OPTIONS', '/api/posts/docker-and-hyper/annotations/')).status).toBeLessThan(300);
  });

  test('a body that stalls is answered 408 and its connection closed at the limit', async () => {
    const head = 'POST /api/posts/docker-and-hyper/comments HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"author":"Slow';
    const { reply, closedAfterMs } = await stall(server.baseUrl, head);
    expect(reply).toMatch(/^HTTP\/1\.1 408 /);
    expect(closedAfterMs).toBeGreaterThanOrEqual(LIMIT_MS - 100);
    expect(closedAfterMs).toBeLessThan(LIMIT_MS + 5000);
  }, 30_000);

  test('headers that stall are cut at the limit too', async () => {
    const { closedAfterMs } = await stall(server.baseUrl, 'GET /zh HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
    expect(closedAfterMs).toBeGreaterThanOrEqual(LIMIT_MS - 100);
    expect(closedAfterMs).toBeLessThan(LIMIT_MS + 5000);
  }, 30_000);
});
