/**
 * The root layout of each UI language: `<html lang>` per locale, the site's metadata defaults and
 * footer. Pages render their own header, which needs their path for the language switch.
 */
import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SITE_FOOTER_ID, SiteFooter } from '@/components/site-footer';
import { env } from '@/lib/env';
import { languageTags, locales } from '@/lib/i18n/config';
import { readLocale } from '@/lib/http/route-params';
import { getTranslator } from '@/lib/i18n/server';
import '../globals.css';

/** The site icon, inline: the browser then never refetches it when a reading mode changes the URL. */
const SITE_ICON = `data:image/svg+xml;utf8,<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 64 64'><rect width='64' height='64' rx='12' fill='%238a3b12'/><text x='32' y='45' font-family='sans-serif' font-size='38' font-weight='700' text-anchor='middle' fill='%23fbfaf7'>对</text></svg>`;

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
    icons: { icon: SITE_ICON },
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
      <head>
        {/* Nothing is painted before every page's <main> is parsed whole: a paint of half a line
            of ruby, or of a block's toggle without its label, would be moved by the rest of it
            when it arrives. Chromium stops waiting as soon as the expected element is in the
            document (its start tag), not when it is whole, so the element expected is the one
            after <main>. */}
        <link rel="expect" href={`#${SITE_FOOTER_ID}`} blocking="render" />
      </head>
      <body>
        {children}
        <SiteFooter locale={locale} />
      </body>
    </html>
  );
}
