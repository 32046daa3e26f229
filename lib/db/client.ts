/**
 * The one Prisma client of the app, through a driver adapter: better-sqlite3 for the embedded
 * default, pg for PostgreSQL. The database is migrated before the first query, so a fresh
 * machine needs no set-up step. Only modules under `lib/` import this.
 */
import 'server-only';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { env } from '../env';
import { processWide } from '../process-wide';
import { PrismaClient as PostgresClient } from './generated/postgres/client';
import { PrismaClient as SqliteClient } from './generated/sqlite/client';
import { migrateDatabase } from './migrate';
import { databaseTarget, type DatabaseTarget } from './target';

/**
 * Both generated clients expose the same model API (one models file); the app is typed against
 * the SQLite one and uses no provider-specific query features.
 */
export type Db = SqliteClient;

/** A client for a migrated database; on SQLite its connection syncs every commit to disk. */
export async function createDb(target: DatabaseTarget): Promise<Db> {
  if (target.provider === 'postgres') {
    const client = new PostgresClient({ adapter: new PrismaPg({ connectionString: target.url, max: 10 }) });
    return client as unknown as Db;
  }
  const db = new SqliteClient({ adapter: new PrismaBetterSqlite3({ url: target.file, timeout: 15_000 }) });
  // `synchronous` is per connection, and better-sqlite3 defaults to NORMAL in WAL mode: FULL
  // makes a comment answered 201 survive power loss, not only a crash of the server.
  await db.$queryRawUnsafe('PRAGMA synchronous = FULL');
  return db;
}

const connection = processWide('db', () => ({ ready: null as Promise<Db> | null }));

/** The app's database, migrated and connected on first use; one connection per process. */
export function getDb(): Promise<Db> {
  const ready = (connection.ready ??= (async () => {
    const target = databaseTarget(env.databaseUrl);
    await migrateDatabase(target);
    return createDb(target);
  })());
  ready.catch(() => {
    if (connection.ready === ready) connection.ready = null;
  });
  return ready;
}
