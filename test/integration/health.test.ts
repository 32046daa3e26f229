/**
 * `GET /api/health` as a load balancer uses it, the API's JSON 404 for paths no route has, and the
 * security headers on pages and API answers.
 * The real server on SQLite: healthy, then unhealthy while its database file is away, then healthy
 * again. The check itself on each provider: migrated, behind, unreachable.
 */
import { createHash } from 'node:crypto';
import { renameSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkHealth } from '../../lib/db/health';
import { latestMigration, migrateDatabase } from '../../lib/db/migrate';
import { createTempDatabase, postgresUnavailableReason, PROVIDERS, query, type TempDatabase } from './databases';
import { READY_TIMEOUT_MS, startServer, type RunningServer } from './server';

const pgUnavailable = await postgresUnavailableReason();
if (pgUnavailable) console.warn(`[health] PostgreSQL cases skipped: ${pgUnavailable}`);

describe('the server', () => {
  let database: TempDatabase;
  let server: RunningServer;

  beforeAll(async () => {
    database = await createTempDatabase('sqlite');
    server = await startServer({ databaseUrl: database.url, label: 'sqlite (health)' });
  }, READY_TIMEOUT_MS + 60_000);

  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  }, 60_000);

  test('answers 200 while its database is there and migrated, 503 with the reason while it is not', async () => {
    const healthy = await fetch(`${server.baseUrl}/api/health`);
    expect(healthy.status).toBe(200);
    expect(healthy.headers.get('cache-control')).toBe('no-store');
    expect(await healthy.json()).toEqual({ status: 'ok', database: 'sqlite', migration: latestMigration('sqlite') });

    if (database.target.provider !== 'sqlite') throw new Error('the server test runs on SQLite');
    const file = database.target.file;
    renameSync(file, `${file}.away`);
    try {
      const unhealthy = await fetch(`${server.baseUrl}/api/health`);
      expect(unhealthy.status).toBe(503);
      const body = await unhealthy.json();
      expect(body).toEqual({ status: 'unavailable', database: 'sqlite', reason: 'database.unreachable', message: 'the database does not answer' });
      expect(JSON.stringify(body)).not.toContain(file);
    } finally {
      renameSync(`${file}.away`, file);
    }
    expect((await fetch(`${server.baseUrl}/api/health`)).status).toBe(200);
  });

  test.each(['/zh/posts/docker-and-hyper', '/zh', '/api/health', '/feed.xml'])('%s carries the security headers', async (path) => {
    const { headers } = await fetch(`${server.baseUrl}${path}`);
    const policy = headers.get('content-security-policy') ?? '';
    for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'"]) expect(policy).toContain(directive);
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(headers.get('permissions-policy')).toContain('camera=()');
    // The test servers' SITE_URL is https (test/integration/server.ts).
    expect(headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  });

  test.each(['/zh/posts/docker-and-hyper', '/zh/posts/docker-and-hyper?gloss=inline&pinyin=1', '/en/posts/docker-and-hyper?gloss=parallel&pinyin=0', '/zh/tags', '/en/admin'])(
    '%s: scripts from the site and, by hash, exactly the inline scripts the page carries',
    async (path) => {
      const response = await fetch(`${server.baseUrl}${path}`, { headers: { 'accept-encoding': 'br, gzip' } });
      // Compressed after the policy read the page (scripts/server.mjs).
      expect(response.headers.get('content-encoding')).toMatch(/^(br|gzip)$/);
      const html = await response.text();
      const policy = response.headers.get('content-security-policy') ?? '';
      const scriptSources = /(?:^|; )script-src ([^;]*)/.exec(policy)?.[1]?.split(' ') ?? [];
      const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(([, text]) => `'sha256-${createHash('sha256').update(text ?? '').digest('base64')}'`);
      expect(inline.length).toBeGreaterThan(2);
      expect([...new Set(inline)].sort()).toEqual(scriptSources.filter((source) => source.startsWith("'sha256-")).sort());
      expect(scriptSources.filter((source) => !source.startsWith("'sha256-"))).toEqual(["'self'"]);
    },
  );

  test.each(['/zh/posts/docker-and-hyper?gloss=inline&pinyin=1', '/en/posts/docker-and-hyper?gloss=parallel&pinyin=0'])(
    '%s is the prerendered page of that reading mode, served in one request',
    async (path) => {
      const id = `rewrite-probe-${Date.now()}-${Math.random().toString(36).slice(2)}`;
      const response = await fetch(`${server.baseUrl}${path}`, { headers: { 'x-request-id': id } });
      expect(response.status).toBe(200);
      await response.arrayBuffer();
      // proxy.ts rewrites it to the mode's page: in the same request, not fetched again through the server.
      await expect.poll(() => server.output()).toContain(id);
      const lines = server.output().split('\n').filter((line) => line.startsWith('{"time"'));
      const at = lines.findIndex((line) => line.includes(id));
      const during = lines.slice(Math.max(0, at - 3), at + 1).map((line) => (JSON.parse(line) as { path: string }).path);
      expect(during.filter((logged) => /\/(?:off|inline|parallel)(?:-pinyin)?$/.test(logged))).toEqual([]);
    },
  );

  test.each([
    ['GET', '/api/nothing-here'],
    ['POST', '/api/posts/docker-and-hyper/nothing-here'],
    ['DELETE', '/api/health/extra'],
  ])('%s %s answers the API\'s JSON 404', async (method, path) => {
    const response = await fetch(`${server.baseUrl}${path}`, { method });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ error: { code: 'request.notFound', message: expect.any(String) } });
  });
});

describe.each(PROVIDERS)('the check on %s', (provider) => {
  const skip = provider === 'postgres' && pgUnavailable !== null;
  const databases: TempDatabase[] = [];
  afterAll(async () => {
    for (const database of databases) await database.drop();
  });

  test.skipIf(skip)('is ok when migrated, and says so when a migration is missing', async () => {
    const database = await createTempDatabase(provider);
    databases.push(database);
    await migrateDatabase(database.target);
    expect(await checkHealth(database.target)).toEqual({ ok: true, database: provider, migration: latestMigration(provider) });
    // As if this instance's code were newer than its database: the last migration not applied.
    const latest = latestMigration(provider);
    if (database.target.provider === 'sqlite') {
      const Database = (await import('better-sqlite3')).default;
      const db = new Database(database.target.file);
      db.prepare('DELETE FROM duizhao_migrations WHERE version = ?').run(latest);
      db.close();
    } else {
      const pg = (await import('pg')).default;
      const client = new pg.Client({ connectionString: database.target.url });
      await client.connect();
      await client.query('DELETE FROM duizhao_migrations WHERE version = $1', [latest]);
      await client.end();
    }
    expect(await query(database, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    expect(await checkHealth(database.target)).toMatchObject({ ok: false, reason: 'database.notMigrated', message: `migration ${latest - 1} of ${latest} applied` });
  });

  test.skipIf(skip)('is unreachable when there is no database', async () => {
    const target = provider === 'sqlite' ? { provider: 'sqlite' as const, file: '/nonexistent/duizhao.db' } : { provider: 'postgres' as const, url: 'postgres://127.0.0.1:1/nothing' };
    expect(await checkHealth(target)).toMatchObject({ ok: false, database: provider, reason: 'database.unreachable' });
  });
});
