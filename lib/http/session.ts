/**
 * Who is asking, from a request: the database, the client's (hashed) address, the reader's
 * anonymous id, and whether the admin is signed in (what a domain adds to it, such as the
 * comments this browser wrote, it reads itself: lib/comments/session.ts). Cookies are
 * signed with the site secret; the client address comes from the app's own server
 * (scripts/server.mjs, in PEER_HEADER), which the client cannot spoof, or a configured proxy.
 */
import 'server-only';
import { createHmac, randomBytes } from 'node:crypto';
import { getDb, type Db } from '../db/client';
import { adminSessionEnded, siteSecret } from '../db/settings';
import { env } from '../env';
import { clientAddress, hashAddress } from './client-address';
import { PEER_HEADER, peerFromHeader } from './peer-header.mjs';
import { ADMIN_COOKIE } from './personal-cookies.mjs';
import { sign, unsign } from './signed';

export const READER_COOKIE = 'duizhao_reader';
export { ADMIN_COOKIE };
export const ADMIN_SESSION_SECONDS = 8 * 60 * 60;

export type CookieSource = { get(name: string): { value: string } | undefined };

export type Session = {
  db: Db;
  secret: string;
  addressHash: string;
  /** The reader's anonymous id, if they have one yet. */
  readerId: string | null;
  isAdmin: boolean;
};

export async function readSession(headers: Headers, cookies: CookieSource): Promise<Session> {
  const db = await getDb();
  const secret = await siteSecret(db);
  const address = clientAddress(headers, peerFromHeader(headers.get(PEER_HEADER)), env.trustedProxies);
  const admin = adminSessionOf(unsign(cookies.get(ADMIN_COOKIE)?.value, secret), env.adminToken, secret);
  return {
    db,
    secret,
    addressHash: hashAddress(address, secret),
    readerId: unsign(cookies.get(READER_COOKIE)?.value, secret),
    // A signed cookie is not enough: its session may have been signed out of (lib/db/settings.ts).
    isAdmin: admin !== null && !(await adminSessionEnded(db, admin.id)),
  };
}

/**
 * A short, keyed fingerprint of the admin token, carried in the session cookie: when the token is
 * changed (say, because it leaked), every session signed in with the old one ends.
 */
const tokenFingerprint = (token: string, secret: string) => createHmac('sha256', secret).update(`admin-token:${token}`).digest('base64url').slice(0, 22);

export type AdminSession = { id: string; expires: number };

/**
 * The session a verified admin cookie value (`admin:<expiry>:<fingerprint>:<id>`) holds, when it
 * is unexpired and was signed in with `token`; null otherwise. Whether it was signed out of is
 * the database's to say (readSession).
 */
export function adminSessionOf(value: string | null, token: string | null, secret: string, now = Date.now()): AdminSession | null {
  if (value === null || token === null) return null;
  const [kind, expiry, fingerprint, id, ...rest] = value.split(':');
  const expires = Number(expiry);
  if (kind !== 'admin' || !(expires > now) || fingerprint !== tokenFingerprint(token, secret) || !id || rest.length > 0) return null;
  return { id, expires };
}

export const isAdminSession = (value: string | null, token: string | null, secret: string, now = Date.now()): boolean => adminSessionOf(value, token, secret, now) !== null;

/** A new anonymous reader id and the signed cookie value that carries it. */
export function newReaderId(secret: string): { id: string; cookie: string } {
  const id = randomBytes(12).toString('base64url');
  return { id, cookie: sign(id, secret) };
}

/** The signed value of a new admin session for `token`, good for ADMIN_SESSION_SECONDS, with an id of its own. */
export function adminCookieValue(secret: string, token: string, now = Date.now()): string {
  const id = randomBytes(12).toString('base64url');
  return sign(`admin:${now + ADMIN_SESSION_SECONDS * 1000}:${tokenFingerprint(token, secret)}:${id}`, secret);
}

export const readerCookieOptions = (secure: boolean) => ({ httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: 60 * 60 * 24 * 365 * 2 }) as const;
