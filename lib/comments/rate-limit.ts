/**
 * Per-address limits on writing comments (default 3 a minute and 30 a day), shared by the HTML
 * form and the API. Counters live in the database, so several instances enforce one limit, or in
 * Redis when REDIS_URL is set.
 */
import 'server-only';
import { Redis } from 'ioredis';
import { RateLimiterPrisma, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Db } from '../db/client';
import { env } from '../env';
import { AppError } from '../http/errors';

type Limiters = { minute: RateLimiterAbstract; day: RateLimiterAbstract };

let redis: Redis | null = null;
const limiters = new WeakMap<Db, Limiters>();

function createLimiters(db: Db): Limiters {
  const windows = { minute: { points: env.ratePerMinute, duration: 60 }, day: { points: env.ratePerDay, duration: 86_400 } };
  if (env.redisUrl) {
    redis ??= new Redis(env.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    const store = redis;
    return {
      minute: new RateLimiterRedis({ storeClient: store, keyPrefix: 'duizhao:comments:minute', ...windows.minute }),
      day: new RateLimiterRedis({ storeClient: store, keyPrefix: 'duizhao:comments:day', ...windows.day }),
    };
  }
  const options = { storeClient: db, tableName: 'rateLimit', clearExpiredByTimeout: false };
  return {
    minute: new RateLimiterPrisma({ ...options, keyPrefix: 'comments:minute', ...windows.minute }),
    day: new RateLimiterPrisma({ ...options, keyPrefix: 'comments:day', ...windows.day }),
  };
}

/** Counts one write for the address, or refuses it with 429 and when to try again. */
export async function takeCommentAllowance(db: Db, addressHash: string): Promise<void> {
  let entry = limiters.get(db);
  if (!entry) {
    entry = createLimiters(db);
    limiters.set(db, entry);
  }
  for (const limiter of [entry.minute, entry.day]) {
    try {
      await limiter.consume(addressHash);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        throw new AppError('comment.rateLimited', 429, 'too many comments from this address; try again later', rejection.msBeforeNext / 1000);
      }
      throw rejection;
    }
  }
}
