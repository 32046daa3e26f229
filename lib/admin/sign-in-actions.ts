'use server';
/**
 * The moderation page's sign-in and sign-out: plain form posts, so they work without JavaScript,
 * each ending in a redirect back to the page (post, redirect, get), which then shows what
 * happened. Failed attempts are counted per address (lib/limits), so the token cannot be
 * guessed at speed.
 */
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { env } from '../env';
import { isAppError } from '../http/errors';
import { endAdminSession } from '../db/settings';
import { ADMIN_COOKIE, adminCookieValue, adminSessionOf, readSession } from '../http/session';
import { unsign } from '../http/signed';
import { defaultLocale } from '../i18n/config';
import { refundWriteAllowance, takeWriteAllowance } from '../limits/rate-limit';
import { adminPage, formFields } from './forms';
import { isSecureOrigin } from '../http/secure-cookie';
import { adminCookieOptions, isAdminToken, signInFormSchema } from './sign-in';

/** A wrong token costs this long: guessing stays slow even where nothing else limits it. */
const FAILED_SIGN_IN_DELAY_MS = 500;

export async function signIn(form: FormData): Promise<void> {
  const parsed = signInFormSchema.safeParse(formFields(form));
  const locale = parsed.success ? parsed.data.locale : defaultLocale;
  const [requestHeaders, cookieStore] = await Promise.all([headers(), cookies()]);
  const { db, secret, addressHash } = await readSession(requestHeaders, cookieStore);
  // Every attempt takes a point before its token is compared (so guesses sent all at once are
  // counted too), and a right one gives it back: only failures use up the allowance.
  const exhausted = await takeWriteAllowance(db, addressHash, 'failedSignIns').then(() => false, refusedWith429);
  if (exhausted) redirect(adminPage(locale, '?error=tooMany'));
  if (!parsed.success || !isAdminToken(parsed.data.token, env.adminToken)) {
    await new Promise((resolve) => setTimeout(resolve, FAILED_SIGN_IN_DELAY_MS));
    redirect(adminPage(locale, '?error=signIn'));
  }
  await refundWriteAllowance(db, addressHash, 'failedSignIns');
  const secure = isSecureOrigin(requestHeaders.get('origin'), env.siteUrl);
  cookieStore.set(ADMIN_COOKIE, adminCookieValue(secret, parsed.data.token), adminCookieOptions(secure));
  redirect(adminPage(locale));
}

/** true for the limiter's 429; anything else is rethrown. */
function refusedWith429(error: unknown): true {
  if (isAppError(error) && error.status === 429) return true;
  throw error;
}

/** Ends the session on the server as well as in this browser: a copy of the cookie is worth nothing after. */
export async function signOut(form: FormData): Promise<void> {
  const parsed = signInFormSchema.pick({ locale: true }).safeParse(formFields(form));
  const [requestHeaders, cookieStore] = await Promise.all([headers(), cookies()]);
  const { db, secret } = await readSession(requestHeaders, cookieStore);
  const session = adminSessionOf(unsign(cookieStore.get(ADMIN_COOKIE)?.value, secret), env.adminToken, secret);
  if (session) await endAdminSession(db, session);
  cookieStore.delete({ name: ADMIN_COOKIE, path: '/' });
  redirect(adminPage(parsed.success ? parsed.data.locale : defaultLocale));
}
