/**
 * The CssSelector values that name a block of a layer, and reading them back. Exactly two forms
 * are ours: `[data-block="<id>"]` for the Chinese block and `#gloss-<id> > .gloss-text` for its
 * English gloss. Anything else, or an id outside `BLOCK_ID_PATTERN`, is refused, so a stored
 * selector can be handed to `querySelector` as it is.
 */
import type { Layer } from './types';

/** A block id: letters, digits, `_` and `-` (ids come from heading slugs, which keep CJK). */
export const BLOCK_ID_PATTERN = /^[\p{L}\p{M}\p{N}_-]{1,100}$/u;

const CHINESE_BLOCK = /^\[data-block="([^"]*)"\]$/u;
const ENGLISH_BLOCK = /^#gloss-(.*) > \.gloss-text$/u;

export const isBlockId = (value: string) => BLOCK_ID_PATTERN.test(value);

/** The selector of block `blockId` in `layer`; throws on an id that is not a block id. */
export function cssSelectorFor(blockId: string, layer: Layer): string {
  if (!isBlockId(blockId)) throw new RangeError(`not a block id: ${JSON.stringify(blockId)}`);
  return layer === 'zh' ? `[data-block="${blockId}"]` : `#gloss-${blockId} > .gloss-text`;
}

/** The block and layer a selector of ours names, or null for any other selector. */
export function parseCssSelector(value: string): { blockId: string; layer: Layer } | null {
  const chinese = CHINESE_BLOCK.exec(value)?.[1];
  if (chinese !== undefined) return isBlockId(chinese) ? { blockId: chinese, layer: 'zh' } : null;
  const english = ENGLISH_BLOCK.exec(value)?.[1];
  if (english !== undefined) return isBlockId(english) ? { blockId: english, layer: 'en' } : null;
  return null;
}
