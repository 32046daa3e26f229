/** The translation bundles, typed from the Chinese source of truth. */
import zh from './locales/zh.json';
import en from './locales/en.json';

export const resources = {
  zh: { translation: zh },
  en: { translation: en },
} as const;

export type TranslationKeys = typeof zh;
