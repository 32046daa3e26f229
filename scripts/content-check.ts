/**
 * `npm run content:check`: reads the content folder (CONTENT_DIR, default content/posts) as the
 * site will, and prints what could not be taken over: posts left out (file, key, reason) and
 * `_config.yml` settings not followed. `npm start` prints the same before it builds. Exits 0 either
 * way (a bad post is left out, not fatal); `--strict` exits 1 when there is anything to report.
 */
import { parseArgs } from 'node:util';
import { contentReport, loadSite } from '../lib/content/posts';
import { env } from '../lib/env';

const { values } = parseArgs({ options: { strict: { type: 'boolean', default: false } } });
const report = await contentReport(env.contentDir, env.siteUrl);
if (report === null) {
  const { posts } = await loadSite(env.contentDir, env.siteUrl);
  console.log(`Content: ${posts.length} post(s) ready from ${env.contentDir}.`);
} else {
  console.log(report);
  if (values.strict) process.exitCode = 1;
}
