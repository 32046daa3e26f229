/**
 * Durable commits on SQLite without syncing to disk on the event loop. better-sqlite3 runs every
 * statement synchronously, so with `synchronous = FULL` each commit's fsync of the WAL stalls the
 * whole server (about 0.3 ms, more under load). Instead the app's connection commits with
 * `synchronous = NORMAL` (the commit is in the WAL file, which survives the process being killed)
 * and this adapter wrapper then syncs the WAL file from libuv's thread pool before Prisma's promise
 * resolves, so nothing is reported saved before it is on disk. Commits that wait at the same moment
 * share one sync (group commit). After a power loss SQLite recovers every transaction whose frames
 * reached the disk, which is every one a caller was told about. (Unlike FULL, another request may
 * read a commit during its sync; `awaitDurable` lets a decision that rests on such a read wait.)
 *
 * What counts as a commit: a statement run outside a transaction that is not a plain SELECT, and
 * the end of a transaction that wrote (Prisma sends COMMIT, then calls `commit()`). Checkpoints
 * need nothing from here: in NORMAL mode SQLite syncs the WAL before copying it and the database
 * after.
 *
 * The adapter runs statements from outside a transaction on the transaction's connection, where
 * they would join it (and vanish if it rolled back, after being reported done). So while a
 * transaction is open, other statements wait for it here.
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
    // The WAL holds every commit not yet copied into the database. With no WAL file there is
    // nothing to sync: SQLite synced the database when it copied the WAL in. (Never open and close
    // the database file itself here: closing any descriptor of it drops this process's SQLite locks.)
    const handle = await open(`${this.databaseFile}-wal`, 'r+').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
    if (!handle) return;
    try {
      await handle.datasync();
    } finally {
      await handle.close();
    }
  }
}

/**
 * One open transaction at a time, and no other statement while it is open. Callers check `open`
 * and start their statement with no await in between (better-sqlite3 runs it synchronously), so
 * nothing can slip in after the check.
 */
class TransactionLock {
  /** Settles when the open transaction ends; null when none is open. */
  open: Promise<void> | null = null;

  async acquire(): Promise<() => void> {
    while (this.open) await this.open;
    let release = () => {};
    this.open = new Promise<void>((resolve) => {
      release = () => {
        this.open = null;
        resolve();
      };
    });
    return release;
  }
}

const isPlainSelect = (sql: string) => /^\s*SELECT\b/i.test(sql);
/** Statements inside a transaction that change no data. */
const changesNothing = (sql: string) => /^\s*(?:SELECT|COMMIT|END|ROLLBACK|BEGIN|SAVEPOINT|RELEASE)\b/i.test(sql);

function durableTransaction(transaction: Transaction, wal: WalSync, release: () => void): Transaction {
  let wrote = false;
  const noting =
    <T>(run: (query: Query) => Promise<T>) =>
    (query: Query): Promise<T> => {
      if (!changesNothing(query.sql)) wrote = true;
      return run(query);
    };
  return new Proxy(transaction, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (property === 'queryRaw') return noting((query) => target.queryRaw(query));
      if (property === 'executeRaw') return noting((query) => target.executeRaw(query));
      if (property === 'commit') {
        return async () => {
          try {
            await target.commit();
          } finally {
            release();
          }
          if (wrote) await wal.sync();
        };
      }
      if (property === 'rollback') {
        return async () => {
          try {
            await target.rollback();
          } finally {
            release();
          }
        };
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function durableAdapter(adapter: Adapter, wal: WalSync): Adapter {
  const lock = new TransactionLock();
  const outsideTransactions =
    <T>(run: (query: Query) => Promise<T>) =>
    async (query: Query): Promise<T> => {
      while (lock.open) await lock.open;
      const result = await run(query);
      if (!isPlainSelect(query.sql)) await wal.sync();
      return result;
    };
  return new Proxy(adapter, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (property === 'queryRaw') return outsideTransactions((query) => target.queryRaw(query));
      if (property === 'executeRaw') return outsideTransactions((query) => target.executeRaw(query));
      if (property === 'executeScript') {
        return async (script: string) => {
          while (lock.open) await lock.open;
          await target.executeScript(script);
          await wal.sync();
        };
      }
      if (property === 'startTransaction') {
        return async (...args: Parameters<Adapter['startTransaction']>) => {
          const release = await lock.acquire();
          try {
            return durableTransaction(await target.startTransaction(...args), wal, release);
          } catch (error) {
            release();
            throw error;
          }
        };
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
