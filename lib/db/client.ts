/**
 * The one Prisma client of the app, through a driver adapter: better-sqlite3 for the embedded
 * default, pg for PostgreSQL. The database is migrated before the first query, so a fresh
 * machine needs no set-up step. Only modules under `lib/` import this.
 */
import 'server-only';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import Database from 'better-sqlite3';
import pg from 'pg';
import { env } from '../env';
import { onShutdown, processWide } from '../process-wide.mjs';
import { PrismaClient as PostgresClient } from './generated/postgres/client';
import { PrismaClient as SqliteClient } from './generated/sqlite/client';
import { durableCommits, WalSync } from './durable-commits';
import { migrateDatabase } from './migrate';
import { databaseTarget, type DatabaseTarget } from './target';

/**
 * Both generated clients expose the same model API (one models file); the app is typed against
 * the SQLite one and uses no provider-specific query features.
 */
export type Db = SqliteClient;

/**
 * Where the rate-limit counters are written (lib/limits/rate-limit.ts), beside the Prisma client.
 * On PostgreSQL it is the client's own connection pool. On SQLite it is a second connection to
 * the same file that does not wait for the disk on commit: a counter lost to a power cut costs
 * nothing, while a comment's commit, on the client's connection, is synced (and syncs the
 * counters' pages with it). Its busy timeout is 0, so a write that finds the file locked fails
 * at once instead of blocking the event loop; the caller tries again asynchronously (busy.ts).
 */
export type CounterStore = { provider: 'sqlite'; connection: Database.Database } | { provider: 'postgres'; pool: pg.Pool };

type Opened = { target: DatabaseTarget; pool: pg.Pool | null; counters: CounterStore | null; wal?: WalSync; onClose: Array<() => void> };
// Process-wide (lib/process-wide.mjs): any copy of this module may be handed the client.
const opened = processWide('db-opened', () => new WeakMap<Db, Opened>());

/** A client for a migrated database; on SQLite its connection syncs every commit to disk. */
export async function createDb(target: DatabaseTarget): Promise<Db> {
  if (target.provider === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: 10 });
    // An idle connection that breaks (a server restart) must not take the process down.
    pool.on('error', (error) => console.error('PostgreSQL pool:', error.message));
    const client = new PostgresClient({ adapter: new PrismaPg(pool) }) as unknown as Db;
    opened.set(client, { target, pool, counters: { provider: 'postgres', pool }, onClose: [] });
    return client;
  }
  // Every commit is synced to disk before Prisma reports it done, so a comment answered 201
  // survives a power loss, not only a crash of the server; the sync runs off the event loop and is
  // shared by commits made at the same moment (see durable-commits.ts). `synchronous` is per
  // connection: NORMAL here, since durable-commits does the syncing.
  const wal = new WalSync(target.file);
  const db = new SqliteClient({ adapter: durableCommits(new PrismaBetterSqlite3({ url: target.file, timeout: 15_000 }), wal) });
  await db.$queryRawUnsafe('PRAGMA synchronous = NORMAL');
  opened.set(db, { target, pool: null, counters: null, wal, onClose: [] });
  return db;
}

/** The counters' connection of a client made by createDb (opened on first use on SQLite). */
export function counterStoreOf(db: Db): CounterStore {
  const entry = opened.get(db);
  if (!entry) throw new Error('counterStoreOf: the client was not made by createDb');
  if (!entry.counters && entry.target.provider === 'sqlite') {
    const connection = new Database(entry.target.file, { timeout: 0 });
    connection.pragma('synchronous = NORMAL');
    entry.counters = { provider: 'sqlite', connection };
  }
  if (!entry.counters) throw new Error('counterStoreOf: no counter store');
  return entry.counters;
}

/**
 * Resolves once everything committed so far is on disk. Writes already wait for this before they
 * resolve; call it before acting on something read that another request may still be syncing
 * (see durable-commits.ts). Immediate on PostgreSQL, whose commits are durable when visible.
 */
export async function awaitDurable(db: Db): Promise<void> {
  await opened.get(db)?.wal?.sync();
}

/** The connection pool of a PostgreSQL client made by createDb; null on SQLite. */
export function postgresPoolOf(db: Db): pg.Pool | null {
  return opened.get(db)?.pool ?? null;
}

/** How many WAL syncs an SQLite client has completed (for tests); null on PostgreSQL. */
export function walSyncsOf(db: Db): number | null {
  return opened.get(db)?.wal?.completed ?? null;
}

/** Runs `stop` when the client is closed (timers and the like that would otherwise use it again). */
export function whenClosed(db: Db, stop: () => void): void {
  opened.get(db)?.onClose.push(stop);
}

/** Disconnects a client made by createDb, and the counters' connection with it. */
export async function closeDb(db: Db): Promise<void> {
  const entry = opened.get(db);
  opened.delete(db);
  for (const stop of entry?.onClose ?? []) stop();
  await db.$disconnect();
  if (entry?.counters?.provider === 'sqlite') entry.counters.connection.close();
  if (entry?.pool && !entry.pool.ended) await entry.pool.end();
}

const connection = processWide('db', () => ({ ready: null as Promise<Db> | null }));

/** The app's database, migrated and connected on first use; one connection per process. */
export function getDb(): Promise<Db> {
  const ready = (connection.ready ??= (async () => {
    const target = databaseTarget(env.databaseUrl);
    await migrateDatabase(target);
    const db = await createDb(target);
    // Closed after the server's last request, so that SQLite checkpoints its WAL and PostgreSQL
    // sees its connections end rather than drop.
    onShutdown(() => closeDb(db));
    return db;
  })());
  ready.catch(() => {
    if (connection.ready === ready) connection.ready = null;
  });
  return ready;
}
