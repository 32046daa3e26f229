/**
 * The translated strings the comment components need, picked on the server (i18next) and handed
 * to the client components as plain props, so no translation library ships to the browser.
 * Strings with `{{name}}` placeholders are filled in on the client with `fill` (lib/i18n/fill.ts).
 */
import { errorLabels } from '@/lib/http/error-labels';
import type { Locale } from '@/lib/i18n/config';
import { getTranslator } from '@/lib/i18n/server';
import { BODY_MAX } from '@/lib/comments/limits';

export type CommentLabels = ReturnType<typeof commentLabels>;

/** Keeps `{{name}}` in a string, for the client to fill in. */
const keep = (name: string) => `{{${name}}}`;

export function commentLabels(locale: Locale) {
  const t = getTranslator(locale);
  const errors = errorLabels(locale);
  return {
    locale,
    heading: t('comments.heading', { count: keep('count') }),
    none: t('comments.none'),
    filter: { label: t('comments.filter.label'), all: t('comments.filter.all'), zh: t('comments.filter.zh'), en: t('comments.filter.en') },
    langName: { zh: t('comments.langName.zh'), en: t('comments.langName.en') },
    langLabel: t('comments.langLabel'),
    order: { label: t('comments.order.label'), newest: t('comments.order.newest'), oldest: t('comments.order.oldest') },
    pager: {
      label: t('comments.pager.label'),
      more: t('comments.pager.more'),
      loading: t('comments.pager.loading'),
      failed: t('comments.pager.failed'),
      previous: t('comments.pager.previous'),
    },
    permalink: t('comments.permalink'),
    edited: t('comments.edited'),
    editedAt: t('comments.editedAt', { time: keep('time') }),
    deleted: t('comments.deleted'),
    deletedAuthor: t('comments.deletedAuthor'),
    pending: t('comments.pending'),
    actions: {
      reply: t('comments.actions.reply'),
      replyLabel: t('comments.actions.replyLabel', { author: keep('author') }),
      edit: t('comments.actions.edit'),
      delete: t('comments.actions.delete'),
      confirmDelete: t('comments.actions.confirmDelete'),
      cancel: t('comments.actions.cancel'),
      save: t('comments.actions.save'),
      saving: t('comments.actions.saving'),
      flag: t('comments.actions.flag'),
      flagLabel: t('comments.actions.flagLabel', { author: keep('author') }),
      flagged: t('comments.actions.flagged'),
      editableUntil: t('comments.actions.editableUntil', { time: keep('time') }),
    },
    form: {
      heading: t('comments.form.heading'),
      replyHeading: t('comments.form.replyHeading', { author: keep('author') }),
      cancelReply: t('comments.form.cancelReply'),
      author: t('comments.form.author'),
      email: t('comments.form.email'),
      emailHint: t('comments.form.emailHint'),
      website: t('comments.form.website'),
      body: t('comments.form.body'),
      bodyHint: t('comments.form.bodyHint'),
      lang: t('comments.form.lang'),
      langAuto: t('comments.form.langAuto'),
      honeypot: t('comments.form.honeypot'),
      submit: t('comments.form.submit'),
      submitReply: t('comments.form.submitReply'),
      sending: t('comments.form.sending'),
      counter: t('comments.form.counter', { count: keep('count'), max: BODY_MAX }),
      counterLabel: t('comments.form.counterLabel', { count: keep('count'), max: BODY_MAX }),
      preview: t('comments.form.preview'),
      published: t('comments.form.published'),
      pending: t('comments.form.pending'),
      confirm: t('comments.form.confirm'),
      edit: t('comments.form.edit'),
      saved: t('comments.form.saved'),
      deletedDone: t('comments.form.deletedDone'),
    },
    errors,
  };
}
