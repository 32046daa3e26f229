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

export function siteSecret(db: Db): Promise<string> {
  if (env.sessionSecret) return Promise.resolve(env.sessionSecret);
  let secret = secrets.get(db);
  if (!secret) {
    secret = loadSecret(db);
    secrets.set(db, secret);
  }
  return secret;
}
