/**
 * A bare Next.js app to measure against: one server-component page (a heading and a paragraph, no
 * client component, no CSS) under a root layout, built and served with the project's own `next`,
 * `react` and `react-dom` (its node_modules, linked in) from a throwaway folder under the system's
 * temporary directory. What such a page costs is what any page of this Next and React costs.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { waitForOk } from './server.mjs';
import { freePort } from './services.mjs';

const root = path.resolve(import.meta.dirname, '..', '..');

const LAYOUT = `export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
`;

const PAGE = `export default function Page() {
  return (
    <main>
      <h1>A bare page</h1>
      <p>One heading and one paragraph, rendered on the server.</p>
    </main>
  );
}
`;

/** The deepest folder holding both paths (both already resolved). */
function commonAncestor(a, b) {
  const partsA = a.split(path.sep);
  const partsB = b.split(path.sep);
  let shared = 0;
  while (shared < partsA.length && shared < partsB.length && partsA[shared] === partsB[shared]) shared++;
  return partsA.slice(0, shared).join(path.sep) || path.sep;
}

function version(require, name) {
  return require(`${name}/package.json`).version;
}

function tail(file, lines = 30) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if (error.code !== 'ESRCH') throw error; // ESRCH: the group is already gone
  }
}

/** Writes the app into a fresh temporary folder; returns the folder and the versions it runs on. */
function writeApp(nodeModules) {
  const projectRequire = createRequire(path.join(root, 'package.json'));
  const versions = { next: version(projectRequire, 'next'), react: version(projectRequire, 'react'), 'react-dom': version(projectRequire, 'react-dom') };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'duizhao-bare-next-'));
  try {
    mkdirSync(path.join(dir, 'app'));
    writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ name: 'bare-next', private: true, type: 'module', dependencies: versions }, null, 2)}\n`);
    // Turbopack compiles nothing outside its filesystem root, and the root it would infer here is
    // this folder: the linked node_modules (and `next` itself) would be out of reach. So the root
    // is the nearest folder that holds both; it only widens what may be read, not what is built.
    const turbopackRoot = commonAncestor(realpathSync(dir), realpathSync(nodeModules));
    writeFileSync(path.join(dir, 'next.config.mjs'), `export default { turbopack: { root: ${JSON.stringify(turbopackRoot)} } };\n`);
    writeFileSync(path.join(dir, 'app', 'layout.jsx'), LAYOUT);
    writeFileSync(path.join(dir, 'app', 'page.jsx'), PAGE);
    symlinkSync(nodeModules, path.join(dir, 'node_modules'), 'dir');

    // Resolved from inside the app, the packages must be the project's very files.
    const appRequire = createRequire(path.join(dir, 'package.json'));
    for (const name of Object.keys(versions)) {
      const found = realpathSync(appRequire.resolve(`${name}/package.json`));
      if (!found.startsWith(realpathSync(nodeModules) + path.sep)) throw new Error(`from ${dir}, ${name} resolves to ${found}, not into ${nodeModules}`);
    }
    return { dir, versions, turbopackRoot };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** Runs `next <args>` in dir, in a process group of its own, with its output appended to log. */
function runNext(nextBin, dir, args, log) {
  const child = spawn(process.execPath, [nextBin, ...args], {
    cwd: dir,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  return child;
}

function exited(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode ?? child.signalCode);
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
}

/**
 * Builds the bare app (`next build`, Turbopack as in the project's own build) and serves it with
 * `next start` on host and a free port. Resolves once its page answers 200, with
 * { url, stop, versions, buildMs }; stop() (safe to call twice) ends the server's process group and
 * removes the folder. Throws, having cleaned up, with the reason and the end of logFile when
 * there is no `next` to run or the build or server fails.
 */
export async function startBareNext({ logFile, host = '127.0.0.1', buildTimeoutMs = 600_000, startTimeoutMs = 60_000 }) {
  const nodeModules = path.join(root, 'node_modules');
  const nextBin = path.join(nodeModules, '.bin', 'next');
  if (!existsSync(nextBin)) throw new Error(`no ${path.relative(root, nextBin)} (run npm install)`);

  const { dir, versions, turbopackRoot } = writeApp(nodeModules);
  mkdirSync(path.dirname(logFile), { recursive: true });
  const log = createWriteStream(logFile);
  let child = null;
  let stopped = false;

  // The runner exits on SIGINT without waiting for benchmarks: the server and the folder must not
  // outlive it (only synchronous work is possible at exit).
  const onExit = () => {
    if (child) signalGroup(child.pid, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', onExit);

  async function stop() {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', onExit);
    if (child && child.exitCode === null && child.signalCode === null) {
      signalGroup(child.pid, 'SIGTERM');
      const timedOut = await Promise.race([exited(child).then(() => false), sleep(10_000).then(() => true)]);
      if (timedOut) signalGroup(child.pid, 'SIGKILL');
    }
    if (child) {
      signalGroup(child.pid, 'SIGKILL');
      // Output still in the pipes would otherwise be written to a closed log, an uncaught error.
      child.stdout.unpipe(log);
      child.stderr.unpipe(log);
    }
    await new Promise((resolve) => log.end(resolve));
    rmSync(dir, { recursive: true, force: true });
  }

  const fail = async (problem) => {
    await stop();
    throw new Error(`${problem}\n--- last lines of ${logFile} ---\n${tail(logFile)}`);
  };

  log.write(`bare Next app in ${dir} (next ${versions.next}, react ${versions.react}; turbopack.root ${turbopackRoot})\n`);
  const buildStarted = Date.now();
  child = runNext(nextBin, dir, ['build'], log);
  const built = await Promise.race([exited(child), sleep(buildTimeoutMs).then(() => 'timeout')]);
  if (built !== 0) return fail(built === 'timeout' ? `next build took over ${buildTimeoutMs / 1000} s` : `next build failed (${built})`);
  const buildMs = Date.now() - buildStarted;

  const port = await freePort(host);
  const url = `http://${host}:${port}/`;
  child = runNext(nextBin, dir, ['start', '-p', String(port), '-H', host], log);
  const problem = await waitForOk(url, child, startTimeoutMs);
  if (problem) return fail(problem);
  return { url, stop, versions, buildMs };
}
