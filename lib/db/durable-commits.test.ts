import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
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

  test('without a WAL file (no connection open) it syncs the database file; a missing database is an error', async () => {
    const file = path.join(folder, 'no-wal.db');
    writeFileSync(file, 'database');
    const wal = new WalSync(file);
    await wal.sync();
    expect(wal.completed).toBe(1);
    await expect(new WalSync(path.join(folder, 'missing.db')).sync()).rejects.toThrow(/ENOENT/);
  });

  test('a failed sync fails its callers and does not stop later ones', async () => {
    const file = path.join(folder, 'comes-later.db');
    const wal = new WalSync(file);
    await expect(wal.sync()).rejects.toThrow(/ENOENT/);
    writeFileSync(file, 'database');
    await wal.sync();
    expect(wal.completed).toBe(1);
  });
});
