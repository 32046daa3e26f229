/**
 * What every form of the moderation page shares, whatever it moderates (comments, notes) or
 * whether it signs in: the locale field it carries, reading its fields, and the page it
 * redirects back to with what happened in the query.
 */
import { z } from 'zod';
import { locales, type Locale } from '../i18n/config';
import { localePath } from '../i18n/paths';

export const localeField = z.enum(locales);

/**
 * Form fields as strings (a File or a missing field becomes undefined, which zod then refuses).
 * The argument is whatever the post bound to the action's first parameter, which a hand-made post
 * can make anything: only a FormData has fields.
 */
export function formFields(form: unknown): Record<string, string | undefined> {
  const fields: Record<string, string | undefined> = {};
  if (!(form instanceof FormData)) return fields;
  for (const [key, value] of form) fields[key] = typeof value === 'string' ? value : undefined;
  return fields;
}

/** The moderation page, with what the last form post did in its query. */
export const adminPage = (locale: Locale, query = '') => `${localePath(locale, '/admin')}${query}`;
