'use server';
/**
 * The moderation page's server actions: sign in, sign out, and approve / mark spam / delete a
 * comment. Plain form posts, so they work without JavaScript; each one ends in a redirect back
 * to the page (post, redirect, get), which then shows what happened. Every moderation checks the
 * admin session again: the page that showed the buttons proves nothing.
 */
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { env } from '../env';
import { isAppError } from '../http/errors';
import { ADMIN_COOKIE, adminCookieValue, readSession } from '../http/session';
import { defaultLocale } from '../i18n/config';
import {
  adminCookieOptions,
  adminPage,
  formFields,
  isAdminToken,
  isSecureOrigin,
  moderateAsAdmin,
  moderationFormSchema,
  signInFormSchema,
} from './moderation';
import { refundWriteAllowance, takeWriteAllowance } from '../limits/rate-limit';
import { threadChanged } from './revalidate';

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

export async function signOut(form: FormData): Promise<void> {
  const parsed = signInFormSchema.pick({ locale: true }).safeParse(formFields(form));
  const cookieStore = await cookies();
  cookieStore.delete({ name: ADMIN_COOKIE, path: '/' });
  redirect(adminPage(parsed.success ? parsed.data.locale : defaultLocale));
}

export async function moderate(form: FormData): Promise<void> {
  const parsed = moderationFormSchema.safeParse(formFields(form));
  if (!parsed.success) redirect(adminPage(defaultLocale));
  const { locale, id, decision } = parsed.data;
  const session = await readSession(await headers(), await cookies());
  let slug: string;
  try {
    ({ slug } = await moderateAsAdmin(session, id, decision));
  } catch (error) {
    if (isAppError(error) && error.code === 'admin.unauthorized') redirect(adminPage(locale, '?error=expired'));
    if (isAppError(error) && error.code === 'comment.notFound') redirect(adminPage(locale, '?error=gone'));
    throw error;
  }
  threadChanged(session.db, slug);
  redirect(adminPage(locale, `?done=${decision}`));
}
