/**
 * Throwaway databases for tests: an SQLite file in a temporary folder, or a fresh PostgreSQL
 * database `duizhao_t_<random>` made from the maintenance database at POSTGRES_ADMIN_URL
 * (127.0.0.1:5432, user postgres, trust auth, as on CI). `createTempDatabase` gives an empty one
 * with the DATABASE_URL a server would be started with (the integration tests); `createTestSqlite`
 * and `createTestPostgres` a migrated one with a Prisma client (unit tests). Each comes with its own
 * clean-up. Not imported by the app.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { closeDb, createDb, type Db } from './client';
import { migrateDatabase } from './migrate';
import type { DatabaseTarget } from './target';

export type Provider = 'sqlite' | 'postgres';
export const PROVIDERS: readonly Provider[] = ['sqlite', 'postgres'];

/** The maintenance database the test databases are created from. */
export const POSTGRES_ADMIN_URL = process.env.INTEGRATION_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export type TempDatabase = {
  provider: Provider;
  /** What DATABASE_URL would be set to. */
  url: string;
  target: DatabaseTarget;
  drop(): Promise<void>;
};

export type TestDatabase = { db: Db; drop: () => Promise<void> };

async function withAdmin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Null when PostgreSQL answers and may create databases; otherwise why not (tests print it and skip). */
export async function postgresUnavailableReason(): Promise<string | null> {
  try {
    const { rows } = await withAdmin((client) =>
      client.query<{ rolcreatedb: boolean; rolsuper: boolean }>('SELECT rolcreatedb, rolsuper FROM pg_roles WHERE rolname = current_user'),
    );
    const role = rows[0];
    if (!role || !(role.rolcreatedb || role.rolsuper)) return `user on ${POSTGRES_ADMIN_URL} may not create databases`;
    return null;
  } catch (error) {
    return `PostgreSQL not reachable at ${POSTGRES_ADMIN_URL}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** An empty database of the provider, not migrated. */
export async function createTempDatabase(provider: Provider): Promise<TempDatabase> {
  if (provider === 'sqlite') {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'duizhao-test-db-'));
    const file = path.join(dir, 'duizhao.db');
    return { provider, url: file, target: { provider: 'sqlite', file }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `duizhao_t_${randomBytes(6).toString('hex')}`;
  await withAdmin((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    provider,
    url: url.toString(),
    target: { provider: 'postgres', url: url.toString() },
    drop: async () => {
      await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

/** A migrated database of the provider, with its client; dropping disconnects first. */
async function createMigrated(provider: Provider): Promise<TestDatabase> {
  const database = await createTempDatabase(provider);
  try {
    await migrateDatabase(database.target);
  } catch (error) {
    await database.drop();
    throw error;
  }
  const db = await createDb(database.target);
  return {
    db,
    drop: async () => {
      await closeDb(db);
      await database.drop();
    },
  };
}

export const createTestSqlite = () => createMigrated('sqlite');
export const createTestPostgres = () => createMigrated('postgres');
