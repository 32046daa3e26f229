/**
 * Who is asking, from a request: the database, the client's (hashed) address, the comments this
 * browser wrote, the reader's anonymous id, and whether the admin is signed in. Cookies are
 * signed with the site secret; the client address comes from the app's own server
 * (scripts/server.mjs), which the client cannot spoof, or a configured proxy.
 */
import 'server-only';
import { randomBytes } from 'node:crypto';
import { getDb, type Db } from '../db/client';
import { siteSecret } from '../db/settings';
import { env } from '../env';
import { readAuthorship, AUTHORSHIP_COOKIE } from '../comments/authorship';
import { clientAddress, hashAddress } from './client-address';
import { sign, unsign } from './signed';

export const PEER_HEADER = 'x-duizhao-peer';
export const READER_COOKIE = 'duizhao_reader';
export const ADMIN_COOKIE = 'duizhao_admin';
export const ADMIN_SESSION_SECONDS = 8 * 60 * 60;

type CookieSource = { get(name: string): { value: string } | undefined };

export type Session = {
  db: Db;
  secret: string;
  addressHash: string;
  authored: Map<string, number>;
  /** The reader's anonymous id, if they have one yet. */
  readerId: string | null;
  isAdmin: boolean;
};

export async function readSession(headers: Headers, cookies: CookieSource): Promise<Session> {
  const db = await getDb();
  const secret = await siteSecret(db);
  const address = clientAddress(headers, headers.get(PEER_HEADER), env.trustedProxies);
  const admin = unsign(cookies.get(ADMIN_COOKIE)?.value, secret);
  return {
    db,
    secret,
    addressHash: hashAddress(address, secret),
    authored: readAuthorship(cookies.get(AUTHORSHIP_COOKIE)?.value, secret),
    readerId: unsign(cookies.get(READER_COOKIE)?.value, secret),
    isAdmin: env.adminToken !== null && admin !== null && Number(admin.split(':')[1]) > Date.now(),
  };
}

/** A new anonymous reader id and the signed cookie value that carries it. */
export function newReaderId(secret: string): { id: string; cookie: string } {
  const id = randomBytes(12).toString('base64url');
  return { id, cookie: sign(id, secret) };
}

export function adminCookieValue(secret: string): string {
  return sign(`admin:${Date.now() + ADMIN_SESSION_SECONDS * 1000}`, secret);
}

export const readerCookieOptions = { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 60 * 60 * 24 * 365 * 2 } as const;
