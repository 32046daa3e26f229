/**
 * Which blocks of a post have a current English gloss, which have none and which have one written
 * for Chinese that has since changed. Shared by the page (stale marker) and `gloss:check`.
 */
import type { BlockKind, PostBlock } from '../content/types';
import { fingerprint } from './fingerprint';
import type { BlockGloss, GlossFile } from './schema';

/** Blocks a reader needs in English; code, math and rules read the same in both. */
const TRANSLATED_KINDS: ReadonlySet<BlockKind> = new Set(['h', 'p', 'q', 'fig', 'ul', 'ol', 'dl', 'table', 'fn', 'html']);

export function needsGloss(block: PostBlock): boolean {
  return TRANSLATED_KINDS.has(block.kind) && /\p{Script=Han}/u.test(block.text);
}

export type BlockGlossState =
  | { id: string; state: 'current'; gloss: BlockGloss }
  | { id: string; state: 'stale'; gloss: BlockGloss; zh: string }
  | { id: string; state: 'missing'; zh: string };

export type GlossReport = {
  blocks: BlockGlossState[];
  /** Gloss entries whose block no longer exists (renamed or removed). */
  orphans: BlockGloss[];
};

export function glossReport(blocks: PostBlock[], file: GlossFile): GlossReport {
  const byId = new Map(file.blocks.map((gloss) => [gloss.id, gloss]));
  const states = blocks.filter(needsGloss).map((block): BlockGlossState => {
    const gloss = byId.get(block.id);
    if (!gloss || gloss.en === '') return { id: block.id, state: 'missing', zh: block.text };
    if (gloss.source !== fingerprint(block.text)) return { id: block.id, state: 'stale', gloss, zh: block.text };
    return { id: block.id, state: 'current', gloss };
  });
  const ids = new Set(blocks.map((block) => block.id));
  return { blocks: states, orphans: file.blocks.filter((gloss) => !ids.has(gloss.id)) };
}

export function isComplete(report: GlossReport): boolean {
  return report.blocks.every((block) => block.state === 'current');
}
