/**
 * The translated strings the reading controls need, picked on the server (i18next) and handed to
 * the client components as plain props, so no translation library ships to the browser.
 */
import type { Locale } from '@/lib/i18n/config';
import { getTranslator } from '@/lib/i18n/server';
import type { GlossMode } from '@/lib/gloss/reading-mode';

export type ReadingLabels = ReturnType<typeof readingLabels>;

export function readingLabels(locale: Locale) {
  const t = getTranslator(locale);
  const perMode = (key: 'modes' | 'modeLabels'): Record<GlossMode, string> => ({
    off: t(`reading.${key}.off`),
    inline: t(`reading.${key}.inline`),
    parallel: t(`reading.${key}.parallel`),
  });
  return {
    toolbar: t('reading.label'),
    gloss: t('reading.gloss'),
    modes: perMode('modes'),
    modeLabels: perMode('modeLabels'),
    pinyin: t('reading.pinyin'),
    pinyinOn: t('reading.pinyinOn'),
    pinyinOff: t('reading.pinyinOff'),
    showBlockLabel: t('reading.showBlockLabel'),
    hideBlockLabel: t('reading.hideBlockLabel'),
    shortcuts: {
      open: t('shortcuts.open'),
      title: t('shortcuts.title'),
      gloss: t('shortcuts.gloss'),
      pinyin: t('shortcuts.pinyin'),
      words: t('shortcuts.words'),
      annotate: t('shortcuts.annotate'),
      help: t('shortcuts.help'),
      close: t('shortcuts.close'),
    },
    words: {
      label: t('words.label'),
      save: t('words.save'),
      saved: t('words.saved'),
      sources: { curated: t('words.curated'), dictionary: t('words.dictionary'), pieces: t('words.pieces') },
      loading: t('words.loading'),
      unknown: t('words.unknown'),
      failed: t('words.failed'),
      close: t('words.close'),
      list: t('words.list'),
      export: t('words.export'),
      remove: t('words.remove'),
      empty: t('words.empty'),
    },
  };
}
