/**
 * A note on the seed post as the page's own notes layer describes a passage: `Docker` in block
 * docker-p2 ("很多人都说Docker只不过是把内核的一些特性..."), by quote and by block position. For the
 * integration tests that need a note and do not test anchoring itself.
 */
import { OPEN_POST, SITE_URL } from './server';

export const SEED_PASSAGE_SELECTORS = [
  { type: 'TextQuoteSelector', exact: 'Docker', prefix: '很多人都说', suffix: '只不过是把内核' },
  { type: 'CssSelector', value: '[data-block="docker-p2"]', refinedBy: { type: 'TextPositionSelector', start: 5, end: 11 } },
] as const;

/** A W3C annotation of that passage with `text` as its body. */
export const seedNote = (text: string, visibility?: 'public' | 'private') => ({
  '@context': 'http://www.w3.org/ns/anno.jsonld',
  type: 'Annotation',
  motivation: 'commenting',
  body: { type: 'TextualBody', value: text, format: 'text/markdown' },
  target: { source: `${SITE_URL}/zh/posts/${OPEN_POST}`, selector: SEED_PASSAGE_SELECTORS },
  ...(visibility ? { visibility } : {}),
});
