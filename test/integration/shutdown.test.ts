/**
 * Stopping an instance (SIGTERM, as a process manager or a deploy does) in the middle of a storm
 * of writes: it stops taking connections, finishes the requests it has, and exits; every comment
 * it acknowledged with a 201 is in the database afterwards. The real server on SQLite. Also the
 * request id and the JSON log line every answer gets.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTempDatabase, type TempDatabase } from './databases';
import { OPEN_POST, READY_TIMEOUT_MS, startServer, type RunningServer } from './server';

describe('an instance stopped during a write storm', () => {
  let database: TempDatabase;
  let server: RunningServer;

  beforeAll(async () => {
    database = await createTempDatabase('sqlite');
    server = await startServer({
      databaseUrl: database.url,
      label: 'sqlite (shutdown)',
      env: { COMMENTS_RATE_PER_MINUTE: '100000', COMMENTS_RATE_PER_DAY: '1000000' },
    });
  }, READY_TIMEOUT_MS + 60_000);

  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  }, 60_000);

  test('every answer carries a request id, and the log has one JSON line for it without the query', async () => {
    const response = await fetch(`${server.baseUrl}/zh?utm_source=secret-campaign`, { headers: { 'x-request-id': 'probe-request-000000001' } });
    expect(response.headers.get('x-request-id')).toBe('probe-request-000000001');
    await expect.poll(() => server.output()).toContain('"id":"probe-request-000000001"');
    const line = server.output().split('\n').find((each) => each.includes('probe-request-000000001')) ?? '';
    expect(JSON.parse(line)).toMatchObject({ method: 'GET', path: '/zh', status: 200 });
    expect(line).not.toContain('secret-campaign');
  });

  test('SIGTERM loses no acknowledged comment', async () => {
    const acknowledged: string[] = [];
    let stopping = false;
    let serial = 0;
    const writer = async (lane: number) => {
      while (!stopping) {
        serial += 1;
        const body = `停机测试评论 ${lane}-${serial}-${Date.now()}`;
        try {
          const response = await fetch(`${server.baseUrl}/api/posts/${OPEN_POST}/comments`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ author: '压测', body }),
            signal: AbortSignal.timeout(30_000),
          });
          if (response.status === 201) acknowledged.push(((await response.json()) as { comment: { id: string } }).comment.id);
        } catch {
          // Refused or cut once the server stops: not acknowledged, so nothing is owed.
          return;
        }
      }
    };
    const writers = Array.from({ length: 8 }, (_, lane) => writer(lane));
    await expect.poll(() => acknowledged.length, { timeout: 60_000 }).toBeGreaterThan(20);
    stopping = true;
    await server.stop();
    await Promise.all(writers);
    expect(acknowledged.length).toBeGreaterThan(20);
    if (database.target.provider !== 'sqlite') throw new Error('runs on SQLite');
    const db = new Database(database.target.file, { readonly: true });
    try {
      const stored = new Set((db.prepare('SELECT id FROM Comment').all() as Array<{ id: string }>).map((row) => row.id));
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    } finally {
      db.close();
    }
  });
});
