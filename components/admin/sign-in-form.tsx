/** The moderator's sign-in: one password field for the admin token, posted to a server action. */
import { signIn } from '@/lib/admin/sign-in-actions';
import type { Locale } from '@/lib/i18n/config';
import { getTranslator } from '@/lib/i18n/server';
import styles from './admin.module.css';

type Props = { locale: Locale; /** Why the reader is asked (again), from the last attempt. */ error: 'signIn' | 'tooMany' | 'expired' | null };

export function SignInForm({ locale, error }: Props) {
  const t = getTranslator(locale);
  const message = error ? t(`admin.signIn.${error === 'signIn' ? 'failed' : error}`) : null;
  return (
    <section aria-labelledby="sign-in-heading">
      <h2 id="sign-in-heading">{t('admin.signIn.heading')}</h2>
      <p>{t('admin.signIn.intro')}</p>
      {message && (
        <p id="sign-in-error" role="alert" className={styles.error}>
          {message}
        </p>
      )}
      <form action={signIn} className={styles.signIn}>
        <input type="hidden" name="locale" value={locale} />
        <label htmlFor="admin-token">{t('admin.signIn.token')}</label>
        <input
          id="admin-token"
          name="token"
          type="password"
          autoComplete="current-password"
          required
          maxLength={1000}
          aria-invalid={error === 'signIn' ? true : undefined}
          aria-describedby={message ? 'sign-in-error' : undefined}
        />
        <button type="submit" className={styles.button}>
          {t('admin.signIn.submit')}
        </button>
      </form>
    </section>
  );
}
