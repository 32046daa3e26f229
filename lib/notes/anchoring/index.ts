/**
 * Anchoring of reader annotations: describing a selection as W3C selectors, and finding the
 * passage again in the post as it is now. Pure and client-safe; the DOM side (layer documents
 * read from the page, Ranges) is in `./dom`.
 */
export type { Anchor, AnchorMethod, AnchorOptions, AnchorResult, Layer, LayerBlock, LayerDocument, TextSpan } from './types';
export { anchor, anchorAll } from './anchor';
export { describe, MAX_CONTEXT, MIN_CONTEXT } from './describe';
export { indexDocument, type IndexedDocument } from './document-index';
export { normalise, normaliseText, type NormalisedText } from './normalise';
export { BLOCK_ID_PATTERN, cssSelectorFor, isBlockId, parseCssSelector } from './css-selector';
export { fromW3CSelectors, toW3CSelectors, w3cSelectorsSchema, type CssSelector, type TextPositionSelector, type TextQuoteSelector, type W3CSelectors } from '../w3c/selectors';
