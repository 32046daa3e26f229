/**
 * The app server for a benchmark run: started exactly as a user starts it (`node scripts/start.mjs`,
 * which builds first when the build is not current), awaited until a page answers 200, and stopped
 * again by killing its whole process group. Its output goes to a log file, not the bench table.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** Where `npm run bench` serves the app (bench/run.mjs), unless BENCH_URL names another server. */
export const BENCH_HOST = '127.0.0.1';
export const BENCH_PORT = 3311;
/**
 * The build settings of the benchmark build (see scripts/source-hash.mjs: both are build inputs).
 * A benchmark that starts servers of its own on other ports passes these too, so that they serve
 * the runner's build instead of making another.
 */
export const BENCH_BUILD_ENV = { SITE_URL: `http://${BENCH_HOST}:${BENCH_PORT}`, NEXT_DIST_DIR: '.next-bench' };

/** True when something already listens on host:port (then our server could not bind it). */
function portInUse(host, port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function tail(file, lines = 30) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * Polls url until it answers 200 (null), the child exits, or timeoutMs passes (why not, in words).
 * Shared with bench/lib/bare-next.mjs.
 */
export async function waitForOk(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) return `the server exited (${child.exitCode ?? child.signalCode}) before it answered`;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
      await response.arrayBuffer();
      if (response.status === 200) return null;
    } catch {
      // Not listening yet (or still building); try again.
    }
    await sleep(500);
  }
  return `no 200 from ${url} within ${timeoutMs / 1000} s`;
}

/**
 * Starts `node scripts/start.mjs` in root on host:port and resolves once readyPath answers 200.
 * `script` names another file of scripts/ to run instead (such as server.mjs, which serves the
 * existing build without start.mjs's build check). Returns { origin, stop }; stop() is safe to call
 * more than once; `pid` is the started process, leader of the group it and its children are in.
 */
export async function startServer({ root, host, port, readyPath, timeoutMs, logFile, env = {}, script = 'start.mjs' }) {
  const origin = `http://${host}:${port}`;
  if (await portInUse(host, port)) {
    throw new Error(`port ${port} is already in use; stop whatever listens there, or set BENCH_URL=${origin} to benchmark it`);
  }
  mkdirSync(path.dirname(logFile), { recursive: true }); // bench/results/ is not in a fresh clone
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, [path.join(root, 'scripts', script)], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: host, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so stop() also ends the `next start` it spawns
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);

  let stopped = false;
  async function stop() {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      signalGroup(child.pid, 'SIGTERM');
      const timedOut = await Promise.race([exited.then(() => false), sleep(10_000).then(() => true)]);
      if (timedOut) signalGroup(child.pid, 'SIGKILL');
    }
    // Children of start.mjs may outlive it by a moment; make sure the group is gone.
    signalGroup(child.pid, 'SIGKILL');
    log.end();
  }

  const problem = await waitForOk(`${origin}${readyPath}`, child, timeoutMs);
  if (problem) {
    await stop();
    throw new Error(`${problem}\n--- last lines of ${logFile} ---\n${tail(logFile)}`);
  }
  return { origin, stop, pid: child.pid };
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if (error.code !== 'ESRCH') throw error; // ESRCH: the group is already gone
  }
}
