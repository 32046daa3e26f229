/**
 * Anchoring of reader notes: describing a selection (its block, offsets, words and their
 * surroundings), and finding the passage again in the post as it is now. Pure and client-safe;
 * the DOM side (layer documents read from the page, Ranges) is in `./dom`, the W3C selector form
 * of an anchor in `../w3c/selectors`.
 */
export type { Anchor, AnchorMethod, AnchorOptions, AnchorResult, Layer, LayerBlock, LayerDocument, TextSpan } from './types';
export { anchor, anchorAll } from './anchor';
export { describe, MAX_CONTEXT, MIN_CONTEXT } from './describe';
export { indexDocument, type IndexedDocument } from './document-index';
export { normalise, normaliseText, type NormalisedText } from './normalise';
export { BLOCK_ID_PATTERN, cssSelectorFor, isBlockId, parseCssSelector } from './css-selector';
