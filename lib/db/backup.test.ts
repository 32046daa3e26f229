/** Backup and restore of an SQLite database (lib/db/backup.ts), on real files. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, test } from 'vitest';
import { backupFileName, backupSqlite, inspectBackup, postgresBackupCommands, restoreSqlite } from './backup';
import { migrateDatabase } from './migrate';

const dir = mkdtempSync(path.join(tmpdir(), 'duizhao-backup-unit-'));
const live = path.join(dir, 'live.db');

function addComment(file: string, id: string): void {
  const db = new Database(file);
  try {
    const columns = (db.prepare('PRAGMA table_info("Comment")').all() as Array<{ name: string; notnull: number; dflt_value: unknown }>).filter((column) => column.notnull && column.dflt_value === null);
    const values: Record<string, unknown> = Object.fromEntries(columns.map((column) => [column.name, column.name === 'id' ? id : column.name.endsWith('At') ? Date.now() : 'x']));
    db.prepare(`INSERT INTO "Comment" (${Object.keys(values).map((name) => `"${name}"`).join(', ')}) VALUES (${Object.keys(values).map(() => '?').join(', ')})`).run(...Object.values(values));
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  await migrateDatabase({ provider: 'sqlite', file: live });
  addComment(live, 'first');
});

describe('backupSqlite', () => {
  test('copies the database, checks it, and counts what it holds', () => {
    const copy = backupSqlite(live, path.join(dir, 'copy.db'));
    expect(copy).toMatchObject({ comments: 1, notes: 0 });
    expect(copy.migration).toBeGreaterThan(0);
  });

  test('never overwrites a file', () => {
    writeFileSync(path.join(dir, 'taken.db'), 'something');
    expect(() => backupSqlite(live, path.join(dir, 'taken.db'))).toThrow(/already exists/);
  });
});

describe('inspectBackup', () => {
  test('refuses what is not a Duizhao database', () => {
    writeFileSync(path.join(dir, 'text.db'), 'not a database at all, just some text that is long enough to have a header');
    expect(() => inspectBackup(path.join(dir, 'text.db'))).toThrow(/not (an SQLite|a Duizhao) database/);
    new Database(path.join(dir, 'other.db')).exec('CREATE TABLE t (x)').close();
    expect(() => inspectBackup(path.join(dir, 'other.db'))).toThrow(/not a Duizhao database/);
    expect(() => inspectBackup(path.join(dir, 'missing.db'))).toThrow(/no such file/);
  });
});

test('restoreSqlite puts the backup back and keeps what was there', async () => {
  const backup = backupSqlite(live, path.join(dir, 'before-second.db'));
  addComment(live, 'second');
  const { restored, previous } = await restoreSqlite(backup.file, live, path.join(dir, 'kept'));
  expect(restored.comments).toBe(1);
  expect(previous?.comments).toBe(2);
  const db = new Database(live, { readonly: true });
  try {
    expect(db.prepare('SELECT id FROM "Comment"').all()).toEqual([{ id: 'first' }]);
  } finally {
    db.close();
  }
});

test('file names sort by time and suit any file system', () => {
  expect(backupFileName('duizhao', new Date('2026-12-07T06:15:03.120Z'))).toBe('duizhao-2026-12-07T06-15-03-120Z.db');
});

test("PostgreSQL's commands quote the address for the shell", () => {
  const { backup, restore } = postgresBackupCommands("postgres://u:p'w@db/blog", 'b.dump');
  expect(backup).toBe("pg_dump --format=custom --no-owner --file=b.dump 'postgres://u:p'\\''w@db/blog'");
  expect(restore).toContain("--dbname='postgres://u:p'\\''w@db/blog' b.dump");
});
