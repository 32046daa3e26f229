/**
 * Addresses whose percent-encoding does not decode (a link cut short, `%E0%A4%A`) get a clear 400
 * from scripts/server.mjs — the API's JSON error under /api/, a page in both languages elsewhere —
 * instead of the 500 Next would answer before any route runs. Well-formed addresses are untouched.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTempDatabase, type TempDatabase } from './databases';
import { READY_TIMEOUT_MS, startServer, type RunningServer } from './server';

type Answer = { status: number; type: string; body: string };

/** A raw GET: the path goes on the wire exactly as written (fetch would not change it, but be sure). */
function get(baseUrl: string, path: string, method = 'GET'): Promise<Answer> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, type: String(response.headers['content-type'] ?? ''), body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('malformed percent-encoding in the path', () => {
  let database: TempDatabase;
  let server: RunningServer;

  beforeAll(async () => {
    database = await createTempDatabase('sqlite');
    server = await startServer({ databaseUrl: database.url, label: 'sqlite (malformed addresses)' });
  }, READY_TIMEOUT_MS + 60_000);

  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  }, 60_000);

  test.each(['/zh/posts/%E0%A4%A', '/en/tags/%ZZ', '/%E0%A4%A', '/glossary/%E0%A4%A.json', '/feed/%E0%A4%A.xml', '/zh/posts/docker-and-hyper/%C3'])(
    'the page %s answers 400 with a message in both languages',
    async (path) => {
      const answer = await get(server.baseUrl, path);
      expect(answer.status).toBe(400);
      expect(answer.type).toMatch(/^text\/html/);
      expect(answer.body).toContain('网址无效');
      expect(answer.body).toContain('Malformed address');
    },
  );

  test.each(['/api/posts/%E0%A4%A/comments', '/api/comments/%E0%A4%A', '/api/posts/%E0%A4%A/annotations'])('the API path %s answers 400 request.invalid', async (path) => {
    const answer = await get(server.baseUrl, path);
    expect(answer.status).toBe(400);
    expect(answer.type).toMatch(/^application\/json/);
    expect(JSON.parse(answer.body)).toEqual({ error: { code: 'request.invalid', message: expect.any(String) } });
  });

  test('HEAD gets the status without a body', async () => {
    expect(await get(server.baseUrl, '/zh/posts/%E0%A4%A', 'HEAD')).toMatchObject({ status: 400, body: '' });
  });

  test('well-formed escapes and a malformed query are left to the app', async () => {
    expect((await get(server.baseUrl, '/zh/posts/%E4%BD%A0%E5%A5%BD')).status).toBe(404);
    expect((await get(server.baseUrl, '/zh/posts/docker-and-hyper?x=%ZZ')).status).toBe(200);
    expect((await get(server.baseUrl, '/api/posts/docker-and-hyper/comments')).status).toBe(200);
  });
});
