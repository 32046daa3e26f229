/**
 * Everything the reading page needs from the gloss layer for one post, loaded once per build:
 * the English of each block (rendered from its markdown, marked when stale), the curated phrases,
 * and the glossary that gives the page its word layer (made by the build, lib/gloss/glossary-store.ts).
 */
import { renderMarkdownFragment } from '../content/markdown-fragment';
import type { Post } from '../content/types';
import { env } from '../env';
import { glossPath, readGlossFile } from './files';
import type { Glossary } from './glossary-types';
import { storedGlossary } from './glossary-store';
import { glossReport } from './status';
import type { PhraseGloss } from './schema';

export type BlockEnglish = { html: string; stale: boolean };

export type PostGloss = {
  blocks: ReadonlyMap<string, BlockEnglish>;
  glossary: Glossary;
  /** The post's curated phrases, which its segmenter keeps whole (lib/gloss/words/word-layer.ts). */
  phrases: readonly PhraseGloss[];
};

/** The gloss's inline markdown as HTML, without the paragraph a one-line fragment is wrapped in. */
function englishHtml(markdown: string): string {
  const html = renderMarkdownFragment(markdown);
  const single = /^<p>([\s\S]*)<\/p>$/.exec(html);
  return single && !single[1]?.includes('<p>') ? (single[1] ?? '') : html;
}

async function loadPostGloss(post: Post): Promise<PostGloss> {
  const file = await readGlossFile(glossPath(env.contentDir, post.stem));
  const report = glossReport(post.blocks, file);
  const blocks = new Map<string, BlockEnglish>();
  for (const block of report.blocks) {
    if (block.state === 'missing') continue;
    blocks.set(block.id, { html: englishHtml(block.gloss.en), stale: block.state === 'stale' });
  }
  const source = JSON.stringify([post.markdown, post.mathjax, file.phrases]);
  // Made only when the build has not kept it: making it loads the segmenter and CC-CEDICT.
  const glossary = await storedGlossary(post.slug, source, () => import('./words/glossary').then(({ buildGlossary }) => buildGlossary(post, file.phrases)));
  return { blocks, glossary, phrases: file.phrases };
}

const cache = new Map<string, Promise<PostGloss>>();

export function getPostGloss(post: Post): Promise<PostGloss> {
  let entry = cache.get(post.slug);
  if (!entry) {
    entry = loadPostGloss(post);
    cache.set(post.slug, entry);
  }
  return entry;
}
