/**
 * Files kept beside the build: what is costly to make from the build's own inputs (a post's
 * glossary, which reads CC-CEDICT; a post body's HTML with its word layer, which loads the word
 * segmenter and pinyin data) is made once, when the build prerenders the pages, and written into a
 * folder inside the build folder. A server on that build reads it instead of making it again, in
 * every process and after every restart, and so never loads what making it takes. Every build
 * starts that folder empty, so a file lives exactly as long as the build it was made for.
 * Missing (a build made without prerendering the page), it is made and written then.
 */
import 'server-only';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

export type KeptFile<T> = {
  /** The folder's name inside the build folder. */
  folder: string;
  /** What the file is of (a post's slug and such), part of its name. */
  name: string;
  /** Everything it is made from: a file is only ever read for the same. */
  source: string;
  /** The value from the file's text; throws when the text is not one (an older build's code). */
  parse: (text: string) => T;
  serialize: (value: T) => string;
  make: () => Promise<T>;
};

const buildFolder = () => path.resolve(process.cwd(), process.env.NEXT_DIST_DIR || '.next');

/** The value from its file beside the build, or made, written there, and returned. */
export async function keptBesideBuild<T>({ folder, name, source, parse, serialize, make }: KeptFile<T>): Promise<T> {
  const hash = createHash('sha256').update(source).digest('base64url').slice(0, 16);
  const directory = path.join(buildFolder(), folder);
  const file = path.join(directory, `${encodeURIComponent(name)}-${hash}`);
  try {
    return parse(await readFile(file, 'utf8'));
  } catch {
    // Not written yet, or by an older build's code: made again below.
  }
  const value = await make();
  try {
    await mkdir(directory, { recursive: true });
    // Written whole or not at all: several build workers may make the same file at once.
    const partial = `${file}.${process.pid}.${Date.now()}`;
    await writeFile(partial, serialize(value));
    await rename(partial, file);
  } catch (error) {
    console.warn(`${folder}/${name} not kept beside the build: ${String(error)}`);
  }
  return value;
}
