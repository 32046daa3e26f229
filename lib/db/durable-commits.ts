/**
 * Durable commits on SQLite without syncing to disk on the event loop. better-sqlite3 runs every
 * statement synchronously, so with `synchronous = FULL` each commit's fsync of the WAL stalls the
 * whole server (about 0.3 ms, more under load). Instead the app's connection commits with
 * `synchronous = NORMAL` (the commit is in the WAL file, which survives the process being killed)
 * and this adapter wrapper then syncs the WAL file from libuv's thread pool before Prisma's promise
 * resolves, so nothing is reported saved before it is on disk. Commits that wait at the same moment
 * share one sync (group commit). After a power loss SQLite recovers every transaction whose frames
 * reached the disk, which is every one a caller was told about.
 *
 * What counts as a commit: a statement run outside a transaction that is not a plain SELECT, and
 * the end of a transaction (Prisma sends COMMIT, then calls `commit()`). Checkpoints need nothing
 * from here: in NORMAL mode SQLite syncs the WAL before copying it and the database after.
 */
import 'server-only';
import { open } from 'node:fs/promises';
import type { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';

type Factory = PrismaBetterSqlite3;
type Adapter = Awaited<ReturnType<Factory['connect']>>;
type Transaction = Awaited<ReturnType<Adapter['startTransaction']>>;
type Query = Parameters<Adapter['queryRaw']>[0];

/** Syncs a file's data to disk, many callers at a time; counts completed syncs (for tests). */
export class WalSync {
  private running: Promise<void> | null = null;
  private next: Promise<void> | null = null;
  completed = 0;

  constructor(private readonly databaseFile: string) {}

  /**
   * Resolves once a sync that started after this call has finished. A sync already under way may
   * have begun before the caller's commit was written, so callers arriving meanwhile wait for the
   * following one, which they then share.
   */
  sync(): Promise<void> {
    if (!this.running) return this.start();
    this.next ??= this.running.then(() => this.start());
    return this.next;
  }

  private start(): Promise<void> {
    this.next = null;
    const run = this.syncFile().then(() => {
      this.completed += 1;
    });
    const settled: Promise<void> = run
      .catch(() => undefined)
      .then(() => {
        if (this.running === settled) this.running = null;
      });
    this.running = settled;
    return run;
  }

  private async syncFile(): Promise<void> {
    // The WAL holds every commit not yet copied into the database; if it is gone (no connection
    // left), everything is in the database file, which SQLite synced when it copied it.
    const handle = await open(`${this.databaseFile}-wal`, 'r+').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return open(this.databaseFile, 'r+');
      throw error;
    });
    try {
      await handle.datasync();
    } finally {
      await handle.close();
    }
  }
}

const isPlainSelect = (sql: string) => /^\s*SELECT\b/i.test(sql);

function durableTransaction(transaction: Transaction, wal: WalSync): Transaction {
  return new Proxy(transaction, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (property === 'commit') {
        return async () => {
          await target.commit();
          await wal.sync();
        };
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function durableAdapter(adapter: Adapter, wal: WalSync): Adapter {
  const afterWrite =
    <T>(run: (query: Query) => Promise<T>) =>
    async (query: Query): Promise<T> => {
      const result = await run(query);
      if (!isPlainSelect(query.sql)) await wal.sync();
      return result;
    };
  return new Proxy(adapter, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (property === 'queryRaw') return afterWrite((query) => target.queryRaw(query));
      if (property === 'executeRaw') return afterWrite((query) => target.executeRaw(query));
      if (property === 'executeScript') {
        return async (script: string) => {
          await target.executeScript(script);
          await wal.sync();
        };
      }
      if (property === 'startTransaction') {
        return async (...args: Parameters<Adapter['startTransaction']>) => durableTransaction(await target.startTransaction(...args), wal);
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** The factory Prisma is given: `inner`'s connections, each commit synced by `wal` before it resolves. */
export function durableCommits(inner: Factory, wal: WalSync): Factory {
  return new Proxy(inner, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (property === 'connect') return async () => durableAdapter(await target.connect(), wal);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
