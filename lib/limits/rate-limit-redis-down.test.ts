/**
 * Rate limits with REDIS_URL set and Redis unreachable: writes are still limited, in this process,
 * never refused with a 500, and the outage is said once in the log.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import type { TestDatabase } from '../db/test-databases';

// Port 1 on the loopback address: nothing listens there, the connection is refused at once.
// Settings are read once, when lib/env is first imported: set before anything imports it.
process.env.REDIS_URL = 'redis://127.0.0.1:1';
const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
const { createTestSqlite } = await import('../db/test-databases');
const { takeWriteAllowance } = await import('./rate-limit');

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestSqlite();
});

afterAll(async () => {
  await database?.drop();
});

test('with Redis unreachable, three comments a minute pass and the fourth is refused with 429', async () => {
  const address = `redis-down-${randomBytes(6).toString('hex')}`;
  for (let index = 0; index < 3; index += 1) await takeWriteAllowance(database.db, address, 'comments');
  await expect(takeWriteAllowance(database.db, address, 'comments')).rejects.toMatchObject({ code: 'comment.rateLimited', status: 429 });
  await takeWriteAllowance(database.db, `${address}-other`, 'comments');
  const outages = warn.mock.calls.filter(([message]) => String(message).startsWith('Redis does not answer'));
  expect(outages).toHaveLength(1);
  warn.mockRestore();
});
