/**
 * Migration 004 fills in the hash of every existing comment's body in SQL (PostgreSQL's sha256,
 * SQLite's through a function the migration runner registers). The duplicate check looks rows up
 * by the hash the app computes, so both must give the app's hash, byte for byte, for any text.
 * Migration 006 makes the hash unique per post, on databases that may already hold duplicates.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, test } from 'vitest';
import { bodyHashOf } from '../../lib/comments/body-hash';
import { migrateDatabase, registerMigrationFunctions } from '../../lib/db/migrate';
import { createTempDatabase, postgresUnavailableReason, PROVIDERS, type TempDatabase } from './databases';

const pgUnavailable = await postgresUnavailableReason();
const migrationFile = (provider: string, name: string) => readFileSync(path.join(import.meta.dirname, '..', '..', 'prisma', 'migrations', provider, name), 'utf8');
const MIGRATION = (provider: string) => migrationFile(provider, '004.do.comment-body-hash.sql');
/** Back to the index before migration 006, so rows it would refuse can be stored as they were. */
const BEFORE_006 = 'DROP INDEX "Comment_postSlug_bodyHash_key"; CREATE INDEX "Comment_postSlug_bodyHash_idx" ON "Comment"("postSlug", "bodyHash");';
/** Two copies of one body on post p (a double click before 006), one on post q, a placeholder: [id, post, hash, createdAt]. */
const STORED: Array<[string, string, string | null, string]> = [
  ['first', 'p', 'same', '2026-01-01T00:00:00.000Z'],
  ['second', 'p', 'same', '2026-01-01T00:00:01.000Z'],
  ['third', 'p', 'same', '2026-01-01T00:00:01.000Z'],
  ['elsewhere', 'q', 'same', '2026-01-02T00:00:00.000Z'],
  ['other', 'p', 'other', '2026-01-03T00:00:00.000Z'],
  ['gone', 'p', null, '2026-01-04T00:00:00.000Z'],
];
const KEPT = { first: 'same', second: null, third: null, elsewhere: 'same', other: 'other', gone: null };
/** The backfill statement exactly as the migration has it. */
const backfillOf = (provider: string) => {
  const statement = /^UPDATE "Comment" SET "bodyHash" = .*;$/m.exec(MIGRATION(provider))?.[0];
  if (!statement) throw new Error(`no backfill UPDATE in ${provider}'s migration 004`);
  return statement;
};

const BODIES = ['', 'abc', '写一条评论，带标点。', 'emoji 🐳 and astral 𠀀', 'line one\n\nline two with **markdown** and `code`', 'x'.repeat(5000), '"quotes" \'and\' \\ backslashes'];

describe.each(PROVIDERS)('migration 004 on %s', (provider) => {
  const unavailable = provider === 'postgres' ? pgUnavailable : null;
  const databases: TempDatabase[] = [];
  afterAll(async () => {
    for (const database of databases) await database.drop();
  });

  test.skipIf(unavailable !== null)('fills in the same hash the app computes for every live comment, and none for deleted placeholders', async () => {
    const database = await createTempDatabase(provider);
    databases.push(database);
    await migrateDatabase(database.target);
    const insert = `INSERT INTO "Comment" ("id", "postSlug", "authorName", "bodySource", "bodyHtml", "lang", "status", "ipHash", "deleted") VALUES `;
    const rows = [...BODIES.map((body, index) => ({ id: `c${index}`, body, deleted: false })), { id: 'gone', body: '', deleted: true }];
    if (database.target.provider === 'sqlite') {
      const db = new Database(database.target.file);
      try {
        registerMigrationFunctions(db);
        const statement = db.prepare(`${insert}(?, 'p', 'a', ?, '', 'zh', 'published', 'h', ?)`);
        for (const row of rows) statement.run(row.id, row.body, row.deleted ? 1 : 0);
        db.exec(backfillOf('sqlite'));
        const stored = db.prepare('SELECT "id", "bodyHash" FROM "Comment"').all() as Array<{ id: string; bodyHash: string | null }>;
        for (const row of rows) expect(stored.find((each) => each.id === row.id)?.bodyHash, JSON.stringify(row.body.slice(0, 40))).toBe(row.deleted ? null : bodyHashOf(row.body));
      } finally {
        db.close();
      }
      return;
    }
    const client = new pg.Client({ connectionString: database.target.url });
    await client.connect();
    try {
      for (const row of rows) await client.query(`${insert}($1, 'p', 'a', $2, '', 'zh', 'published', 'h', $3)`, [row.id, row.body, row.deleted]);
      await client.query(backfillOf('postgres'));
      const stored = (await client.query<{ id: string; bodyHash: string | null }>('SELECT "id", "bodyHash" FROM "Comment"')).rows;
      for (const row of rows) expect(stored.find((each) => each.id === row.id)?.bodyHash, JSON.stringify(row.body.slice(0, 40))).toBe(row.deleted ? null : bodyHashOf(row.body));
    } finally {
      await client.end();
    }
  });

  test.skipIf(unavailable !== null)('migration 006 keeps duplicates already stored, the earliest with its hash, then refuses new ones', async () => {
    const database = await createTempDatabase(provider);
    databases.push(database);
    await migrateDatabase(database.target);
    const insert = `INSERT INTO "Comment" ("id", "postSlug", "authorName", "bodySource", "bodyHash", "bodyHtml", "lang", "status", "ipHash", "deleted", "createdAt") VALUES `;
    const migration = migrationFile(provider, '006.do.comment-body-unique.sql');
    if (database.target.provider === 'sqlite') {
      const db = new Database(database.target.file);
      try {
        db.exec(BEFORE_006);
        const statement = db.prepare(`${insert}(?, ?, 'a', 'b', ?, '', 'zh', 'published', 'h', 0, ?)`);
        for (const [id, post, hash, at] of STORED) statement.run(id, post, hash, Date.parse(at));
        db.exec(migration);
        const stored = db.prepare('SELECT "id", "bodyHash" FROM "Comment"').all() as Array<{ id: string; bodyHash: string | null }>;
        expect(Object.fromEntries(stored.map((row) => [row.id, row.bodyHash]))).toEqual(KEPT);
        expect(() => statement.run('again', 'p', 'same', Date.now())).toThrow(/UNIQUE/);
      } finally {
        db.close();
      }
      return;
    }
    const client = new pg.Client({ connectionString: database.target.url });
    await client.connect();
    try {
      await client.query(BEFORE_006);
      for (const [id, post, hash, at] of STORED) await client.query(`${insert}($1, $2, 'a', 'b', $3, '', 'zh', 'published', 'h', false, $4)`, [id, post, hash, at]);
      await client.query(migration);
      const stored = (await client.query<{ id: string; bodyHash: string | null }>('SELECT "id", "bodyHash" FROM "Comment"')).rows;
      expect(Object.fromEntries(stored.map((row) => [row.id, row.bodyHash]))).toEqual(KEPT);
      await expect(client.query(`${insert}('again', 'p', 'a', 'b', 'same', '', 'zh', 'published', 'h', false, now())`)).rejects.toThrow(/unique/i);
    } finally {
      await client.end();
    }
  });
});
