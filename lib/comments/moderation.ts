/**
 * The moderator's side, apart from Next: checking the admin token, the session cookie's options,
 * reading a moderation form, and carrying out a decision for a signed-in admin. The server
 * actions (moderation-actions.ts) only wire these to cookies, redirects and revalidation.
 */
import 'server-only';
import { z } from 'zod';
import type { Db } from '../db/client';
import { AppError } from '../http/errors';
import { ADMIN_SESSION_SECONDS } from '../http/session';
import { sameSecret } from '../http/signed';
import { locales, type Locale } from '../i18n/config';
import { localePath } from '../i18n/paths';
import { moderateComment } from './actions';

export const moderationDecisions = ['approve', 'spam', 'delete'] as const;
export type ModerationDecision = (typeof moderationDecisions)[number];

/** Whether a submitted token is the admin's; false whenever moderation is off (no token set). */
export function isAdminToken(given: string, expected: string | null): boolean {
  // Compare even when there is nothing to compare with, so the answer takes the same time.
  const matches = sameSecret(given, expected ?? '');
  return expected !== null && expected !== '' && matches;
}

/**
 * Secure when the browser talks to us over https, which its Origin header says (behind a proxy
 * that ends TLS too); without one, when the site's public address is https.
 */
export function isSecureOrigin(origin: string | null, siteUrl: string): boolean {
  const address = origin && origin !== 'null' ? origin : siteUrl;
  return address.startsWith('https:');
}

export function adminCookieOptions(secure: boolean) {
  return { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: ADMIN_SESSION_SECONDS } as const;
}

export const localeField = z.enum(locales);

export const signInFormSchema = z.object({
  locale: localeField,
  token: z.string().max(1000),
});

export const moderationFormSchema = z.object({
  locale: localeField,
  id: z.string().regex(/^[\w-]{1,40}$/),
  decision: z.enum(moderationDecisions),
});

/** Form fields as strings (a File or a missing field becomes undefined, which zod then refuses). */
export function formFields(form: FormData): Record<string, string | undefined> {
  const fields: Record<string, string | undefined> = {};
  for (const [key, value] of form) fields[key] = typeof value === 'string' ? value : undefined;
  return fields;
}

/**
 * Carries out a moderator's decision, checking the session itself: a form can be posted by
 * anyone, whatever page it came from. Returns the post's slug, whose pages are now stale.
 */
export async function moderateAsAdmin(
  session: { db: Db; isAdmin: boolean },
  id: string,
  decision: ModerationDecision,
): Promise<{ slug: string }> {
  if (!session.isAdmin) throw new AppError('admin.unauthorized', 401, 'sign in as the admin to moderate');
  const row = await session.db.comment.findUnique({ where: { id }, select: { postSlug: true, deleted: true } });
  if (!row || row.deleted) throw new AppError('comment.notFound', 404, 'no such comment');
  await moderateComment(session.db, id, decision);
  return { slug: row.postSlug };
}

/** The moderation page, with what the last form post did in its query. */
export const adminPage = (locale: Locale, query = '') => `${localePath(locale, '/admin')}${query}`;
