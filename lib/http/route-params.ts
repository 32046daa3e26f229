/**
 * Route parameters, validated: an unknown locale or a malformed segment is a 404, never a 500.
 */
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { isLocale, type Locale } from '../i18n/config';

/** Next passes dynamic segments percent-encoded when they hold non-ASCII (e.g. a CJK tag). */
function decodeSegment(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    notFound();
  }
}

const segment = z.string().min(1).max(200).transform(decodeSegment);

export async function readLocale(params: Promise<{ locale: string }>): Promise<Locale> {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  return locale;
}

export async function readSegment<K extends string>(params: Promise<Record<K, string>>, key: K): Promise<string> {
  const parsed = segment.safeParse((await params)[key]);
  if (!parsed.success) notFound();
  return parsed.data;
}
