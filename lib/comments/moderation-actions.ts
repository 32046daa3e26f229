'use server';
/**
 * The moderation page's decisions on a comment: approve, mark spam or delete. Plain form posts,
 * so they work without JavaScript; each ends in a redirect back to the page (post, redirect,
 * get), which then shows what happened. Every decision checks the admin session again: the page
 * that showed the buttons proves nothing.
 */
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { adminPage, formFields } from '../admin/forms';
import { isAppError } from '../http/errors';
import { readSession } from '../http/session';
import { defaultLocale } from '../i18n/config';
import { moderateAsAdmin, moderationFormSchema } from './moderation';
import { threadChanged } from './revalidate';

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
