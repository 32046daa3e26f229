/**
 * `npm run gloss:check [-- --content <dir>]`: for every post, reports blocks with no English gloss
 * and glosses written for Chinese that has since changed (stale), with the new fingerprint to
 * record once the English is updated. Exits 1 if any post has either. A post without a gloss file
 * is listed, not failed: the English layer is optional.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import path from 'node:path';
import { loadPosts } from '../lib/content/posts';
import { fingerprint } from '../lib/gloss/fingerprint';
import { glossPath, readGlossFile } from '../lib/gloss/files';
import { glossReport, isComplete } from '../lib/gloss/status';

const { values } = parseArgs({ options: { content: { type: 'string', default: process.env.CONTENT_DIR ?? path.join('content', 'posts') } } });
const contentDir = path.resolve(values.content);

let failing = 0;
let withoutGloss = 0;
for (const post of await loadPosts(contentDir, '')) {
  const file = glossPath(contentDir, post.stem);
  // The English layer is optional: a post moved in from a blog reads as it is until glossed.
  if (!existsSync(file)) {
    console.log(`${post.slug}: no gloss file; reads without the English layer (npm run gloss:scaffold -- ${post.slug} starts one)`);
    withoutGloss += 1;
    continue;
  }
  const report = glossReport(post.blocks, await readGlossFile(file));
  const count = (state: string) => report.blocks.filter((block) => block.state === state).length;
  console.log(`${post.slug}: ${count('current')} current, ${count('missing')} missing, ${count('stale')} stale (${path.relative(process.cwd(), file)})`);
  for (const block of report.blocks) {
    if (block.state === 'missing') console.log(`  missing  ${block.id}: ${block.zh}`);
    if (block.state === 'stale') {
      console.log(`  stale    ${block.id}: the Chinese changed; new source: ${fingerprint(block.zh)}`);
      console.log(`           was: ${block.gloss.zh}`);
      console.log(`           now: ${block.zh}`);
    }
  }
  for (const orphan of report.orphans) console.log(`  orphan   ${orphan.id}: no such block any more (renamed or removed)`);
  if (!isComplete(report)) failing += 1;
}

if (failing > 0) {
  console.log(`gloss:check failed: ${failing} post(s) with missing or stale glosses. Run \`npm run gloss:scaffold -- <slug>\` to add entries.`);
  process.exit(1);
}
console.log(`gloss:check passed: every block of every glossed post has a current English gloss${withoutGloss > 0 ? ` (${withoutGloss} post(s) have no gloss file)` : ''}.`);
