/**
 * Migration 005 renames readers' notes' table from "Annotation" to "Note" (the word the code uses).
 * Run on a database that already holds notes, it keeps every row, the reply's link to its note and
 * the rule that a note with replies cannot be deleted, and the indexes follow the new name.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, test } from 'vitest';
import { createTempDatabase, migrationFiles, postgresUnavailableReason, PROVIDERS, type Provider, type TempDatabase } from './databases';
import { ROOT } from './server';

const pgUnavailable = await postgresUnavailableReason();
if (pgUnavailable) console.warn(`[notes-table-migration] PostgreSQL case skipped: ${pgUnavailable}`);

const sqlOf = (provider: Provider, file: string) => readFileSync(path.join(ROOT, 'prisma', 'migrations', provider, file), 'utf8');
const before = (provider: Provider) => migrationFiles(provider).filter((file) => Number(file.slice(0, 3)) < 5);
const NOTE = `("id", "postSlug", "parentId", "readerId", "addressHash", "visibility", "bodySource", "bodyHtml", "lang")`;

/** Runs statements in order on the database, and returns a function to read from it. */
async function withDatabase(database: TempDatabase, statements: string[]): Promise<(sql: string) => Promise<Array<Record<string, unknown>>>> {
  if (database.target.provider === 'sqlite') {
    const db = new Database(database.target.file);
    try {
      for (const sql of statements) db.exec(sql);
    } finally {
      db.close();
    }
    const file = database.target.file;
    return async (sql) => {
      const reader = new Database(file, { readonly: true });
      try {
        return reader.prepare(sql).all() as Array<Record<string, unknown>>;
      } finally {
        reader.close();
      }
    };
  }
  const url = database.target.url;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const sql of statements) await client.query(sql);
  } finally {
    await client.end();
  }
  return async (sql) => {
    const reader = new pg.Client({ connectionString: url });
    await reader.connect();
    try {
      return (await reader.query(sql)).rows as Array<Record<string, unknown>>;
    } finally {
      await reader.end();
    }
  };
}

describe.each(PROVIDERS)('migration 005 on %s', (provider) => {
  const databases: TempDatabase[] = [];
  afterAll(async () => {
    for (const database of databases) await database.drop();
  });

  test.skipIf(provider === 'postgres' && pgUnavailable !== null)('keeps every note and reply under the new name', async () => {
    const database = await createTempDatabase(provider);
    databases.push(database);
    const schema = before(provider).map((file) => sqlOf(provider, file));
    // The hash function migration 004 calls on SQLite is registered by the runner; with no comments it is never called.
    const sqliteSafe = provider === 'sqlite' ? schema.map((sql) => sql.replace(/^UPDATE "Comment".*$/m, '')) : schema;
    const read = await withDatabase(database, [
      ...sqliteSafe,
      `INSERT INTO "Annotation" ${NOTE} VALUES ('n1', 'docker-and-hyper', NULL, 'r', 'h', 'public', '笔记', '<p>笔记</p>', 'zh')`,
      `INSERT INTO "Annotation" ${NOTE} VALUES ('n2', 'docker-and-hyper', 'n1', 'r', 'h', 'public', 'reply', '<p>reply</p>', 'en')`,
      sqlOf(provider, '005.do.notes-table.sql'),
    ]);
    expect(await read('SELECT "id", "parentId", "bodySource" FROM "Note" ORDER BY "id"')).toEqual([
      { id: 'n1', parentId: null, bodySource: '笔记' },
      { id: 'n2', parentId: 'n1', bodySource: 'reply' },
    ]);
    const indexes =
      provider === 'sqlite'
        ? await read(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'Note' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
        : await read(`SELECT indexname AS name FROM pg_indexes WHERE tablename = 'Note' ORDER BY indexname`);
    expect(indexes.map((row) => row.name)).toEqual(provider === 'sqlite' ? ['Note_parentId_idx', 'Note_postSlug_status_createdAt_idx'] : ['Note_parentId_idx', 'Note_pkey', 'Note_postSlug_status_createdAt_idx']);
    // The reply still holds its note: deleting the note is refused by the foreign key.
    await expect(withDatabase(database, [`${provider === 'sqlite' ? 'PRAGMA foreign_keys = ON; ' : ''}DELETE FROM "Note" WHERE "id" = 'n1'`])).rejects.toThrow(/foreign key|FOREIGN KEY/i);
  });
});
