/**
 * Migration 004 fills in the hash of every existing comment's body in SQL (PostgreSQL's sha256,
 * SQLite's through a function the migration runner registers). The duplicate check looks rows up
 * by the hash the app computes, so both must give the app's hash, byte for byte, for any text.
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
const MIGRATION = (provider: string) => readFileSync(path.join(import.meta.dirname, '..', '..', 'prisma', 'migrations', provider, '004.do.comment-body-hash.sql'), 'utf8');
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
});
