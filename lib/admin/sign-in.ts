/**
 * The admin's sign-in, apart from Next: checking the admin token, and the session cookie's
 * options. The server actions (sign-in-actions.ts) only wire these to cookies and redirects;
 * the session cookie itself is read with every request's session (lib/http/session.ts).
 */
import 'server-only';
import { z } from 'zod';
import { ADMIN_SESSION_SECONDS } from '../http/session';
import { sameSecret } from '../http/signed';
import { localeField } from './forms';

/** Whether a submitted token is the admin's; false whenever moderation is off (no token set). */
export function isAdminToken(given: string, expected: string | null): boolean {
  // Compare even when there is nothing to compare with, so the answer takes the same time.
  const matches = sameSecret(given, expected ?? '');
  return expected !== null && expected !== '' && matches;
}

export function adminCookieOptions(secure: boolean) {
  return { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: ADMIN_SESSION_SECONDS } as const;
}

export const signInFormSchema = z.object({
  locale: localeField,
  token: z.string().max(1000),
});
