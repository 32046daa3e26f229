/**
 * The integration tests' throwaway databases (made by lib/db/test-databases.ts), and a look at
 * what is in them (tables, columns, applied migrations) without going through Prisma.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { createTempDatabase, type Provider, type TempDatabase } from '../../lib/db/test-databases';

export { createTempDatabase, POSTGRES_ADMIN_URL, postgresUnavailableReason, PROVIDERS, type Provider, type TempDatabase } from '../../lib/db/test-databases';

/** Temp databases made by a test file, dropped together in afterAll. */
export function databasePool() {
  const made: TempDatabase[] = [];
  return {
    async create(provider: Provider): Promise<TempDatabase> {
      const database = await createTempDatabase(provider);
      made.push(database);
      return database;
    },
    async dropAll(): Promise<void> {
      const failures: unknown[] = [];
      for (const database of made.splice(0)) await database.drop().catch((error: unknown) => failures.push(error));
      if (failures.length > 0) throw new AggregateError(failures, 'could not drop every temp database');
    },
  };
}

/** Runs SQL against a temp database directly (not through Prisma). */
export async function query<T extends Record<string, unknown>>(database: TempDatabase, sql: string, params: unknown[] = []): Promise<T[]> {
  if (database.target.provider === 'sqlite') {
    const db = new Database(database.target.file, { readonly: true, fileMustExist: true });
    try {
      return db.prepare(sql).all(...params) as T[];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: database.target.url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

export type Column = { name: string; type: string; nullable: boolean };

export async function listTables(database: TempDatabase): Promise<string[]> {
  const rows =
    database.provider === 'sqlite'
      ? await query<{ name: string }>(database, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      : await query<{ name: string }>(database, "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'");
  return rows.map((row) => row.name).sort();
}

export async function listColumns(database: TempDatabase, table: string): Promise<Column[]> {
  if (database.provider === 'sqlite') {
    const rows = await query<{ name: string; type: string; notnull: number; pk: number }>(database, 'SELECT name, type, "notnull", pk FROM pragma_table_info(?)', [table]);
    // SQLite lets a non-INTEGER primary key column hold NULL unless NOT NULL is spelled out; the
    // migrations spell it out, so notnull is the truth here.
    return rows.map((row) => ({ name: row.name, type: row.type.toUpperCase(), nullable: row.notnull === 0 }));
  }
  const rows = await query<{ name: string; type: string; nullable: string }>(
    database,
    "SELECT column_name AS name, data_type AS type, is_nullable AS nullable FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position",
    [table],
  );
  return rows.map((row) => ({ name: row.name, type: row.type.toLowerCase(), nullable: row.nullable === 'YES' }));
}

/** Versions recorded in postgrator's table (its bookkeeping row, version 0, left out). */
export async function appliedVersions(database: TempDatabase): Promise<number[]> {
  const rows = await query<{ version: number | string }>(database, 'SELECT version FROM duizhao_migrations WHERE version > 0 ORDER BY version');
  return rows.map((row) => Number(row.version));
}

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** The committed migration files of a provider, as postgrator names them (`NNN.do.name.sql`). */
export function migrationFiles(provider: Provider): string[] {
  return readdirSync(path.join(ROOT, 'prisma', 'migrations', provider))
    .filter((name) => /^\d+\.do\..*\.sql$/.test(name))
    .sort();
}
