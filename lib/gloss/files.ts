/**
 * Reading and writing gloss files. A post's gloss lives beside it: `2016-05-20-x.md` ->
 * `2016-05-20-x.gloss.yaml`. Comments and layout an author wrote survive a scaffold run.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import YAML from 'yaml';
import { postsFolder } from '../content/post-file';
import type { PostBlock } from '../content/types';
import { fingerprint } from './fingerprint';
import { glossFileSchema, type GlossFile } from './schema';
import { needsGloss } from './status';

export function glossPath(contentDir: string, stem: string): string {
  return path.join(postsFolder(contentDir), `${stem}.gloss.yaml`);
}

async function readText(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return null;
    throw error;
  }
}

/** The gloss file of a post, or an empty one; a malformed file fails naming the file and the entry. */
export async function readGlossFile(file: string): Promise<GlossFile> {
  const source = await readText(file);
  if (source === null) return { blocks: [], phrases: [] };
  let data: unknown;
  try {
    // Everything in a gloss file is text: the failsafe schema keeps a fingerprint such as
    // 1250606471 or 12e4567890 a string instead of turning it into a number.
    data = YAML.parse(source, { schema: 'failsafe' });
  } catch (error) {
    throw new Error(`${path.basename(file)} is not valid YAML: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = glossFileSchema.safeParse(data ?? {});
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`).join('\n');
  throw new Error(`Invalid gloss file ${path.basename(file)}:\n${problems}`);
}

const HEADER = [
  ' English gloss of this post, one entry per block, in reading order.',
  '   id:     the block (data-block) the English belongs to',
  '   source: fingerprint of the Chinese it translates; gloss:check reports the entry as stale when',
  '           the Chinese changes. After updating the English, set source to the new fingerprint',
  '           (gloss:check prints it) and zh to the new Chinese.',
  '   zh:     the Chinese, for the translator',
  '   en:     the English, as inline markdown (links and `code` as in the post)',
  ' phrases: curated glosses of idioms and slang (zh, pinyin, en, note); they win over the',
  ' dictionary in word help.',
].join('\n');

/**
 * Adds an entry, with the Chinese and an empty translation, for every block that needs a gloss and
 * has none. Existing entries, comments and phrases are kept as they are. Returns the ids added.
 */
export async function scaffoldGlossFile(file: string, blocks: PostBlock[]): Promise<string[]> {
  const source = await readText(file);
  const document = source === null ? new YAML.Document({ blocks: [], phrases: [] }) : YAML.parseDocument(source);
  if (source === null) document.commentBefore = HEADER;
  const existing = new Set((await readGlossFile(file)).blocks.map((gloss) => gloss.id));
  if (!YAML.isSeq(document.get('blocks'))) document.set('blocks', document.createNode([]));
  const list = document.get('blocks');
  if (!YAML.isSeq(list)) throw new Error(`${path.basename(file)}: "blocks" must be a list`);
  // `blocks: []` would otherwise grow as one long flow-style line, unpleasant to edit by hand.
  list.flow = false;
  const added: string[] = [];
  blocks.forEach((block, order) => {
    if (!needsGloss(block) || existing.has(block.id)) return;
    const entry = document.createNode({ id: block.id, source: fingerprint(block.text), zh: block.text, en: '' });
    const before = blocks.slice(order + 1).find((later) => existing.has(later.id) || added.includes(later.id));
    const index = before ? list.items.findIndex((item) => YAML.isMap(item) && item.get('id') === before.id) : -1;
    if (index >= 0) list.items.splice(index, 0, entry);
    else list.items.push(entry);
    added.push(block.id);
  });
  await writeFile(file, document.toString({ lineWidth: 0 }));
  return added;
}
