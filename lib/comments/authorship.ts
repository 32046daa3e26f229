/**
 * Which comments this browser wrote: a signed, httpOnly cookie listing the ids and times of the
 * reader's recent comments. It proves the right to edit or delete one within the edit window,
 * without accounts. Entries older than the window are dropped, so the cookie stays small.
 */
import { AUTHORSHIP_COOKIE } from '../http/personal-cookies.mjs';
import { sign, unsign } from '../http/signed';

export { AUTHORSHIP_COOKIE };
export const EDIT_WINDOW_MS = 15 * 60 * 1000;
const MAX_ENTRIES = 40;

export type Authorship = ReadonlyMap<string, number>;

export function readAuthorship(cookie: string | undefined, secret: string, now = Date.now()): Map<string, number> {
  const value = unsign(cookie, secret);
  const entries = new Map<string, number>();
  if (!value) return entries;
  for (const pair of value.split('~')) {
    const [id, at] = pair.split(':');
    const time = Number(at);
    if (id && /^[\w-]{1,40}$/.test(id) && Number.isFinite(time) && now - time < EDIT_WINDOW_MS) entries.set(id, time);
  }
  return entries;
}

export function writeAuthorship(entries: Authorship, secret: string, now = Date.now()): string {
  const fresh = [...entries].filter(([, at]) => now - at < EDIT_WINDOW_MS).slice(-MAX_ENTRIES);
  return sign(fresh.map(([id, at]) => `${id}:${at}`).join('~'), secret);
}

export const authorshipCookieOptions = (secure: boolean) => ({ httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: EDIT_WINDOW_MS / 1000 }) as const;
