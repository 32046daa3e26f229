/**
 * The reading page's block wrappers, a rehype plugin run last on the post body: each top-level
 * block with its English gloss and a per-block toggle (and, for readers without JavaScript, a
 * pinyin link that lands back on the block). Which glosses show is decided by CSS from the
 * reading state on the container, so switching modes never renders the text again.
 */
import type { Element, ElementContent, Properties, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import type { BlockEnglish } from '@/lib/gloss/post-gloss';
import { readingHref, type ReadingMode } from '@/lib/gloss/reading-mode';
import { languageTags, type Locale } from '@/lib/i18n/config';
import { getTranslator } from '@/lib/i18n/server';

const BLOCK_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'figure', 'ul', 'ol', 'dl', 'table', 'div', 'hr', 'pre']);

export type BlockContext = {
  locale: Locale;
  mode: ReadingMode;
  /** The post's path without query, for the no-JavaScript links. */
  path: string;
  english: ReadonlyMap<string, BlockEnglish>;
};

type Translate = ReturnType<typeof getTranslator>;

function element(tagName: string, properties: Properties, children: ElementContent[] = []): Element {
  return { type: 'element', tagName, properties, children };
}

const text = (value: string): ElementContent => ({ type: 'text', value });

/** A control's visible words, hidden from screen readers, which hear the longer label instead. */
function labelled(visible: string, spoken: string): ElementContent[] {
  return [element('span', { ariaHidden: 'true' }, [text(visible)]), element('span', { className: ['sr-only'] }, [text(spoken)])];
}

/** The gloss's own markup (inline HTML from the gloss file) as nodes of the body's tree. */
function englishNodes(html: string): ElementContent[] {
  return unified().use(rehypeParse, { fragment: true }).parse(html).children.filter((node): node is ElementContent => node.type !== 'doctype');
}

function glossedBlock(block: Element, id: string, english: BlockEnglish, context: BlockContext, t: Translate): Element {
  const shown = context.mode.gloss !== 'off';
  const pinyin = context.mode.pinyin;
  // Without JavaScript the toggle switches the whole page and lands back on this block; with it,
  // the reading view turns it into a toggle of this block alone.
  const toggle = element(
    'a',
    {
      className: ['gloss-toggle'],
      href: readingHref(context.path, { ...context.mode, gloss: shown ? 'off' : 'inline' }, id),
      dataGlossToggle: id,
      ariaControls: [`gloss-${id}`],
      ariaExpanded: String(shown),
    },
    [
      element('span', { className: ['when-closed'] }, labelled(t('reading.showBlock'), t('reading.showBlockLabel'))),
      element('span', { className: ['when-open'] }, labelled(t('reading.hideBlock'), t('reading.hideBlockLabel'))),
    ],
  );
  // The toolbar's pinyin link cannot know, without JavaScript, which block the reader is on, so
  // it lands at the top of the post; this one lands back here. With JavaScript the toolbar keeps
  // the place itself (reading-anchor.ts) and this is never shown.
  const pinyinLink = element('noscript', {}, [
    element(
      'a',
      { className: ['gloss-toggle'], href: readingHref(context.path, { ...context.mode, pinyin: !pinyin }, id) },
      labelled(t(pinyin ? 'reading.hideBlockPinyin' : 'reading.showBlockPinyin'), t(pinyin ? 'reading.hideBlockPinyinLabel' : 'reading.showBlockPinyinLabel')),
    ),
  ]);
  const gloss = element('div', { className: ['gloss'], id: `gloss-${id}`, lang: 'en', translate: 'no', dataStale: english.stale ? '' : undefined }, [
    element('div', { className: ['gloss-text'] }, englishNodes(english.html)),
    ...(english.stale ? [element('p', { className: ['gloss-stale'], lang: languageTags[context.locale] }, [text(t('reading.stale'))])] : []),
  ]);
  return element('div', { className: ['blk'], id }, [element('span', { className: ['blk-controls'] }, [toggle, pinyinLink]), block, gloss]);
}

/** Wraps each top-level block that has an id: with its gloss when it has one, alone otherwise. */
export function rehypeGlossedBlocks(context: BlockContext) {
  const t = getTranslator(context.locale);
  return (tree: Root) => {
    tree.children = tree.children.map((node) => {
      if (node.type !== 'element' || !BLOCK_TAGS.has(node.tagName)) return node;
      const id = node.properties.dataBlock;
      if (typeof id !== 'string') return node;
      const english = context.english.get(id);
      return english ? glossedBlock(node, id, english, context, t) : element('div', { className: ['blk'], id }, [node]);
    });
  };
}
