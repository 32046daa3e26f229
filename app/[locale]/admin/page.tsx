/**
 * The moderation page: the queue of comments awaiting approval or flagged by readers, or the
 * sign-in form. Exists only when ADMIN_TOKEN is set (otherwise a 404, as for any unknown page);
 * always rendered per request, since it depends on the admin cookie, and never indexed.
 */
import type { Metadata } from 'next';
import { cookies, headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { ModerationQueue } from '@/components/admin/moderation-queue';
import { NotesReview } from '@/components/admin/notes-review';
import { SignInForm } from '@/components/admin/sign-in-form';
import styles from '@/components/admin/admin.module.css';
import { SiteHeader } from '@/components/site-header';
import { signOut } from '@/lib/admin/sign-in-actions';
import { noteDecisions, publicNotesForReview } from '@/lib/notes/moderation';
import { moderationDecisions } from '@/lib/comments/moderation';
import { moderationQueue } from '@/lib/comments/queries';
import { env } from '@/lib/env';
import { readSession } from '@/lib/http/session';
import { readLocale } from '@/lib/http/route-params';
import { getTranslator } from '@/lib/i18n/server';

export const dynamic = 'force-dynamic';

/** What the last form post did, as the action's redirect reports it; anything else is ignored. */
const noticeSchema = z.object({
  error: z.enum(['signIn', 'tooMany', 'expired', 'gone']).optional().catch(undefined),
  done: z.enum([...moderationDecisions, ...noteDecisions.map((decision) => `note-${decision}` as const)]).optional().catch(undefined),
});

export async function generateMetadata({ params }: PageProps<'/[locale]/admin'>): Promise<Metadata> {
  const locale = await readLocale(params);
  if (env.adminToken === null) notFound();
  return { title: getTranslator(locale)('admin.title'), robots: { index: false, follow: false } };
}

export default async function AdminPage({ params, searchParams }: PageProps<'/[locale]/admin'>) {
  const locale = await readLocale(params);
  if (env.adminToken === null) notFound();
  const t = getTranslator(locale);
  const notice = noticeSchema.parse(await searchParams);
  const session = await readSession(await headers(), await cookies());
  return (
    <>
      <SiteHeader locale={locale} path="/admin" />
      <main id="main" className={`page ${styles.admin}`}>
        <h1>{t('admin.title')}</h1>
        {session.isAdmin ? (
          <>
            <div className={styles.session}>
              <p>{t('admin.signedIn')}</p>
              <form action={signOut}>
                <input type="hidden" name="locale" value={locale} />
                <button type="submit" className={styles.button}>
                  {t('admin.signOut')}
                </button>
              </form>
            </div>
            {notice.done && (
              <p role="status" className={styles.notice}>
                {t(`admin.done.${notice.done}`)}
              </p>
            )}
            {notice.error === 'gone' && (
              <p role="alert" className={styles.error}>
                {t('admin.gone')}
              </p>
            )}
            <ModerationQueue locale={locale} comments={await moderationQueue(session.db)} />
            <NotesReview locale={locale} notes={await publicNotesForReview(session.db)} />
          </>
        ) : (
          <SignInForm locale={locale} error={notice.error === 'gone' ? null : (notice.error ?? null)} />
        )}
      </main>
    </>
  );
}
