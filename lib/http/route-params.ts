/**
 * Route parameters, validated: an unknown locale, a malformed segment or a post slug that cannot
 * be one is a 404, never a 500. Pages get Next's not-found page; API routes an AppError, which
 * answers with the JSON error.
 */
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { AppError } from './errors';
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

const slugSchema = z.string().regex(/^[\p{L}\p{N}][\p{L}\p{N}._-]{0,199}$/u);

/** A post's slug from an API route or a form: letters and digits first, then also `.`, `_` and `-`. */
export function parseSlug(value: string): string {
  const parsed = slugSchema.safeParse(value);
  if (!parsed.success) throw new AppError('post.notFound', 404, 'no such post');
  return parsed.data;
}
