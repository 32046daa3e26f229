/**
 * Glossaries kept beside the build (lib/build/beside-build.ts). Building one reads CC-CEDICT,
 * which takes about 13 s and 670 MB of memory: the build pays that once, when it prerenders the
 * post's pages; a server on that build reads the file instead of loading the dictionary itself.
 */
import 'server-only';
import { keptBesideBuild } from '../build/beside-build';
import { glossarySchema, type Glossary } from './glossary-types';

/**
 * The post's glossary from beside the build, or made by `build` and kept there. `source` is what
 * it is made from (the post's text, its phrases).
 */
export function storedGlossary(slug: string, source: string, build: () => Promise<Glossary>): Promise<Glossary> {
  return keptBesideBuild({
    folder: 'duizhao-glossaries',
    name: slug,
    source,
    parse: (text) => glossarySchema.parse(JSON.parse(text)),
    serialize: (glossary) => JSON.stringify(glossary),
    make: build,
  });
}
