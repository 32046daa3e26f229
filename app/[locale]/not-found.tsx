/**
 * The 404 page inside a locale (unknown post, tag or path). Not-found pages receive no params,
 * so both languages are rendered here and the route's locale picks one.
 */
import { LocaleVariant } from '@/components/locale-variant';
import { NotFoundMessage } from '@/components/not-found-message';
import { SiteHeader } from '@/components/site-header';
import type { Locale } from '@/lib/i18n/config';

function NotFoundPage({ locale }: { locale: Locale }) {
  return (
    <>
      <SiteHeader locale={locale} path="" />
      <main id="main" className="page">
        <NotFoundMessage locale={locale} />
      </main>
    </>
  );
}

export default function LocaleNotFound() {
  return <LocaleVariant variants={{ zh: <NotFoundPage locale="zh" />, en: <NotFoundPage locale="en" /> }} />;
}
