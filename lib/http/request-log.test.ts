/** The request log line and id (lib/http/request-log.mjs), on a real HTTP server. */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loggedFromMemory, logRequest, requestIdOf } from './request-log.mjs';

const lines: string[] = [];
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((request, response) => {
    response.setHeader('X-Request-Id', logRequest(request, response, (line) => lines.push(line)));
    if (request.url === '/kept') loggedFromMemory(response);
    response.statusCode = request.url?.startsWith('/missing') ? 404 : 200;
    response.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the request log', () => {
  test('one JSON line per request: id, method, path without its query, status, duration', async () => {
    lines.length = 0;
    const response = await fetch(`${base}/missing/page?token=secret`, { headers: { 'x-request-id': 'nginx-0123456789abcdef', cookie: 'reader=abc' } });
    expect(response.headers.get('x-request-id')).toBe('nginx-0123456789abcdef');
    await expect.poll(() => lines.length).toBe(1);
    const entry: unknown = JSON.parse(lines[0] ?? '');
    expect(entry).toEqual({ time: expect.any(String), id: 'nginx-0123456789abcdef', method: 'GET', path: '/missing/page', status: 404, ms: expect.any(Number) });
    expect(lines[0]).not.toMatch(/secret|reader=|127\.0\.0\.1/);
  });

  test('an answer sent from memory says so', async () => {
    lines.length = 0;
    await fetch(`${base}/kept`);
    await fetch(`${base}/rendered`);
    await expect.poll(() => lines.length).toBe(2);
    const [kept, rendered] = lines.map((line): unknown => JSON.parse(line));
    expect(kept).toMatchObject({ path: '/kept', from: 'memory' });
    expect(rendered).not.toHaveProperty('from');
  });

  test('an id that does not look like one is replaced by a fresh one', () => {
    expect(requestIdOf('short')).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdOf('has spaces and <script>')).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdOf(undefined)).not.toBe(requestIdOf(undefined));
  });
});
