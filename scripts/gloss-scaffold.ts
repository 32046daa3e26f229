/**
 * `npm run gloss:scaffold -- <slug> [--content <dir>]`: writes the post's gloss file, or extends
 * it with an entry (the Chinese, its fingerprint, an empty `en`) for every block that has none.
 */
import { parseArgs } from 'node:util';
import path from 'node:path';
import { loadPosts } from '../lib/content/posts';
import { glossPath, scaffoldGlossFile } from '../lib/gloss/files';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { content: { type: 'string', default: path.join('content', 'posts') } },
});
const contentDir = path.resolve(values.content);
const [slug] = positionals;
const posts = await loadPosts(contentDir, '');
const post = posts.find((each) => each.slug === slug);
if (!slug || !post) {
  console.error(`Usage: npm run gloss:scaffold -- <slug>\nPosts: ${posts.map((each) => each.slug).join(', ')}`);
  process.exit(2);
}
const file = glossPath(contentDir, post.stem);
const added = await scaffoldGlossFile(file, post.blocks);
console.log(added.length === 0 ? `${path.relative(process.cwd(), file)}: every block already has an entry.` : `${path.relative(process.cwd(), file)}: added ${added.join(', ')}. Fill in their "en".`);
