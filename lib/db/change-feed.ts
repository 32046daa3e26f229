/**
 * Changes announced to every instance that shares a PostgreSQL database, through its
 * LISTEN/NOTIFY: an instance that commits a change announces a topic (`thread:<slug>`), and each
 * other instance hears it within milliseconds and drops what it keeps of that topic (its cached
 * thread, its prerendered pages). Without it, another instance would show the change only when
 * its own copies expire.
 *
 * Each instance listens on one connection of its own (a pooled one goes back to the pool, and
 * with it the LISTEN), opened again after a loss with growing pauses. Its own announcements come
 * back to it too, and are known by the instance's random id. On SQLite there is one instance, and
 * nothing to announce.
 */
import 'server-only';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { z } from 'zod';
import { onShutdown, processWide } from '../process-wide.mjs';

export const CHANGE_CHANNEL = 'duizhao_changes';
const RECONNECT_FIRST_MS = 500;
const RECONNECT_MAX_MS = 30_000;

const announcement = z.object({ from: z.string(), topic: z.string().max(400) });

const feed = processWide('change-feed', () => ({ instance: randomUUID(), following: false }));

/** The name the listening connection gives itself, as PostgreSQL shows it (`pg_stat_activity`). */
export const listenerName = () => `duizhao-changes-${feed.instance.slice(0, 8)}`;

/** Tells every other instance on the database that `topic` changed; after the change is committed. */
export async function announceChange(pool: pg.Pool, topic: string): Promise<void> {
  await pool.query('SELECT pg_notify($1, $2)', [CHANGE_CHANNEL, JSON.stringify({ from: feed.instance, topic })]);
}

/**
 * Calls `heard` with each topic another instance announces, from now until the server stops.
 * Once per process: a second call does nothing.
 */
export function followChanges(url: string, heard: (topic: string) => void): void {
  if (feed.following) return;
  feed.following = true;
  let stopped = false;
  let client: pg.Client | null = null;
  let pause = RECONNECT_FIRST_MS;
  let retry: NodeJS.Timeout | undefined;

  const again = (reason: string) => {
    if (stopped || retry) return;
    console.error(`change feed: ${reason}; listening again in ${pause} ms`);
    retry = setTimeout(() => {
      retry = undefined;
      void listen();
    }, pause);
    retry.unref();
    pause = Math.min(pause * 2, RECONNECT_MAX_MS);
  };

  async function listen() {
    const connection = new pg.Client({ connectionString: url, application_name: listenerName() });
    client = connection;
    connection.on('error', (error) => again(error.message));
    connection.on('end', () => again('the connection ended'));
    connection.on('notification', ({ channel, payload }) => {
      if (channel !== CHANGE_CHANNEL || payload === undefined) return;
      const parsed = announcement.safeParse(safeJson(payload));
      if (parsed.success && parsed.data.from !== feed.instance) heard(parsed.data.topic);
    });
    try {
      await connection.connect();
      await connection.query(`LISTEN ${CHANGE_CHANNEL}`);
      pause = RECONNECT_FIRST_MS;
    } catch (error) {
      void connection.end().catch(() => undefined);
      again(error instanceof Error ? error.message : String(error));
    }
  }

  onShutdown(async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end().catch(() => undefined);
  });
  void listen();
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
