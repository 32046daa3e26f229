/**
 * Every API error code's translated message, for client components that show failures (the
 * comment forms, the notes layer). `{{minutes}}` stays in for the client to fill in.
 */
import type { Locale } from '../i18n/config';
import { getTranslator } from '../i18n/server';
import { errorCodes, type ClientErrorCode } from './errors';

export type ErrorLabels = Record<ClientErrorCode, string>;

export function errorLabels(locale: Locale): ErrorLabels {
  const t = getTranslator(locale);
  return Object.fromEntries([...errorCodes, 'internal', 'network'].map((code) => [code, t(`errors.${code}`, { minutes: '{{minutes}}' })])) as ErrorLabels;
}
