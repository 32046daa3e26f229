import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { walSyncsOf, type Db } from './client';
import { createTestSqlite, type TestDatabase } from './test-databases';
import { WalSync } from './durable-commits';

const folder = mkdtempSync(path.join(os.tmpdir(), 'duizhao-wal-sync-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function databaseWithWal(name: string): string {
  const file = path.join(folder, name);
  writeFileSync(file, 'database');
  writeFileSync(`${file}-wal`, 'frames');
  return file;
}

describe('WalSync', () => {
  test('callers arriving while a sync runs share the next one, which starts after theirs', async () => {
    const wal = new WalSync(databaseWithWal('shared.db'));
    const first = wal.sync();
    const waiting = [wal.sync(), wal.sync(), wal.sync()];
    await first;
    expect(wal.completed).toBe(1);
    await Promise.all(waiting);
    expect(wal.completed).toBe(2);
  });

  test('a caller after a sync has finished gets a sync of its own', async () => {
    const wal = new WalSync(databaseWithWal('sequential.db'));
    await wal.sync();
    await wal.sync();
    await wal.sync();
    expect(wal.completed).toBe(3);
  });

  test('without a WAL file (no connection open) there is nothing to sync; the database file is left alone', async () => {
    const file = path.join(folder, 'no-wal.db');
    writeFileSync(file, 'database');
    const wal = new WalSync(file);
    await wal.sync();
    expect(wal.completed).toBe(1);
  });

  test('a failed sync fails its callers and does not stop later ones', async () => {
    const file = path.join(folder, 'broken.db');
    writeFileSync(file, 'database');
    mkdirSync(`${file}-wal`); // cannot be opened for writing, not even by root
    const wal = new WalSync(file);
    await expect(wal.sync()).rejects.toThrow(/EISDIR/);
    rmSync(`${file}-wal`, { recursive: true });
    writeFileSync(`${file}-wal`, 'frames');
    await wal.sync();
    expect(wal.completed).toBe(1);
  });
});

describe('the app client on SQLite', () => {
  let database: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    database = await createTestSqlite();
    db = database.db;
  });
  afterAll(async () => {
    await database?.drop();
  });

  test('a statement sent while a transaction is open waits for it, and is not rolled back with it', async () => {
    let open = () => {};
    const opened = new Promise<void>((resolve) => (open = resolve));
    const failing = db.$transaction(async (tx) => {
      await tx.setting.create({ data: { key: 'inside', value: 'rolled back' } });
      open();
      await new Promise((resolve) => setTimeout(resolve, 50));
      throw new Error('the transaction fails');
    });
    await opened;
    // A statement Prisma sends on its own, with no transaction of its own around it. Prisma's
    // promises are lazy: `.then` sends each now, while the transaction is still open.
    const outside = db.$executeRaw`INSERT INTO "Setting" ("key", "value") VALUES ('outside', 'kept')`.then((count) => count);
    const modelled = db.setting.create({ data: { key: 'outside-too', value: 'kept' } }).then((row) => row);
    await expect(failing).rejects.toThrow('the transaction fails');
    await Promise.all([outside, modelled]);
    expect(await db.setting.findUnique({ where: { key: 'inside' } })).toBeNull();
    expect(await db.setting.findUnique({ where: { key: 'outside' } })).toMatchObject({ value: 'kept' });
    expect(await db.setting.findUnique({ where: { key: 'outside-too' } })).toMatchObject({ value: 'kept' });
  });

  test('reads, and transactions that only read, sync nothing; a transaction that writes syncs once it commits', async () => {
    const syncs = () => walSyncsOf(db) ?? -1;
    const before = syncs();
    await db.setting.findMany();
    await db.$transaction([db.setting.count(), db.setting.findMany()]);
    expect(syncs()).toBe(before);
    await db.$transaction([db.setting.create({ data: { key: 'batch', value: 'v' } }), db.setting.count()]);
    expect(syncs()).toBeGreaterThan(before);
  });
});
