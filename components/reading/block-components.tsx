/**
 * The post body's component map for the reading page: each top-level block is wrapped with its
 * English gloss and a per-block toggle (and, for readers without JavaScript, a pinyin link that
 * lands back on the block). Which glosses show is decided by CSS from the reading state on the
 * container, so switching modes never re-renders the text.
 */
import { createElement, type ReactNode } from 'react';
import type { PostComponents } from '@/lib/content/compile';
import type { BlockEnglish } from '@/lib/gloss/post-gloss';
import { readingHref, type ReadingMode } from '@/lib/gloss/reading-mode';
import { languageTags, type Locale } from '@/lib/i18n/config';
import { getTranslator } from '@/lib/i18n/server';

const BLOCK_TAGS = ['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'figure', 'ul', 'ol', 'dl', 'table', 'div', 'hr', 'pre'] as const;

export type BlockContext = {
  locale: Locale;
  mode: ReadingMode;
  /** The post's path without query, for the no-JavaScript links. */
  path: string;
  english: ReadonlyMap<string, BlockEnglish>;
};

function GlossedBlock({ id, context, children }: { id: string; context: BlockContext; children: ReactNode }) {
  const english = context.english.get(id);
  if (!english) {
    return (
      <div className="blk" id={id}>
        {children}
      </div>
    );
  }
  const t = getTranslator(context.locale);
  const shown = context.mode.gloss !== 'off';
  // Without JavaScript the toggle switches the whole page and lands back on this block; with it,
  // the reading view turns it into a toggle of this block alone.
  const href = readingHref(context.path, { ...context.mode, gloss: shown ? 'off' : 'inline' }, id);
  const pinyin = context.mode.pinyin;
  return (
    <div className="blk" id={id}>
      <span className="blk-controls">
        <a className="gloss-toggle" href={href} data-gloss-toggle={id} aria-controls={`gloss-${id}`} aria-expanded={shown}>
          <span className="when-closed">
            <span aria-hidden="true">{t('reading.showBlock')}</span>
            <span className="sr-only">{t('reading.showBlockLabel')}</span>
          </span>
          <span className="when-open">
            <span aria-hidden="true">{t('reading.hideBlock')}</span>
            <span className="sr-only">{t('reading.hideBlockLabel')}</span>
          </span>
        </a>
        {/* The toolbar's pinyin link cannot know, without JavaScript, which block the reader is
            on, so it lands at the top of the post; this one lands back here. With JavaScript the
            toolbar keeps the place itself (reading-anchor.ts) and this is never rendered. */}
        <noscript>
          <a className="gloss-toggle" href={readingHref(context.path, { ...context.mode, pinyin: !pinyin }, id)}>
            <span aria-hidden="true">{t(pinyin ? 'reading.hideBlockPinyin' : 'reading.showBlockPinyin')}</span>
            <span className="sr-only">{t(pinyin ? 'reading.hideBlockPinyinLabel' : 'reading.showBlockPinyinLabel')}</span>
          </a>
        </noscript>
      </span>
      {children}
      <div className="gloss" id={`gloss-${id}`} lang="en" translate="no" data-stale={english.stale ? '' : undefined}>
        <div className="gloss-text" dangerouslySetInnerHTML={{ __html: english.html }} />
        {english.stale ? (
          <p className="gloss-stale" lang={languageTags[context.locale]}>
            {t('reading.stale')}
          </p>
        ) : null}
      </div>
    </div>
  );
}

export function blockComponents(context: BlockContext): PostComponents {
  return Object.fromEntries(
    BLOCK_TAGS.map((tag) => [
      tag,
      function Block(props: Record<string, unknown>) {
        const element = createElement(tag, props);
        const id = props['data-block'];
        return typeof id === 'string' ? (
          <GlossedBlock id={id} context={context}>
            {element}
          </GlossedBlock>
        ) : (
          element
        );
      },
    ]),
  );
}
