'use client';
/**
 * Shows the variant of some server-rendered content for the current route's locale. For the
 * places that get no params (a 404 page), so they can still speak the reader's language while
 * staying static: both variants are rendered on the server, this only picks one.
 */
import type { ReactNode } from 'react';
import { useParams } from 'next/navigation';
import { defaultLocale, isLocale, type Locale } from '@/lib/i18n/config';

export function LocaleVariant({ variants }: { variants: Record<Locale, ReactNode> }) {
  const { locale } = useParams<{ locale?: string }>();
  return variants[isLocale(locale) ? locale : defaultLocale];
}
