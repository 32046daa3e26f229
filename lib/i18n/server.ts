/**
 * i18next on the server: one initialised instance per locale, created once, with the bundled
 * resources (no backend to fetch from, so `init` completes synchronously).
 */
import i18next, { type TFunction } from 'i18next';
import { locales, type Locale } from './config';
import { resources } from './resources';

const instances = new Map(
  locales.map((locale) => {
    const instance = i18next.createInstance();
    void instance.init({
      lng: locale,
      fallbackLng: false,
      resources,
      initAsync: false,
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    return [locale, instance] as const;
  }),
);

export function getTranslator(locale: Locale): TFunction {
  const instance = instances.get(locale);
  if (!instance) throw new Error(`No translations for locale ${locale}`);
  return instance.t;
}
