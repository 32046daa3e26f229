#!/usr/bin/env node
/**
 * Generates the Prisma clients (one per provider, from prisma/models.prisma) into
 * lib/db/generated/. Runs after `npm install`. Prisma's schema engine is not needed for this and
 * cannot be downloaded here, so the CLI is pointed at a stub that says so if anything asks for it.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const prisma = path.join(root, 'node_modules', 'prisma', 'build', 'index.js');
const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: path.join(root, 'prisma', 'no-schema-engine.sh'), PRISMA_HIDE_UPDATE_MESSAGE: '1' };

for (const provider of ['sqlite', 'postgres']) {
  const result = spawnSync(process.execPath, [prisma, 'generate', '--schema', path.join('prisma', provider)], { cwd: root, env, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
