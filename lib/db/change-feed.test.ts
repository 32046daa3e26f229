/**
 * The change feed on a real PostgreSQL: what another instance announces is heard, this instance's
 * own announcements and malformed ones are not, and a listening connection that PostgreSQL cuts
 * is opened again. Skipped, with the reason, where no PostgreSQL answers.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { shutDown } from '../process-wide.mjs';
import { announceChange, CHANGE_CHANNEL, followChanges, listenerName } from './change-feed';
import { POSTGRES_ADMIN_URL, postgresUnavailableReason } from './test-databases';

const unavailable = await postgresUnavailableReason();
if (unavailable) console.warn(`[change-feed] skipping: ${unavailable}`);

const heard: string[] = [];
let pool: pg.Pool;
const topic = (name: string) => `thread:${name}-${randomBytes(4).toString('hex')}`;
/** An announcement as another instance makes it. */
const fromElsewhere = (text: string) => pool.query('SELECT pg_notify($1, $2)', [CHANGE_CHANNEL, text]);

beforeAll(async () => {
  if (unavailable) return;
  pool = new pg.Pool({ connectionString: POSTGRES_ADMIN_URL, max: 2 });
  followChanges(POSTGRES_ADMIN_URL, (each) => heard.push(each));
});

afterAll(async () => {
  await shutDown();
  await pool?.end();
});

async function listening(): Promise<number> {
  const { rows } = await pool.query<{ count: string }>("SELECT count(*) FROM pg_stat_activity WHERE application_name = $1 AND query LIKE 'LISTEN%'", [listenerName()]);
  return Number(rows[0]?.count ?? 0);
}

test.skipIf(unavailable !== null)('another instance’s announcement is heard; this one’s own and malformed ones are not', async () => {
  await expect.poll(listening, { timeout: 10_000 }).toBe(1);
  const own = topic('own');
  const other = topic('other');
  await announceChange(pool, own);
  await fromElsewhere('not json');
  await fromElsewhere(JSON.stringify({ topic: topic('no-sender') }));
  await fromElsewhere(JSON.stringify({ from: 'another-instance', topic: other }));
  // Notifications arrive in the order they were sent: once the last is heard, the others were judged.
  await expect.poll(() => heard, { timeout: 5_000 }).toContain(other);
  expect(heard.filter((each) => each.includes('own-') || each.includes('no-sender-'))).toEqual([]);
});

test.skipIf(unavailable !== null)('a listening connection PostgreSQL cuts is opened again, and hears what comes after', async () => {
  await pool.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [listenerName()]);
  await expect.poll(listening, { timeout: 10_000, interval: 200 }).toBe(1);
  const after = topic('after-restart');
  await fromElsewhere(JSON.stringify({ from: 'another-instance', topic: after }));
  await expect.poll(() => heard, { timeout: 5_000 }).toContain(after);
});
