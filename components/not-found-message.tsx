/** The body of a 404 page, in one UI language. */
import type { Locale } from '@/lib/i18n/config';
import { localePath } from '@/lib/i18n/paths';
import { getTranslator } from '@/lib/i18n/server';

export function NotFoundMessage({ locale }: { locale: Locale }) {
  const t = getTranslator(locale);
  return (
    <section className="not-found" aria-labelledby={`not-found-${locale}`}>
      <h1 id={`not-found-${locale}`}>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <a href={localePath(locale)}>{t('notFound.back')}</a>
      </p>
    </section>
  );
}
