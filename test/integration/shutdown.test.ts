/**
 * Stopping an instance (SIGTERM, as a process manager or a deploy does) in the middle of a storm
 * of writes: it stops taking connections, finishes the requests it has, and exits; every comment
 * it acknowledged with a 201 is in the database afterwards, which it closed before exiting. The real server on SQLite. Also the
 * request id and the JSON log line every answer gets, the cookies signed with the operator's
 * SESSION_SECRET, and a server on a public address refusing to start without one.
 */
import { spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTempDatabase, type TempDatabase } from './databases';
import { LIMITS_OFF_ENV, OPEN_POST, READY_TIMEOUT_MS, startServer, type RunningServer } from './server';

const SESSION_SECRET = 'integration-session-secret-0123456789abcdef';

test('a server on a public address without SESSION_SECRET does not start, and says why', () => {
  const { SESSION_SECRET: _unset, ...environment } = process.env;
  const run = spawnSync(process.execPath, ['scripts/server.mjs'], { env: { ...environment, HOST: '0.0.0.0', PORT: '3999' }, encoding: 'utf8', timeout: 60_000 });
  expect(run.status).toBe(1);
  expect(run.stderr).toMatch(/Not starting: HOST=0\.0\.0\.0 .* SESSION_SECRET must be set/);
});

describe('an instance stopped during a write storm', () => {
  let database: TempDatabase;
  let server: RunningServer;

  beforeAll(async () => {
    database = await createTempDatabase('sqlite');
    server = await startServer({
      databaseUrl: database.url,
      label: 'sqlite (shutdown)',
      env: { ...LIMITS_OFF_ENV, SESSION_SECRET },
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

  test("the reader's cookie is signed with SESSION_SECRET", async () => {
    const response = await fetch(`${server.baseUrl}/api/posts/${OPEN_POST}/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ author: '签名', body: `密钥测试 ${Date.now()}` }),
    });
    expect(response.status).toBe(201);
    // Flagging gives a reader without a cookie their reader id.
    const { comment } = (await response.json()) as { comment: { id: string } };
    const flagged = await fetch(`${server.baseUrl}/api/comments/${comment.id}/flag`, { method: 'POST' });
    expect(flagged.status).toBe(201);
    const cookie = flagged.headers.getSetCookie().find((each) => each.startsWith('duizhao_reader='));
    const [id, signature] = decodeURIComponent(cookie?.split(';')[0]?.split('=')[1] ?? '').split('.');
    expect(signature).toBe(createHmac('sha256', SESSION_SECRET).update(id ?? '').digest('base64url'));
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
    // The server closed the database before it exited: SQLite checkpointed and removed its WAL.
    expect(existsSync(`${database.target.file}-wal`)).toBe(false);
    const db = new Database(database.target.file, { readonly: true });
    try {
      const stored = new Set((db.prepare('SELECT id FROM Comment').all() as Array<{ id: string }>).map((row) => row.id));
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    } finally {
      db.close();
    }
  });
});
