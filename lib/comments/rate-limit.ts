/**
 * Per-address limits on what readers write, shared by the HTML form and the API: comments
 * (default 3 a minute and 30 a day) and reading notes (default 20 a minute and 500 a day), each
 * with an allowance of its own. Counters live in the database, so several instances enforce one
 * limit, or in Redis when REDIS_URL is set.
 */
import 'server-only';
import { Redis } from 'ioredis';
import { RateLimiterPrisma, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Db } from '../db/client';
import { env } from '../env';
import { AppError } from '../http/errors';

/** What is counted: each kind has its own allowance, and its own error code when it runs out. */
export type WriteKind = 'comments' | 'notes';

type Limiters = { minute: RateLimiterAbstract; day: RateLimiterAbstract };

let redis: Redis | null = null;
const limiters = new WeakMap<Db, Map<WriteKind, Limiters>>();

const allowances: Record<WriteKind, () => { perMinute: number; perDay: number; code: 'comment.rateLimited' | 'annotation.rateLimited' }> = {
  comments: () => ({ perMinute: env.ratePerMinute, perDay: env.ratePerDay, code: 'comment.rateLimited' }),
  notes: () => ({ perMinute: env.notesPerMinute, perDay: env.notesPerDay, code: 'annotation.rateLimited' }),
};

function createLimiters(db: Db, kind: WriteKind): Limiters {
  const { perMinute, perDay } = allowances[kind]();
  const windows = { minute: { points: perMinute, duration: 60 }, day: { points: perDay, duration: 86_400 } };
  if (env.redisUrl) {
    redis ??= new Redis(env.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    const store = redis;
    return {
      minute: new RateLimiterRedis({ storeClient: store, keyPrefix: `duizhao:${kind}:minute`, ...windows.minute }),
      day: new RateLimiterRedis({ storeClient: store, keyPrefix: `duizhao:${kind}:day`, ...windows.day }),
    };
  }
  const options = { storeClient: db, tableName: 'rateLimit', clearExpiredByTimeout: false };
  return {
    minute: new RateLimiterPrisma({ ...options, keyPrefix: `${kind}:minute`, ...windows.minute }),
    day: new RateLimiterPrisma({ ...options, keyPrefix: `${kind}:day`, ...windows.day }),
  };
}

/** Counts one write of `kind` for the address, or refuses it with 429 and when to try again. */
export async function takeWriteAllowance(db: Db, addressHash: string, kind: WriteKind): Promise<void> {
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
  for (const limiter of [entry.minute, entry.day]) {
    try {
      await limiter.consume(addressHash);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        throw new AppError(allowances[kind]().code, 429, `too many ${kind} from this address; try again later`, rejection.msBeforeNext / 1000);
      }
      throw rejection;
    }
  }
}
