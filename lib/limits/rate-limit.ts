/**
 * Per-address limits on what strangers send, for every room that takes it (the HTML form and the
 * API count the same allowances): comments (default 3 a minute and 30 a day) and reading notes
 * (default 20 a minute and 500 a day), reports of comments (10 a minute, 100 a day: a fresh
 * reader cookie per report must not make them unlimited), each with an allowance of its own; and failed admin
 * sign-ins (5 a minute, 30 a day), so the admin token cannot be guessed at speed. Counters live
 * in the database, so several instances enforce one limit, or in Redis when REDIS_URL is set.
 *
 * In the database, rate-limiter-flexible's SQL stores write the counters themselves, one
 * statement per window, on the connection lib/db gives for them (see `counterStoreOf`): no
 * query-builder round trips, and on SQLite no disk sync of their own.
 *
 * In Redis, a write never fails because Redis does: while the connection is first being made, a
 * write waits for it (up to REDIS_READY_WAIT_MS); when Redis cannot be reached, each limiter counts
 * in this process instead (rate-limiter-flexible's insurance limiter), and the outage is logged
 * once, as is the recovery.
 */
import 'server-only';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRedis, RateLimiterRes, RateLimiterSQLite, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { retryWhileBusy } from '../db/busy';
import { counterStoreOf, whenClosed, type Db } from '../db/client';
import { env } from '../env';
import { AppError } from '../http/errors';
import { onShutdown, processWide } from '../process-wide.mjs';

/** What is counted: each kind has its own allowance, and its own error code when it runs out. */
export type WriteKind = 'comments' | 'notes' | 'flags' | 'failedSignIns';

type Limiters = { minute: RateLimiterAbstract; day: RateLimiterAbstract };
type Window = { points: number; duration: number };

/** The table of migration 003 (model RateLimitCounter), in the layout the SQL stores expect. */
const COUNTER_TABLE = 'RateLimitCounter';
/** Expired counters are swept this often, once they are an hour old (as the stores do it). */
const SWEEP_EVERY_MS = 5 * 60_000;
const SWEEP_AFTER_MS = 60 * 60_000;
/** How long a write waits for the first connection to Redis before it is counted in-process. */
const REDIS_READY_WAIT_MS = 2_000;

// One Redis client and one sweep timer per process, whichever copy of this module counts a write
// (lib/process-wide.mjs). The limiters themselves stay per copy: each has its own copy of
// rate-limiter-flexible, and a limiter rejects with its own copy's RateLimiterRes.
const shared = processWide('rate-limits', () => ({ redis: null as Redis | null, swept: new WeakSet<Db>() }));
const limiters = new WeakMap<Db, Map<WriteKind, Limiters>>();

type Allowance = { perMinute: number; perDay: number; code: 'comment.rateLimited' | 'annotation.rateLimited' | 'comment.flagsLimited' | 'admin.signInLimited' };

const allowances: Record<WriteKind, () => Allowance> = {
  comments: () => ({ perMinute: env.ratePerMinute, perDay: env.ratePerDay, code: 'comment.rateLimited' }),
  notes: () => ({ perMinute: env.notesPerMinute, perDay: env.notesPerDay, code: 'annotation.rateLimited' }),
  flags: () => ({ perMinute: 10, perDay: 100, code: 'comment.flagsLimited' }),
  failedSignIns: () => ({ perMinute: 5, perDay: 30, code: 'admin.signInLimited' }),
};

function databaseLimiter(db: Db, keyPrefix: string, window: Window): RateLimiterAbstract {
  const store = counterStoreOf(db);
  // The table comes from the migrations; expired rows are swept below, for both stores alike.
  const options = { tableName: COUNTER_TABLE, tableCreated: true, clearExpiredByTimeout: false, keyPrefix, ...window };
  if (store.provider === 'postgres') return new RateLimiterPostgres({ ...options, storeClient: store.pool, storeType: 'pool' });
  return new RateLimiterSQLite({ ...options, storeClient: store.connection, storeType: 'better-sqlite3' });
}

function createLimiters(db: Db, kind: WriteKind): Limiters {
  const { perMinute, perDay } = allowances[kind]();
  const windows = { minute: { points: perMinute, duration: 60 }, day: { points: perDay, duration: 86_400 } };
  if (env.redisUrl) {
    const store = redisClient(env.redisUrl);
    const inRedis = (window: 'minute' | 'day') =>
      new RateLimiterRedis({
        storeClient: store,
        keyPrefix: `duizhao:${kind}:${window}`,
        ...windows[window],
        insuranceLimiter: new RateLimiterMemory({ keyPrefix: `duizhao:${kind}:${window}`, ...windows[window] }),
      });
    return { minute: inRedis('minute'), day: inRedis('day') };
  }
  sweepExpiredCounters(db);
  return {
    minute: databaseLimiter(db, `${kind}:minute`, windows.minute),
    day: databaseLimiter(db, `${kind}:day`, windows.day),
  };
}

/** The process's Redis client; says once when Redis stops answering, and once when it is back. */
function redisClient(url: string): Redis {
  if (shared.redis) return shared.redis;
  const client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  let down = false;
  client.on('error', (error: Error) => {
    if (down) return;
    down = true;
    console.warn(`Redis does not answer (${error.message}); rate limits are counted in this process until it does.`);
  });
  client.on('ready', () => {
    if (!down) return;
    down = false;
    console.warn('Redis answers again; rate limits are counted there.');
  });
  shared.redis = client;
  onShutdown(async () => {
    await client.quit().catch(() => client.disconnect());
  });
  return client;
}

/** Waits, briefly, for the first connection to Redis; an outage later is not waited for. */
function redisFirstConnection(client: Redis): Promise<void> {
  if (!['wait', 'connecting', 'connect'].includes(client.status)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      client.off('ready', done);
      client.off('error', done);
      client.off('end', done);
      resolve();
    };
    const timer = setTimeout(done, REDIS_READY_WAIT_MS);
    // Ready: counted in Redis. An error or the end: counted in this process, at once.
    client.once('ready', done);
    client.once('error', done);
    client.once('end', done);
  });
}

/** Deletes, every few minutes, the counters whose window ended over an hour ago. */
function sweepExpiredCounters(db: Db): void {
  if (shared.swept.has(db)) return;
  shared.swept.add(db);
  const timer = setInterval(() => {
    db.rateLimitCounter.deleteMany({ where: { expire: { lt: BigInt(Date.now() - SWEEP_AFTER_MS) } } }).catch((error: unknown) => {
      console.warn('Could not sweep expired rate-limit counters:', error instanceof Error ? error.message : error);
    });
  }, SWEEP_EVERY_MS);
  timer.unref();
  whenClosed(db, () => clearInterval(timer));
}

function limitersFor(db: Db, kind: WriteKind): Limiters {
  let perKind = limiters.get(db);
  if (!perKind) {
    perKind = new Map();
    limiters.set(db, perKind);
  }
  let entry = perKind.get(kind);
  if (!entry) {
    entry = createLimiters(db, kind);
    perKind.set(kind, entry);
  }
  return entry;
}

const refusal = (kind: WriteKind, msBeforeNext: number) =>
  new AppError(allowances[kind]().code, 429, `too many ${kind} from this address; try again later`, msBeforeNext / 1000);

/** Counts one write of `kind` for the address, or refuses it with 429 and when to try again. */
export async function takeWriteAllowance(db: Db, addressHash: string, kind: WriteKind): Promise<void> {
  const entry = limitersFor(db, kind);
  if (shared.redis) await redisFirstConnection(shared.redis);
  for (const limiter of [entry.minute, entry.day]) {
    try {
      await retryWhileBusy(() => limiter.consume(addressHash));
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) throw refusal(kind, rejection.msBeforeNext);
      throw rejection;
    }
  }
}

/** Gives back the point `takeWriteAllowance` took (a sign-in that turned out to be right). */
export async function refundWriteAllowance(db: Db, addressHash: string, kind: WriteKind): Promise<void> {
  const entry = limitersFor(db, kind);
  for (const limiter of [entry.minute, entry.day]) await retryWhileBusy(() => limiter.reward(addressHash, 1));
}
