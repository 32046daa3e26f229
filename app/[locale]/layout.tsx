/**
 * The root layout of each UI language: `<html lang>` per locale, the site's metadata defaults and
 * footer. Pages render their own header, which needs their path for the language switch.
 */
import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SiteFooter } from '@/components/site-footer';
import { env } from '@/lib/env';
import { languageTags, locales } from '@/lib/i18n/config';
import { readLocale } from '@/lib/http/route-params';
import { getTranslator } from '@/lib/i18n/server';
import '../globals.css';

export function generateStaticParams() {
  return locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: LayoutProps<'/[locale]'>): Promise<Metadata> {
  const locale = await readLocale(params);
  const t = getTranslator(locale);
  return {
    metadataBase: new URL(env.siteUrl),
    title: { default: t('site.name'), template: `%s · ${t('site.name')}` },
    description: t('site.description'),
    alternates: { types: { 'application/atom+xml': '/feed.xml' } },
    openGraph: { siteName: t('site.name'), locale: locale === 'zh' ? 'zh_CN' : 'en_US' },
  };
}

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  colorScheme: 'light dark',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#fbfaf7' },
    { media: '(prefers-color-scheme: dark)', color: '#1b1a18' },
  ],
};

export default async function LocaleLayout({ children, params }: LayoutProps<'/[locale]'>): Promise<ReactNode> {
  const locale = await readLocale(params);
  return (
    <html lang={languageTags[locale]}>
      <body>
        {children}
        <SiteFooter locale={locale} />
      </body>
    </html>
  );
}
