/**
 * Applies the committed SQL migrations (`prisma/migrations/<provider>/NNN.do.*.sql`) with
 * postgrator, without Prisma's schema engine. Idempotent. On PostgreSQL an advisory lock makes
 * instances that start together take turns; on SQLite a write transaction does the same.
 * Also sets up SQLite for durable concurrent use: WAL journal, FULL sync.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import Postgrator from 'postgrator';
import { retryWhileBusy } from './busy';
import type { DatabaseTarget } from './target';
import { processWide } from '../process-wide.mjs';

const MIGRATIONS = path.join(process.cwd(), 'prisma', 'migrations');
/** An arbitrary, fixed key: every Duizhao instance asks for the same lock. */
const ADVISORY_LOCK_KEY = 4_317_202_011;

export type MigrationResult = { applied: string[] };

/** The newest migration committed for a provider (`005.do.notes-table.sql` -> 5). */
export function latestMigration(provider: 'sqlite' | 'postgres'): number {
  const versions = readdirSync(path.join(MIGRATIONS, provider))
    .map((name) => /^(\d+)\.do\./.exec(name)?.[1])
    .filter((version) => version !== undefined)
    .map(Number);
  return Math.max(0, ...versions);
}

/** The newest migration applied to an SQLite database, read without taking any lock a writer holds. */
export function appliedSqliteMigration(db: Database.Database): number | null {
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'duizhao_migrations'").get();
  if (!hasTable) return null;
  const row = db.prepare('SELECT MAX(version) AS version FROM duizhao_migrations').get() as { version: number | string | null } | undefined;
  return row?.version == null ? null : Number(row.version);
}

async function migratePostgres(url: string): Promise<MigrationResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCK_KEY]);
    const postgrator = new Postgrator({
      migrationPattern: path.join(MIGRATIONS, 'postgres', '*'),
      driver: 'pg',
      database: client.database ?? '',
      schemaTable: 'duizhao_migrations',
      execQuery: (query) => client.query(query),
    });
    const applied = await postgrator.migrate();
    return { applied: applied.map((migration) => migration.filename) };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

/** SQL functions the SQLite migrations may call, which PostgreSQL has built in (e.g. sha256). */
export function registerMigrationFunctions(db: Database.Database): void {
  db.function('sha256_base64url', { deterministic: true }, (text: unknown) => createHash('sha256').update(String(text), 'utf8').digest('base64url'));
}

async function migrateSqlite(file: string): Promise<MigrationResult> {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, { timeout: 15_000 });
  try {
    // Two processes doing this to a new file at the same moment can be refused at once with
    // SQLITE_BUSY, without the busy timeout (SQLite will not wait where waiting could deadlock).
    if (db.pragma('journal_mode', { simple: true }) !== 'wal') await retryWhileBusy(() => db.pragma('journal_mode = WAL'));
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Already current (an instance joining a running site, or the app after `npm start` migrated):
    // a WAL read says so without the write lock, which another process may be holding for its
    // writes, and which better-sqlite3 would wait for synchronously, blocking every request.
    if ((appliedSqliteMigration(db) ?? 0) >= latestMigration('sqlite')) return { applied: [] };
    registerMigrationFunctions(db);
    // BEGIN IMMEDIATE takes the write lock: a second process starting at the same moment waits here
    // (busy timeout) and then finds the migrations already applied.
    db.exec('BEGIN IMMEDIATE');
    const postgrator = new Postgrator({
      migrationPattern: path.join(MIGRATIONS, 'sqlite', '*'),
      driver: 'sqlite3',
      schemaTable: 'duizhao_migrations',
      execQuery: async (query) => {
        const statement = db.prepare(query);
        return { rows: statement.reader ? statement.all() : (statement.run(), []) };
      },
      execSqlScript: async (script) => {
        db.exec(script);
      },
    });
    const applied = await postgrator.migrate();
    db.exec('COMMIT');
    return { applied: applied.map((migration) => migration.filename) };
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  } finally {
    db.close();
  }
}

/**
 * Migrations of one database run one after another within this process. Across processes the
 * database's own lock orders them; within one, better-sqlite3 would wait for its own lock
 * synchronously and block the event loop until the busy timeout.
 */
const queues = processWide('migration-queues', () => new Map<string, Promise<unknown>>());

export function migrateDatabase(target: DatabaseTarget): Promise<MigrationResult> {
  const key = target.provider === 'postgres' ? target.url : target.file;
  const previous = queues.get(key) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => (target.provider === 'postgres' ? migratePostgres(target.url) : migrateSqlite(target.file)));
  queues.set(key, run);
  return run;
}
