/**
 * Every API error code's translated message, for client components that show failures (the
 * comment forms, the notes layer). `{{minutes}}` stays in for the client to fill in.
 *
 * One frozen table per locale: both components on a page get the same object, which React sends
 * to the browser once and refers to the second time.
 */
import type { Locale } from '../i18n/config';
import { getTranslator } from '../i18n/server';
import { errorCodes, type ClientErrorCode } from './errors';

export type ErrorLabels = Record<ClientErrorCode, string>;

const tables = new Map<Locale, Readonly<ErrorLabels>>();

export function errorLabels(locale: Locale): Readonly<ErrorLabels> {
  let table = tables.get(locale);
  if (!table) {
    const t = getTranslator(locale);
    table = Object.freeze(
      Object.fromEntries([...errorCodes, 'internal', 'network'].map((code) => [code, t(`errors.${code}`, { minutes: '{{minutes}}' })])) as ErrorLabels,
    );
    tables.set(locale, table);
  }
  return table;
}
