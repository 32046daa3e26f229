/**
 * What the benchmarks that start servers of their own share: free ports, throwaway PostgreSQL
 * databases, how to start a server on the runner's build, and the figures of an autocannon run.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { sourceHash } from '../../scripts/source-hash.mjs';
import { SERVER_PROCESS_ENV } from '../../scripts/server-env.mjs';
import { BENCH_BUILD_ENV, BENCH_HOST, startServer } from './server.mjs';

const root = path.resolve(import.meta.dirname, '..', '..');

export const POSTGRES_ADMIN = { host: '127.0.0.1', port: 5432, user: 'postgres', database: 'postgres' };

export const round = (value, digits = 1) => Number(value.toFixed(digits));

/** `port` when nothing can be listening on it, else one the system picks. */
export function freePort(host, port = 0) {
  const tryListen = (candidate) =>
    new Promise((resolve) => {
      const probe = net.createServer();
      probe.once('error', () => resolve(null));
      probe.listen(candidate, host, () => {
        const { port: bound } = probe.address();
        probe.close(() => resolve(bound));
      });
    });
  return tryListen(port).then((bound) => bound ?? tryListen(0));
}

/** Whether the runner's build was made from the sources as they are now (what start.mjs checks). */
export function benchBuildIsCurrent(root) {
  const distDir = path.join(root, BENCH_BUILD_ENV.NEXT_DIST_DIR);
  const stampFile = path.join(distDir, 'duizhao-build-stamp');
  if (!existsSync(path.join(distDir, 'BUILD_ID')) || !existsSync(stampFile)) return false;
  return readFileSync(stampFile, 'utf8') === sourceHash(root, { ...process.env, ...BENCH_BUILD_ENV });
}

/**
 * How to start a server on the runner's build. While the runner's server serves that build,
 * `scripts/server.mjs`, which is what start.mjs runs once it finds the build current (same
 * environment; the app migrates its database on first use, which the readiness request makes).
 * start.mjs itself would rebuild the build whenever a build input changed since it was made
 * (someone editing, or another build rewriting tsconfig.json), taking the files from under the
 * runner's server. With BENCH_URL the runner serves no build: start.mjs, as a user would.
 */
export function serverCommand() {
  if (process.env.BENCH_URL) return { script: 'start.mjs', env: {} };
  return { script: 'server.mjs', env: { ...SERVER_PROCESS_ENV, NEXT_TELEMETRY_DISABLED: '1' } };
}

async function withPostgresAdmin(run) {
  const client = new pg.Client({ ...POSTGRES_ADMIN, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A fresh, empty PostgreSQL database (the server migrates it), or the reason there is none. */
export async function createPostgresDatabase() {
  const database = `duizhao_bench_${randomBytes(6).toString('hex')}`;
  try {
    await withPostgresAdmin((client) => client.query(`CREATE DATABASE "${database}"`));
  } catch (error) {
    return { skip: `no PostgreSQL at ${POSTGRES_ADMIN.host}:${POSTGRES_ADMIN.port} as user "${POSTGRES_ADMIN.user}" (${error?.message ?? error})` };
  }
  return {
    url: `postgres://${POSTGRES_ADMIN.user}@${POSTGRES_ADMIN.host}:${POSTGRES_ADMIN.port}/${database}`,
    description: `database ${database} on ${POSTGRES_ADMIN.host}:${POSTGRES_ADMIN.port}`,
    drop: () => withPostgresAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)),
  };
}

/** The figures of one autocannon run, rounded for the table; everything else goes to details. */
export function summarize(result) {
  return {
    requestsPerSecond: round(result.requests.average),
    total: result.requests.total,
    durationS: round(result.duration, 2),
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max, average: round(result.latency.average, 2) },
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => [code, Number(count)])),
  };
}

/**
 * Starts a server of a benchmark's own on the runner's build (see serverCommand), on BENCH_HOST
 * and `port`, with the bench build's settings plus `env`; its output goes to
 * bench/results/`logName`. Resolves once `readyPath` answers 200, with { origin, pid, stop }.
 * `about` says what it serves on (for the progress line).
 */
export async function startBenchServer(ctx, { port, logName, readyPath, env, about }) {
  const logFile = path.join(ctx.resultsDir, logName);
  const start = serverCommand();
  ctx.log(`starting scripts/${start.script} on ${BENCH_HOST}:${port} (${about}; log: ${path.relative(root, logFile)})`);
  return startServer({ root, host: BENCH_HOST, port, readyPath, timeoutMs: 240_000, logFile, script: start.script, env: { ...start.env, ...BENCH_BUILD_ENV, ...env } });
}
