/** Locale-aware formatting of what the UI shows. Pure and client-safe. */
import { languageTags, type Locale } from './config';

/** Formats a `YYYY-MM-DD` calendar date; UTC on both sides so the day never shifts. */
export function formatDate(day: string, locale: Locale): string {
  return new Intl.DateTimeFormat(languageTags[locale], { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

/** The zone comment times are shown in: the site's readers' own for Chinese, UTC for English. */
const displayZones: Record<Locale, string> = { zh: 'Asia/Shanghai', en: 'UTC' };
const ENGLISH_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Formats an instant (ISO string) as a date and time, e.g. `2016年5月20日 14:05` or
 * `May 20, 2016, 06:05 UTC`. Built from numeric parts only, so the server and every browser
 * produce the same string (no ICU version can make a hydrated page disagree with its HTML).
 */
export function formatDateTime(iso: string, locale: Locale): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: displayZones[locale],
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((each) => each.type === type)?.value ?? 0);
  const time = `${String(part('hour') % 24).padStart(2, '0')}:${String(part('minute')).padStart(2, '0')}`;
  if (locale === 'zh') return `${part('year')}年${part('month')}月${part('day')}日 ${time}`;
  return `${ENGLISH_MONTHS[part('month') - 1] ?? ''} ${part('day')}, ${part('year')}, ${time} UTC`;
}
