/**
 * A post's text as the reading page shows it, for anchoring on the server what a client selected:
 * every `data-block` element of the post body (the Chinese) and the English gloss of every block
 * that has one, each block's text as the notes layer counts it in the page (text content without
 * pinyin `rt`/`rp`), in reading order. Built once per post and kept: a post changes only with a
 * new build.
 */
import 'server-only';
import type { Element, Nodes, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { compilePostBody } from '../content/compile';
import { renderMarkdownFragment } from '../content/markdown-fragment';
import type { Post } from '../content/types';
import { env } from '../env';
import { glossPath, readGlossFile } from '../gloss/files';
import { glossReport } from '../gloss/status';
import { isBlockId, type LayerBlock, type LayerDocument } from './anchoring';

/** Text content as anchoring counts it: pinyin is not part of the text. */
function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' && (node.tagName === 'rt' || node.tagName === 'rp')) return '';
  return 'children' in node ? node.children.map(textOf).join('') : '';
}

function dataBlocks(node: Nodes): Element[] {
  if (node.type === 'element' && typeof node.properties.dataBlock === 'string') return [node];
  return 'children' in node ? node.children.flatMap(dataBlocks) : [];
}

const parseFragment = (html: string): Root => unified().use(rehypeParse, { fragment: true }).parse(html);

async function loadPostText(post: Post): Promise<LayerDocument> {
  const body = parseFragment(await compilePostBody(post));
  const chinese = dataBlocks(body).flatMap((element): LayerBlock[] => {
    const id = String(element.properties.dataBlock);
    return isBlockId(id) ? [{ id, layer: 'zh', text: textOf(element) }] : [];
  });
  const file = await readGlossFile(glossPath(env.contentDir, post.stem));
  const english = glossReport(post.blocks, file).blocks.flatMap((block): LayerBlock[] =>
    block.state === 'missing' ? [] : [{ id: block.id, layer: 'en', text: textOf(parseFragment(renderMarkdownFragment(block.gloss.en))) }],
  );
  return [...chinese, ...english];
}

const cache = new Map<string, Promise<LayerDocument>>();

/** The post's blocks in both layers, as `anchor` and `describe` take them. */
export function postText(post: Post): Promise<LayerDocument> {
  let entry = cache.get(post.slug);
  if (!entry) {
    entry = loadPostText(post);
    entry.catch(() => cache.delete(post.slug));
    cache.set(post.slug, entry);
  }
  return entry;
}
