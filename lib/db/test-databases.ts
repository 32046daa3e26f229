/**
 * Throwaway databases for unit tests: a migrated SQLite file in a temporary folder, and a fresh
 * PostgreSQL database (`duizhao_t_<random>`) when a server answers on 127.0.0.1:5432 (trust
 * auth, as on CI). Each comes with its own clean-up. Not imported by the app.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDb, type Db } from './client';
import { migrateDatabase } from './migrate';
import { databaseTarget } from './target';

export type TestDatabase = { db: Db; drop: () => Promise<void> };

const POSTGRES_ADMIN = { host: '127.0.0.1', port: 5432, user: 'postgres', database: 'postgres' };

export async function createTestSqlite(): Promise<TestDatabase> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'duizhao-test-'));
  const target = databaseTarget(path.join(folder, 'test.db'));
  await migrateDatabase(target);
  const db = await createDb(target);
  return {
    db,
    drop: async () => {
      await db.$disconnect();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

async function withPostgresAdmin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ ...POSTGRES_ADMIN, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Why PostgreSQL tests cannot run here, or null when they can. */
export async function postgresUnavailable(): Promise<string | null> {
  try {
    await withPostgresAdmin((client) => client.query('SELECT 1'));
    return null;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return `no PostgreSQL at ${POSTGRES_ADMIN.host}:${POSTGRES_ADMIN.port} as user "${POSTGRES_ADMIN.user}" (${reason})`;
  }
}

export async function createTestPostgres(): Promise<TestDatabase> {
  const name = `duizhao_t_${randomBytes(6).toString('hex')}`;
  await withPostgresAdmin((client) => client.query(`CREATE DATABASE "${name}"`));
  const target = databaseTarget(`postgres://${POSTGRES_ADMIN.user}@${POSTGRES_ADMIN.host}:${POSTGRES_ADMIN.port}/${name}`);
  const dropDatabase = () => withPostgresAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  try {
    await migrateDatabase(target);
  } catch (error) {
    await dropDatabase();
    throw error;
  }
  const db = await createDb(target);
  return {
    db,
    drop: async () => {
      await db.$disconnect();
      await dropDatabase();
    },
  };
}
