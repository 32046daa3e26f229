/**
 * Compiled post bodies kept beside the build (lib/build/beside-build.ts): the HTML of a post's
 * body in one locale and reading state, with its word layer, glosses and toggles. The build
 * compiles each while it prerenders the pages; a server rendering a page again (a new comment)
 * reads it, and so never loads the word segmenter or the pinyin data at all.
 */
import 'server-only';
import { keptBesideBuild } from '../build/beside-build';

export type BodyKey = { slug: string; locale: string; view: string };

/**
 * The body's HTML from beside the build, or compiled by `compile` and kept there. `source` is
 * everything the HTML is made from besides the build's code (the post's text, its glosses).
 */
export function storedPostBody({ slug, locale, view }: BodyKey, source: string, compile: () => Promise<string>): Promise<string> {
  return keptBesideBuild({
    folder: 'duizhao-bodies',
    name: `${slug}.${locale}.${view}.html`,
    source: JSON.stringify([slug, locale, view, source]),
    parse: (html) => html,
    serialize: (html) => html,
    make: compile,
  });
}
