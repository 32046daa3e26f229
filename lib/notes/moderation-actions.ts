'use server';
/**
 * The moderation page's action on a public reader note: mark it spam or delete it. A plain form
 * post ending in a redirect back to the page, like the comment decisions; the admin session is
 * checked again here.
 */
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { adminPage, formFields } from '../admin/forms';
import { isAppError } from '../http/errors';
import { readSession } from '../http/session';
import { defaultLocale } from '../i18n/config';
import { moderateNote, noteModerationFormSchema } from './moderation';

export async function moderateNoteForm(form: FormData): Promise<void> {
  const parsed = noteModerationFormSchema.safeParse(formFields(form));
  if (!parsed.success) redirect(adminPage(defaultLocale));
  const { locale, id, decision } = parsed.data;
  const session = await readSession(await headers(), await cookies());
  try {
    await moderateNote(session, id, decision);
  } catch (error) {
    if (isAppError(error) && error.code === 'admin.unauthorized') redirect(adminPage(locale, '?error=expired'));
    if (isAppError(error) && error.code === 'annotation.notFound') redirect(adminPage(locale, '?error=gone'));
    throw error;
  }
  redirect(adminPage(locale, `?done=note-${decision}`));
}
