/**
 * The translated strings the notes layer needs, picked on the server (i18next) and handed to the
 * client components as plain props. `{{name}}` placeholders are filled on the client (`fill`).
 */
import { errorLabels } from '@/lib/http/error-labels';
import type { Locale } from '@/lib/i18n/config';
import { getTranslator } from '@/lib/i18n/server';

export type NoteLabels = ReturnType<typeof noteLabels>;

const keep = (name: string) => `{{${name}}}`;

export function noteLabels(locale: Locale) {
  const t = getTranslator(locale);
  const perLayer = (key: string) => ({ zh: t(`notes.${key}.zh`, { count: keep('count') }), en: t(`notes.${key}.en`, { count: keep('count') }) });
  const plain = (key: string) => t(`notes.${key}`);
  return {
    locale,
    panel: plain('panel'),
    open: plain('open'),
    close: plain('close'),
    annotate: plain('annotate'),
    composerTitle: t('notes.composerTitle', { quote: keep('quote') }),
    replyTitle: plain('replyTitle'),
    note: plain('note'),
    reply: plain('reply'),
    visibility: plain('visibility'),
    public: plain('public'),
    private: plain('private'),
    tags: plain('tags'),
    save: plain('save'),
    saving: plain('saving'),
    saved: plain('saved'),
    sendReply: plain('sendReply'),
    cancel: plain('cancel'),
    edit: plain('edit'),
    update: plain('update'),
    delete: plain('delete'),
    confirmDelete: plain('confirmDelete'),
    deleted: plain('deleted'),
    replyAction: plain('replyAction'),
    privateBadge: plain('privateBadge'),
    mine: plain('mine'),
    onLayer: perLayer('onLayer'),
    markerLabel: perLayer('markerLabel'),
    markerShort: perLayer('markerShort'),
    blockCount: t('notes.blockCount', { count: keep('count') }),
    show: plain('show'),
    orphaned: t('notes.orphaned', { count: keep('count') }),
    orphanedHint: plain('orphanedHint'),
    empty: plain('empty'),
    loadFailed: plain('loadFailed'),
    selectionTooLong: plain('selectionTooLong'),
    quote: plain('quote'),
    errors: errorLabels(locale),
  };
}
