#!/usr/bin/env node
/**
 * `npm start`: builds the app when there is no build of the current sources, then serves it.
 * Honours PORT (default 3000) and HOST (default 127.0.0.1) and prints the URL to open.
 *
 * "Current" means: the build was made from these exact sources, content and settings. A stamp
 * (a hash of them) is written next to the build; any change, or a missing build, rebuilds.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sessionSecretProblem } from '../lib/session-secret.mjs';
import { SERVER_PROCESS_ENV } from './server-env.mjs';
import { sourceHash } from './source-hash.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const distDir = path.join(root, process.env.NEXT_DIST_DIR || '.next');
const stampFile = path.join(distDir, 'duizhao-build-stamp');
const port = process.env.PORT || '3000';
const host = process.env.HOST || '127.0.0.1';
const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
// Canonical URLs are baked into the prerendered pages, so the origin is a build setting: without
// SITE_URL it is where this server listens, and a different PORT means a different build.
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', SITE_URL: process.env.SITE_URL || `http://${shownHost}:${port}` };

function buildIsCurrent(hash) {
  return existsSync(path.join(distDir, 'BUILD_ID')) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === hash;
}

const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');

// Said before a build that would otherwise take minutes to end in the same refusal.
const secretProblem = sessionSecretProblem(process.env);
if (secretProblem) {
  console.error(`Not starting: ${secretProblem}`);
  process.exit(1);
}

// What of the blog could not be taken over (a post left out, a setting not followed) is said
// before anything else; the other posts build and serve regardless.
spawnSync(process.execPath, [tsx, path.join(root, 'scripts', 'content-check.ts')], { cwd: root, env, stdio: 'inherit' });

const hash = sourceHash(root, env);
if (buildIsCurrent(hash)) {
  console.log('Build is current; starting.');
} else {
  console.log('Building Duizhao (no build of the current sources yet)...');
  const build = spawnSync(process.execPath, [nextBin, 'build'], { cwd: root, env, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('Build failed; see the messages above.');
    process.exit(build.status ?? 1);
  }
  writeFileSync(stampFile, hash);
}

// The database is created and migrated before the server takes a request (idempotent; on
// PostgreSQL, instances starting together take turns).
const migrate = spawnSync(process.execPath, [tsx, path.join(root, 'scripts', 'db-migrate.ts')], { cwd: root, env, stdio: 'inherit' });
if (migrate.status !== 0) {
  console.error('Could not migrate the database; see the messages above.');
  process.exit(migrate.status ?? 1);
}

const server = spawn(process.execPath, [path.join(root, 'scripts', 'server.mjs')], { cwd: root, env: { ...env, ...SERVER_PROCESS_ENV, PORT: port, HOST: host }, stdio: ['inherit', 'pipe', 'inherit'] });
let announced = false;
server.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  if (!announced && /ready|started/i.test(String(chunk))) {
    announced = true;
    console.log(`\nDuizhao is running at http://${shownHost}:${port}/  (Ctrl+C to stop)\n`);
  }
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
