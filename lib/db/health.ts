/**
 * Whether this instance can serve: the database answers and holds every committed migration. A
 * load balancer asks `GET /api/health` before sending readers here. The check reads the
 * migrations table directly and never migrates (that is start-up's work), and gives up after a
 * few seconds, so a hung database makes the instance unhealthy rather than the check hang.
 */
import 'server-only';
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import pg from 'pg';
import { env } from '../env';
import { appliedSqliteMigration, latestMigration } from './migrate';
import { databaseTarget, type DatabaseTarget } from './target';

const TIMEOUT_MS = 3_000;

export { latestMigration };

export type Health =
  | { ok: true; database: 'sqlite' | 'postgres'; migration: number }
  | { ok: false; database: 'sqlite' | 'postgres'; reason: 'database.unreachable' | 'database.notMigrated'; message: string };

async function appliedMigration(target: DatabaseTarget): Promise<number | null> {
  if (target.provider === 'sqlite') {
    if (target.file !== ':memory:' && !existsSync(target.file)) throw new Error(`no database file at ${target.file}`);
    const db = new Database(target.file, { readonly: true, fileMustExist: true, timeout: TIMEOUT_MS });
    try {
      return appliedSqliteMigration(db);
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: target.url, connectionTimeoutMillis: TIMEOUT_MS, query_timeout: TIMEOUT_MS });
  await client.connect();
  try {
    const exists = await client.query<{ found: string | null }>("SELECT to_regclass('duizhao_migrations') AS found");
    if (!exists.rows[0]?.found) return null;
    const result = await client.query<{ version: number | string | null }>('SELECT MAX(version) AS version FROM duizhao_migrations');
    const version = result.rows[0]?.version;
    return version == null ? null : Number(version);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function checkHealth(target: DatabaseTarget = databaseTarget(env.databaseUrl)): Promise<Health> {
  const database = target.provider;
  let applied: number | null;
  try {
    applied = await appliedMigration(target);
  } catch (error) {
    // The detail (a file path, a host) is for the operator's log, not for whoever asks.
    console.error('health check: the database does not answer:', error);
    return { ok: false, database, reason: 'database.unreachable', message: 'the database does not answer' };
  }
  const latest = latestMigration(target.provider);
  if (applied === null || applied < latest) {
    return { ok: false, database, reason: 'database.notMigrated', message: `migration ${applied ?? 0} of ${latest} applied` };
  }
  return { ok: true, database, migration: applied };
}
