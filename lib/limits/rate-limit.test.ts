import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AppError } from '../http/errors';
import { createTestPostgres, createTestSqlite, postgresUnavailableReason, type TestDatabase } from '../db/test-databases';
import { refundWriteAllowance, takeWriteAllowance } from './rate-limit';

const pgUnavailable = await postgresUnavailableReason();
if (pgUnavailable) console.warn(`[rate-limit] skipping the PostgreSQL cases: ${pgUnavailable}`);

const setups: Array<[string, () => Promise<TestDatabase>, string | null]> = [
  ['SQLite', createTestSqlite, null],
  ['PostgreSQL', createTestPostgres, pgUnavailable],
];

describe.each(setups)('write allowances on %s', (_name, create, unavailable) => {
  let database: TestDatabase;
  beforeAll(async () => {
    if (!unavailable) database = await create();
  });
  afterAll(async () => {
    await database?.drop();
  });

  test.skipIf(unavailable !== null)('three comments a minute per address, then 429 with a retry time; the counters are in the table of migration 003', async () => {
    const { db } = database;
    for (let i = 0; i < 3; i++) await takeWriteAllowance(db, 'address-a', 'comments');
    const refused = await takeWriteAllowance(db, 'address-a', 'comments').then(() => null, (error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'comment.rateLimited', status: 429 });
    expect((refused as AppError).retryAfter).toBeGreaterThan(0);
    expect((refused as AppError).retryAfter).toBeLessThanOrEqual(60);
    // Another address, and the other kind of write, have allowances of their own.
    await takeWriteAllowance(db, 'address-b', 'comments');
    await takeWriteAllowance(db, 'address-a', 'notes');
    const minute = await db.rateLimitCounter.findUniqueOrThrow({ where: { key: 'comments:minute:address-a' } });
    expect(minute.points).toBe(4);
    expect(Number(minute.expire) - Date.now()).toBeGreaterThan(50_000);
    const day = await db.rateLimitCounter.findUniqueOrThrow({ where: { key: 'comments:day:address-a' } });
    expect(day.points).toBe(3);
    expect(Number(day.expire) - Date.now()).toBeGreaterThan(86_000_000);
  });

  test.skipIf(unavailable !== null)('a window that has ended starts again from one', async () => {
    const { db } = database;
    await db.rateLimitCounter.create({ data: { key: 'comments:minute:address-c', points: 3, expire: BigInt(Date.now() - 1000) } });
    await takeWriteAllowance(db, 'address-c', 'comments');
    const minute = await db.rateLimitCounter.findUniqueOrThrow({ where: { key: 'comments:minute:address-c' } });
    expect(minute.points).toBe(1);
    expect(Number(minute.expire)).toBeGreaterThan(Date.now());
  });
});

describe('SQLite: while another connection holds the write lock', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestSqlite();
  });
  afterAll(async () => {
    await database?.drop();
  });

  test('the counter waits without blocking the event loop, and counts once the lock is released', async () => {
    const [main] = await database.db.$queryRawUnsafe<Array<{ file: string }>>("SELECT file FROM pragma_database_list WHERE name = 'main'");
    const holder = new Database(main?.file ?? '');
    holder.exec('BEGIN IMMEDIATE');
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 5);
    const started = Date.now();
    try {
      const taken = takeWriteAllowance(database.db, 'address-locked', 'comments');
      await new Promise((resolve) => setTimeout(resolve, 150));
      holder.exec('COMMIT');
      await taken;
    } finally {
      clearInterval(ticker);
      if (holder.inTransaction) holder.exec('ROLLBACK');
      holder.close();
    }
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    // A busy-wait inside SQLite would have frozen the timers for the whole 150 ms.
    expect(ticks).toBeGreaterThan(10);
    const minute = await database.db.rateLimitCounter.findUniqueOrThrow({ where: { key: 'comments:minute:address-locked' } });
    expect(minute.points).toBe(1);
  });
});

describe('failed admin sign-ins', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestSqlite();
  });
  afterAll(async () => {
    await database?.drop();
  });

  test('five failed attempts a minute per address, the sixth refused; a right one gives its point back', async () => {
    const { db } = database;
    for (let i = 0; i < 5; i++) await takeWriteAllowance(db, 'guesser', 'failedSignIns');
    const refused = await takeWriteAllowance(db, 'guesser', 'failedSignIns').then(() => null, (error: unknown) => error);
    expect(refused).toMatchObject({ code: 'admin.signInLimited', status: 429 });
    // The admin, signing in right each time, never runs out.
    for (let i = 0; i < 12; i++) {
      await takeWriteAllowance(db, 'admin-at-home', 'failedSignIns');
      await refundWriteAllowance(db, 'admin-at-home', 'failedSignIns');
    }
    const minute = await db.rateLimitCounter.findUniqueOrThrow({ where: { key: 'failedSignIns:minute:admin-at-home' } });
    expect(minute.points).toBe(0);
  });
});
