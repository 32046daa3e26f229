/**
 * Rate limits in Redis (REDIS_URL): the first writes after start-up, made while the connection is
 * still being opened, are counted in Redis like the rest. Skipped, with the reason, where no Redis
 * answers on 127.0.0.1:6379.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { TestDatabase } from '../db/test-databases';
import { redisUnavailableReason } from './redis-test-support';

const REDIS_URL = 'redis://127.0.0.1:6379';
const unavailable = await redisUnavailableReason(REDIS_URL);
if (unavailable) console.warn(`[rate-limit] skipping the Redis cases: ${unavailable}`);
// Settings are read once, when lib/env is first imported: set before anything imports it.
process.env.REDIS_URL = REDIS_URL;
const { createTestSqlite } = await import('../db/test-databases');
const { takeWriteAllowance } = await import('./rate-limit');

let database: TestDatabase;
let probe: Redis;

beforeAll(async () => {
  database = await createTestSqlite();
  probe = new Redis(REDIS_URL, { lazyConnect: true });
});

afterAll(async () => {
  probe.disconnect();
  await database?.drop();
});

test.skipIf(unavailable !== null)('the first writes after start-up are counted in Redis, and the fourth in a minute is refused', async () => {
  const address = `redis-test-${randomBytes(6).toString('hex')}`;
  await Promise.all([0, 1, 2].map(() => takeWriteAllowance(database.db, address, 'comments')));
  await expect(takeWriteAllowance(database.db, address, 'comments')).rejects.toMatchObject({ code: 'comment.rateLimited', status: 429 });
  await probe.connect();
  expect(Number(await probe.get(`duizhao:comments:minute:${address}`))).toBe(4);
  await probe.del(`duizhao:comments:minute:${address}`, `duizhao:comments:day:${address}`);
});
