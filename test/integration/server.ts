/**
 * The real production server for the API tests: `node scripts/start.mjs` (which builds when its
 * build is not current, migrates, then runs scripts/server.mjs), in its own process group so the
 * whole tree can be stopped, or killed with SIGKILL to test durability.
 *
 * Every server of a test run shares one build in NEXT_DIST_DIR=.next-integration: the build
 * inputs (see scripts/source-hash.mjs) are kept identical across servers — the same CONTENT_DIR
 * path and files, and a fixed SITE_URL (without it start.mjs derives SITE_URL from PORT, and
 * every port would be a different build).
 *
 * One build per run: the first server goes through start.mjs, which builds when needed. If a
 * later server's build inputs no longer match that build (files edited while the tests run, or a
 * build setting such as DATABASE_URL that differs between servers), start.mjs would rebuild —
 * under the servers still running from that folder, and possibly failing on someone's
 * half-finished work. Such a server is then started as start.mjs starts it after a current build
 * (migrate with scripts/db-migrate.ts, then scripts/server.mjs with NODE_ENV=production), from
 * the run's build, and the test prints why.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SERVER_PROCESS_ENV } from '../../scripts/server-env.mjs';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const DIST_DIR = '.next-integration';
export const SITE_URL = 'https://duizhao-integration.example';
/** Fixed, so that every server (and every run) has the same build inputs. */
export const CONTENT_DIR = path.join(os.tmpdir(), 'duizhao-integration-content');
/** The seed post (comments on) and a fixture post with `comments: false`. */
export const OPEN_POST = 'docker-and-hyper';
export const CLOSED_POST = 'footnotes-and-code';
const CLOSED_POST_FILE = path.join(ROOT, 'test', 'fixtures', 'posts', '2020-01-03-footnotes-and-code.md');

export const READY_TIMEOUT_MS = 300_000;

/** CONTENT_DIR with the site's posts (content/posts/*) plus the comments-off fixture, and nothing else. */
export function prepareContentDir(): string {
  mkdirSync(CONTENT_DIR, { recursive: true });
  const sources = new Map<string, string>();
  const seedDir = path.join(ROOT, 'content', 'posts');
  for (const name of readdirSync(seedDir)) sources.set(name, path.join(seedDir, name));
  sources.set(path.basename(CLOSED_POST_FILE), CLOSED_POST_FILE);
  for (const name of readdirSync(CONTENT_DIR)) if (!sources.has(name)) rmSync(path.join(CONTENT_DIR, name), { recursive: true, force: true });
  for (const [name, source] of sources) copyFileSync(source, path.join(CONTENT_DIR, name));
  return CONTENT_DIR;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `next build` adds `<distDir>/types/**` globs to tsconfig.json's include when they are missing,
 * which would leave an edit in a tracked file after every test run. Afterwards, the globs for our
 * dist dir that were not there before are taken out again; anything else (another build's globs,
 * someone's edit) is kept.
 */
function guardTsconfig(): () => void {
  const file = path.join(ROOT, 'tsconfig.json');
  const before = readFileSync(file, 'utf8');
  return () => {
    const after = readFileSync(file, 'utf8');
    if (after === before) return;
    try {
      const was = JSON.parse(before) as { include?: string[] };
      const now = JSON.parse(after) as { include?: string[] };
      const ours = (now.include ?? []).filter((entry) => entry.startsWith(`${DIST_DIR}/`) && !(was.include ?? []).includes(entry));
      if (ours.length === 0) return;
      const restored = { ...now, include: (now.include ?? []).filter((entry) => !ours.includes(entry)) };
      writeFileSync(file, JSON.stringify(restored) === JSON.stringify(was) ? before : `${JSON.stringify(restored, null, 2)}\n`);
      console.warn(`[integration] next build added ${ours.join(', ')} to tsconfig.json's include; took them out again.`);
    } catch {
      console.warn('[integration] tsconfig.json changed during a server start and is not plain JSON; left as is.');
    }
  };
}

/** Whether this process has made or checked the build in DIST_DIR (with start.mjs) already. */
let runBuildReady = false;

async function buildIsCurrent(env: NodeJS.ProcessEnv): Promise<boolean> {
  const stampFile = path.join(ROOT, DIST_DIR, 'duizhao-build-stamp');
  if (!existsSync(path.join(ROOT, DIST_DIR, 'BUILD_ID')) || !existsSync(stampFile)) return false;
  const moduleUrl = pathToFileURL(path.join(ROOT, 'scripts', 'source-hash.mjs')).href;
  const { sourceHash } = (await import(/* @vite-ignore */ moduleUrl)) as { sourceHash: (root: string, env: NodeJS.ProcessEnv) => string };
  return readFileSync(stampFile, 'utf8') === sourceHash(ROOT, env);
}

function runToEnd(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

export type ServerOptions = {
  databaseUrl: string;
  /** Runtime settings (TRUSTED_PROXIES, ADMIN_TOKEN, COMMENTS_RATE_PER_MINUTE, ...). */
  env?: Record<string, string>;
  label?: string;
  /**
   * Run the app under plain `next start` on the current build, without scripts/server.mjs in front
   * (after migrating, as start.mjs would): how some will run it, and what the app must be safe under.
   */
  plainNext?: boolean;
};

export type RunningServer = {
  baseUrl: string;
  port: number;
  pid: number;
  output(): string;
  /** SIGTERM to the process group, SIGKILL if it has not exited within 15 s. */
  stop(): Promise<void>;
  /** SIGKILL to the whole process group (start.mjs and server.mjs), no chance to flush anything. */
  kill9(): Promise<void>;
};

/**
 * Rate limits too high to meet, for suites whose writes all come from this machine and are about
 * something else (fuzzing, storms, backups); the suites about limits set their own.
 */
const UNREACHABLE_LIMIT = '100000000';
export const LIMITS_OFF_ENV = {
  COMMENTS_RATE_PER_MINUTE: UNREACHABLE_LIMIT,
  COMMENTS_RATE_PER_DAY: UNREACHABLE_LIMIT,
  NOTES_RATE_PER_MINUTE: UNREACHABLE_LIMIT,
  NOTES_RATE_PER_DAY: UNREACHABLE_LIMIT,
} as const;

/** Settings of the developer's shell that must not leak into the server under test. */
const CLEARED = ['NODE_ENV', 'REQUEST_TIMEOUT_MS', 'DATABASE_URL', 'ADMIN_TOKEN', 'TRUSTED_PROXIES', 'COMMENTS_PREMODERATE', 'COMMENTS_RATE_PER_MINUTE', 'COMMENTS_RATE_PER_DAY', 'NOTES_RATE_PER_MINUTE', 'NOTES_RATE_PER_DAY', 'REDIS_URL', 'SESSION_SECRET', 'PORT', 'HOST', 'SITE_URL', 'CONTENT_DIR', 'NEXT_DIST_DIR'];

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitForGroupExit(pid: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!groupAlive(pid)) return true;
    await sleep(100);
  }
  return !groupAlive(pid);
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of CLEARED) delete env[name];
  for (const name of Object.keys(env)) if (name.startsWith('VITEST')) delete env[name];
  Object.assign(env, {
    PORT: String(port),
    HOST: '127.0.0.1',
    NEXT_DIST_DIR: DIST_DIR,
    SITE_URL,
    CONTENT_DIR: prepareContentDir(),
    DATABASE_URL: options.databaseUrl,
    NEXT_TELEMETRY_DISABLED: '1',
    ...options.env,
  });

  const label = options.label ?? options.databaseUrl;
  let child: ChildProcess;
  let restoreTsconfig: () => void = () => {};
  if (options.plainNext) {
    const migrated = await runToEnd([path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(ROOT, 'scripts', 'db-migrate.ts')], env);
    if (migrated.code !== 0) throw new Error(`scripts/db-migrate.ts failed for ${label}:\n${migrated.output.slice(-4000)}`);
    const nextBin = path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');
    child = spawn(process.execPath, [nextBin, 'start', '-p', String(port), '-H', '127.0.0.1'], { cwd: ROOT, env: { ...env, NODE_ENV: 'production' }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  } else if (runBuildReady && !(await buildIsCurrent(env))) {
    console.warn(
      `[integration] ${label}: the build inputs changed since this run's build (files edited meanwhile, or a build setting such as DATABASE_URL); ` +
        'serving the run\'s build without rebuilding under the other servers: scripts/db-migrate.ts, then scripts/server.mjs.',
    );
    const migrated = await runToEnd([path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(ROOT, 'scripts', 'db-migrate.ts')], env);
    if (migrated.code !== 0) throw new Error(`scripts/db-migrate.ts failed for ${label}:\n${migrated.output.slice(-4000)}`);
    child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'server.mjs')], { cwd: ROOT, env: { ...env, ...SERVER_PROCESS_ENV }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  } else {
    restoreTsconfig = guardTsconfig();
    child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'start.mjs')], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  }
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not start scripts/start.mjs');
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-200_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited: string | null = null;
  child.on('exit', (code, signal) => (exited = `exited with ${signal ?? code}`));

  const server: RunningServer = {
    baseUrl,
    port,
    pid,
    output: () => output,
    async stop() {
      if (!groupAlive(pid)) return;
      try {
        process.kill(-pid, 'SIGTERM');
      } catch {
        return;
      }
      if (!(await waitForGroupExit(pid, 15_000))) {
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          // Gone meanwhile.
        }
        await waitForGroupExit(pid, 5_000);
      }
    },
    async kill9() {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
      if (!(await waitForGroupExit(pid, 10_000))) throw new Error(`process group ${pid} survived SIGKILL`);
    },
  };

  const started = Date.now();
  try {
    for (;;) {
      if (exited) throw new Error(`the server (${label}) ${exited} before answering:\n${output.slice(-4000)}`);
      if (Date.now() - started > READY_TIMEOUT_MS) throw new Error(`the server (${label}) did not answer GET /zh with 200 within ${READY_TIMEOUT_MS / 1000} s:\n${output.slice(-4000)}`);
      try {
        const response = await fetch(`${baseUrl}/zh`, { signal: AbortSignal.timeout(10_000) });
        await response.arrayBuffer();
        if (response.status === 200) break;
      } catch {
        // Not listening yet.
      }
      await sleep(500);
    }
  } catch (error) {
    await server.stop();
    throw error;
  } finally {
    restoreTsconfig();
  }
  runBuildReady = true;
  return server;
}
