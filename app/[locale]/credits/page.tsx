/** Credits and licences: the post, CC-CEDICT (CC BY-SA 4.0) and the libraries behind word help. */
import type { Metadata } from 'next';
import { SiteHeader } from '@/components/site-header';
import { readLocale } from '@/lib/http/route-params';
import { alternatesFor } from '@/lib/i18n/paths';
import { getTranslator } from '@/lib/i18n/server';

export async function generateMetadata({ params }: PageProps<'/[locale]/credits'>): Promise<Metadata> {
  const locale = await readLocale(params);
  return { title: getTranslator(locale)('credits.title'), alternates: alternatesFor(locale, '/credits') };
}

export default async function CreditsPage({ params }: PageProps<'/[locale]/credits'>) {
  const locale = await readLocale(params);
  const t = getTranslator(locale);
  return (
    <>
      <SiteHeader locale={locale} path="/credits" />
      <main id="main" className="page">
        <h1>{t('credits.title')}</h1>
        <p>{t('credits.intro')}</p>
        <p>{t('credits.post')}</p>
        <p>
          {t('credits.cedict')} <a href="https://cc-cedict.org/wiki/">CC-CEDICT</a> ·{' '}
          <a href="https://creativecommons.org/licenses/by-sa/4.0/" rel="license">
            CC BY-SA 4.0
          </a>
        </p>
        <p>{t('credits.translation')}</p>
        <p>{t('credits.software')}</p>
      </main>
    </>
  );
}
