/**
 * `npm run db:backup` while comments and notes are being written, then `npm run db:restore` of
 * that backup with the site stopped: every comment and note acknowledged before the backup began
 * is served again by the restarted site, the restored file passes SQLite's integrity check, and
 * what the database held before the restore is kept. The real server and the real commands, on
 * SQLite (PostgreSQL is backed up with pg_dump, whose command the script prints).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTempDatabase, type TempDatabase } from './databases';
import { LIMITS_OFF_ENV, OPEN_POST, READY_TIMEOUT_MS, ROOT, startServer, type RunningServer } from './server';
import { seedNote } from './seed-note';

const ENV = LIMITS_OFF_ENV;

/** Runs an npm script's command as `npm run` would, on the test's database. */
function run(script: string, args: string[], databaseUrl: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(ROOT, 'scripts', script), ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, INIT_CWD: ROOT },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => resolve({ code, output }));
  });
}

const note = (text: string) => seedNote(text);

function storedIds(file: string): { comments: Set<string>; notes: Set<string> } {
  const db = new Database(file, { readonly: true });
  try {
    const ids = (table: string) => new Set((db.prepare(`SELECT id FROM "${table}"`).all() as Array<{ id: string }>).map((row) => row.id));
    return { comments: ids('Comment'), notes: ids('Note') };
  } finally {
    db.close();
  }
}

describe('a backup taken during writes, restored', () => {
  let database: TempDatabase;
  let server: RunningServer | undefined;

  beforeAll(async () => {
    database = await createTempDatabase('sqlite');
  });

  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  }, 60_000);

  test('every comment and note acknowledged before the backup is back, and nothing is lost', async () => {
    if (database.target.provider !== 'sqlite') throw new Error('runs on SQLite');
    const file = database.target.file;
    server = await startServer({ databaseUrl: database.url, label: 'sqlite (backup)', env: ENV });
    const comments: string[] = [];
    const notes: string[] = [];
    let stopping = false;
    let serial = 0;
    const writer = async (lane: number) => {
      while (!stopping) {
        serial += 1;
        const text = `备份测试 ${lane}-${serial}-${Date.now()}`;
        const writeNote = serial % 3 === 0;
        const response = await fetch(`${server!.baseUrl}/api/posts/${OPEN_POST}/${writeNote ? 'annotations' : 'comments'}`, {
          method: 'POST',
          headers: { 'content-type': writeNote ? 'application/ld+json' : 'application/json' },
          body: JSON.stringify(writeNote ? note(text) : { author: '备份', body: text }),
        });
        if (response.status !== 201) throw new Error(`write answered ${response.status}: ${await response.text()}`);
        const answer = (await response.json()) as { id?: string; comment?: { id: string } };
        if (writeNote) notes.push(new URL(String(answer.id)).pathname.split('/').pop() ?? '');
        else comments.push(answer.comment?.id ?? '');
      }
    };
    const writers = Array.from({ length: 6 }, (_, lane) => writer(lane));
    await expect.poll(() => comments.length + notes.length, { timeout: 60_000 }).toBeGreaterThan(60);

    const before = { comments: [...comments], notes: [...notes] };
    const backupFile = path.join(mkdtempSync(path.join(tmpdir(), 'duizhao-backup-')), 'during-writes.db');
    const backup = await run('db-backup.ts', [backupFile], database.url);
    const writtenDuringBackup = comments.length + notes.length - before.comments.length - before.notes.length;
    expect(backup.output).toMatch(/Backed up .* integrity check ok/);
    expect(backup.code).toBe(0);

    // Writes go on after the backup: they are what the restore must not lose without a trace.
    await expect.poll(() => comments.length, { timeout: 30_000 }).toBeGreaterThan(before.comments.length + 10);
    stopping = true;
    await Promise.all(writers);
    await server.stop();
    server = undefined;
    console.log(`[backup] ${before.comments.length} comments and ${before.notes.length} notes acknowledged before the backup, ${writtenDuringBackup} writes during it, ${comments.length + notes.length} in all`);

    const inBackup = storedIds(backupFile);
    expect(before.comments.filter((id) => !inBackup.comments.has(id))).toEqual([]);
    expect(before.notes.filter((id) => !inBackup.notes.has(id))).toEqual([]);

    const restore = await run('db-restore.ts', [backupFile], database.url);
    expect(restore.output).toMatch(/Restored .* integrity check ok/);
    expect(restore.code).toBe(0);
    const kept = /Kept the database as it was in (\S+) /.exec(restore.output)?.[1] ?? '';
    expect(existsSync(kept)).toBe(true);
    const keptIds = storedIds(kept);
    expect(comments.filter((id) => !keptIds.comments.has(id))).toEqual([]);
    expect(notes.filter((id) => !keptIds.notes.has(id))).toEqual([]);

    const integrity = new Database(file, { readonly: true });
    try {
      expect(integrity.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      integrity.close();
    }

    server = await startServer({ databaseUrl: database.url, label: 'sqlite (restored)', env: ENV });
    const thread = (await (await fetch(`${server.baseUrl}/api/posts/${OPEN_POST}/comments`)).json()) as { comments: Array<{ id: string }> };
    const served = new Set(thread.comments.map((comment) => comment.id));
    expect(before.comments.filter((id) => !served.has(id))).toEqual([]);
    for (const id of before.notes.slice(-5)) expect((await fetch(`${server.baseUrl}/api/annotations/${id}`)).status).toBe(200);
  }, READY_TIMEOUT_MS * 2 + 180_000);

  test('a file that is not a Duizhao database is refused, and the database is left as it was', async () => {
    const stranger = path.join(mkdtempSync(path.join(tmpdir(), 'duizhao-backup-')), 'other.db');
    new Database(stranger).exec('CREATE TABLE t (x)').close();
    const restore = await run('db-restore.ts', [stranger], database.url);
    expect(restore.code).toBe(1);
    expect(restore.output).toMatch(/Restore failed: .*not a Duizhao database/);
    const missing = await run('db-restore.ts', [path.join(tmpdir(), 'no-such-backup.db')], database.url);
    expect(missing.output).toMatch(/no such file/);
  }, 60_000);
});
