/**
 * Every API error code's translated message, for client components that show failures (the
 * comment forms, the notes layer). `{{minutes}}` stays in for the client to fill in.
 */
import type { CommentErrorCode } from '../comments/form-state';
import { errorCodes } from '../http/errors';
import type { Locale } from './config';
import { getTranslator } from './server';

export type ErrorLabels = Record<CommentErrorCode, string>;

export function errorLabels(locale: Locale): ErrorLabels {
  const t = getTranslator(locale);
  return Object.fromEntries([...errorCodes, 'internal', 'network'].map((code) => [code, t(`errors.${code}`, { minutes: '{{minutes}}' })])) as ErrorLabels;
}
