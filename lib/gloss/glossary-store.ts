/**
 * Glossaries kept beside the build. Building one reads CC-CEDICT, which takes about 13 s and
 * 670 MB of memory: the build pays that once, when it prerenders the post's pages, and writes
 * the glossary here; a server on that build reads it instead of loading the dictionary itself
 * (for every process, on its first render of a post). The folder is inside the build folder, which
 * every build starts empty, so a glossary lives exactly as long as the build it was made for.
 * Missing (a build made without prerendering the post), it is built and written then.
 */
import 'server-only';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { glossarySchema, type Glossary } from './glossary-types';

const folder = () => path.join(process.cwd(), process.env.NEXT_DIST_DIR || '.next', 'duizhao-glossaries');

/**
 * The post's glossary from the build's folder, or made by `build` and written there. `source` is
 * what it is made from (the post's text, its phrases): a file is only ever read for the same.
 */
export async function storedGlossary(slug: string, source: string, build: () => Promise<Glossary>): Promise<Glossary> {
  const hash = createHash('sha256').update(source).digest('base64url').slice(0, 16);
  const file = path.join(folder(), `${encodeURIComponent(slug)}-${hash}.json`);
  try {
    return glossarySchema.parse(JSON.parse(await readFile(file, 'utf8')));
  } catch {
    // Not written yet, or by an older build's code: made again below.
  }
  const glossary = await build();
  try {
    await mkdir(folder(), { recursive: true });
    // Written whole or not at all: several build workers may make the same glossary at once.
    const partial = `${file}.${process.pid}.${Date.now()}`;
    await writeFile(partial, JSON.stringify(glossary));
    await rename(partial, file);
  } catch (error) {
    console.warn(`glossary of ${slug} not kept beside the build: ${String(error)}`);
  }
  return glossary;
}
