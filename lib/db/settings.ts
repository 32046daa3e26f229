/**
 * Site settings kept in the database, created on first use and then shared by every instance:
 * above all the secret that signs cookies and keys address hashes, unless the operator gives one
 * in SESSION_SECRET (required on a public address: lib/session-secret.mjs).
 */
import 'server-only';
import { randomBytes } from 'node:crypto';
import { env } from '../env';
import type { Db } from './client';

const secrets = new WeakMap<Db, Promise<string>>();

async function loadSecret(db: Db): Promise<string> {
  const existing = await db.setting.findUnique({ where: { key: 'secret' } });
  if (existing) return existing.value;
  try {
    await db.setting.create({ data: { key: 'secret', value: randomBytes(32).toString('base64url') } });
  } catch {
    // Another instance created it at the same moment: theirs is the one to use.
  }
  const created = await db.setting.findUniqueOrThrow({ where: { key: 'secret' } });
  return created.value;
}

/** Admin sessions signed out of, by id; each row is kept until the session would have expired. */
const ENDED_SESSION = 'admin-session-ended:';

/** Whether the admin signed out of this session (on any instance). */
export async function adminSessionEnded(db: Db, id: string): Promise<boolean> {
  return (await db.setting.findUnique({ where: { key: `${ENDED_SESSION}${id}` } })) !== null;
}

/**
 * Ends an admin session for good: its cookie, kept or copied, no longer signs anyone in. Rows of
 * sessions that have expired anyway are dropped on the way.
 */
export async function endAdminSession(db: Db, session: { id: string; expires: number }, now = Date.now()): Promise<void> {
  await db.setting.upsert({ where: { key: `${ENDED_SESSION}${session.id}` }, create: { key: `${ENDED_SESSION}${session.id}`, value: String(session.expires) }, update: {} });
  const ended = await db.setting.findMany({ where: { key: { startsWith: ENDED_SESSION } } });
  const expired = ended.filter((row) => Number(row.value) <= now).map((row) => row.key);
  if (expired.length > 0) await db.setting.deleteMany({ where: { key: { in: expired } } });
}

export function siteSecret(db: Db): Promise<string> {
  if (env.sessionSecret) return Promise.resolve(env.sessionSecret);
  let secret = secrets.get(db);
  if (!secret) {
    secret = loadSecret(db);
    secrets.set(db, secret);
  }
  return secret;
}
