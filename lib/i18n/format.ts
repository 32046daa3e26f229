/** Locale-aware formatting of what the UI shows. Pure and client-safe. */
import { languageTags, type Locale } from './config';

/** Formats a `YYYY-MM-DD` calendar date; UTC on both sides so the day never shifts. */
export function formatDate(day: string, locale: Locale): string {
  return new Intl.DateTimeFormat(languageTags[locale], { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}
