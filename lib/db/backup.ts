/**
 * Backups of the embedded SQLite database, taken while the site runs, and restoring one.
 *
 * A backup is `VACUUM INTO` a new file: one read transaction, so it is a consistent snapshot of
 * every write committed before it began, and in WAL mode it never holds up a writer (SQLite's
 * step-wise backup API, by contrast, starts over each time another process writes, and under a
 * steady stream of comments might never finish). The file is checked before it is reported.
 *
 * Restoring copies a backup into the database through SQLite's backup API, page by page, so the
 * live file, its WAL and its locks stay coherent. It is for a stopped site: the instances keep
 * pages and threads in memory, which a restore under them would contradict. What was in the
 * database before is first kept as a backup of its own, so a restore never loses anything.
 *
 * PostgreSQL has its own tools; `postgresBackupCommands` says which to run.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { appliedSqliteMigration, latestMigration } from './migrate';

export type BackupFile = { file: string; bytes: number; migration: number; comments: number; notes: number };

/** `duizhao-2026-12-07T06-15-03-120Z.db` (UTC, sortable, no characters a file system refuses). */
export function backupFileName(prefix = 'duizhao', now = new Date()): string {
  return `${prefix}-${now.toISOString().replace(/[:.]/g, '-')}.db`;
}

/** Where backups go when no file is named: `backups/` beside the database file. */
export function defaultBackupDir(databaseFile: string): string {
  return path.join(path.dirname(databaseFile), 'backups');
}

/** Opens a file that must be a Duizhao database, passing SQLite's integrity check. */
export function inspectBackup(file: string): BackupFile {
  if (!existsSync(file)) throw new Error(`${file}: no such file`);
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new Error(`${file}: not an SQLite database (${(error as Error).message})`);
  }
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`${file}: fails SQLite's integrity check (${String(integrity)})`);
    const migration = appliedSqliteMigration(db);
    if (migration === null) throw new Error(`${file}: not a Duizhao database (no migrations table)`);
    const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n;
    return { file, bytes: statSync(file).size, migration, comments: count('Comment'), notes: count('Note') };
  } catch (error) {
    if ((error as Error).message.startsWith(file)) throw error;
    throw new Error(`${file}: not a Duizhao database (${(error as Error).message})`);
  } finally {
    db.close();
  }
}

/** Writes a consistent copy of the live database to `destination` (a new file) and checks it. */
export function backupSqlite(databaseFile: string, destination: string): BackupFile {
  if (!existsSync(databaseFile)) throw new Error(`${databaseFile}: no database to back up`);
  if (existsSync(destination)) throw new Error(`${destination}: already exists; a backup never overwrites a file`);
  mkdirSync(path.dirname(destination), { recursive: true });
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true, timeout: 10_000 });
  try {
    db.prepare('VACUUM INTO ?').run(destination);
  } finally {
    db.close();
  }
  return inspectBackup(destination);
}

/**
 * Replaces the database's content by the backup's. The database as it was is first saved to
 * `keepDir` (returned as `previous`; null when there was no database yet).
 */
export async function restoreSqlite(backupFile: string, databaseFile: string, keepDir: string): Promise<{ restored: BackupFile; previous: BackupFile | null }> {
  const restored = inspectBackup(backupFile);
  const latest = latestMigration('sqlite');
  if (restored.migration > latest) {
    throw new Error(`${backupFile}: made by a newer version of Duizhao (migration ${restored.migration}; this one knows up to ${latest})`);
  }
  const previous = existsSync(databaseFile) ? backupSqlite(databaseFile, path.join(keepDir, backupFileName('before-restore'))) : null;
  mkdirSync(path.dirname(databaseFile), { recursive: true });
  const source = new Database(backupFile, { readonly: true, fileMustExist: true });
  try {
    await source.backup(databaseFile);
  } finally {
    source.close();
  }
  return { restored: inspectBackup(databaseFile), previous };
}

/** What to run for PostgreSQL, whose own tools back up and restore it best. */
export function postgresBackupCommands(url: string, file = backupFileName().replace(/\.db$/, '.dump')): { backup: string; restore: string } {
  const quoted = `'${url.replace(/'/g, "'\\''")}'`;
  return {
    backup: `pg_dump --format=custom --no-owner --file=${file} ${quoted}`,
    restore: `pg_restore --clean --if-exists --no-owner --dbname=${quoted} ${file}`,
  };
}
