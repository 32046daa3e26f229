/**
 * A hash of everything a production build depends on: sources, content, public files, the
 * lockfile and the settings baked in at build time (SITE_URL, CONTENT_DIR, and DATABASE_URL:
 * prerendered post pages carry their comments, read from that database at build time).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const INPUTS = ['app', 'components', 'lib', 'content', 'public', 'prisma', 'proxy.ts', 'next.config.mjs', 'package-lock.json', 'tsconfig.json'];
const BUILD_SETTINGS = ['SITE_URL', 'CONTENT_DIR', 'NEXT_DIST_DIR', 'DATABASE_URL'];

function* files(entry) {
  const stat = statSync(entry, { throwIfNoEntry: false });
  if (!stat) return;
  if (stat.isFile()) {
    yield entry;
    return;
  }
  for (const name of readdirSync(entry).sort()) {
    if (name === 'node_modules' || name === 'generated' || name.endsWith('.test.ts') || name.endsWith('.test.tsx')) continue;
    yield* files(path.join(entry, name));
  }
}

export function sourceHash(root, env) {
  const hash = createHash('sha256');
  const inputs = [...INPUTS.map((input) => path.join(root, input))];
  if (env.CONTENT_DIR) inputs.push(path.resolve(env.CONTENT_DIR));
  for (const input of inputs) {
    for (const file of files(input)) {
      hash.update(path.relative(root, file));
      hash.update(readFileSync(file));
    }
  }
  for (const name of BUILD_SETTINGS) hash.update(`${name}=${env[name] ?? ''}\n`);
  return hash.digest('hex');
}
