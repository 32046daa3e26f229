/**
 * The UI languages and how a request picks one (lib/i18n/negotiate.mjs, shared with the HTTP
 * server), with what the pages add. Pure and client-safe: the proxy, the pages and client
 * components all read it.
 */
import type { Locale } from './negotiate.mjs';

export { defaultLocale, isLocale, localeCookie, locales, negotiateLocale } from './negotiate.mjs';
export type { Locale } from './negotiate.mjs';

/** BCP 47 tags for `<html lang>` and `hreflang`: the UI's Chinese is Simplified. */
export const languageTags: Record<Locale, string> = { zh: 'zh-Hans', en: 'en' };
