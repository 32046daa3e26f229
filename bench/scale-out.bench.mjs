/**
 * One instance against two, behind nginx, on PostgreSQL (and Redis for the rate limits when it
 * answers): the post page and the comments API's writes, requests per second through nginx
 * running docs/nginx.conf (test/support/nginx.mjs), side by side in one run, loaded by wrk
 * (bench/lib/wrk.mjs), whose own CPU is small beside the instances'.
 *
 * Two instances (A, B) are started on the runner's build and one fresh PostgreSQL database, and
 * two nginx servers in front of them: one whose upstream is A alone, one whose upstream is A and
 * B. Each load runs through the first, then through the second, so both figures come from the
 * same minute of the same machine. The target, two instances ≥ 1.6× one on the writes, says the
 * instances share nothing but the database: on a machine with as many cores as there are
 * instances, nginx, PostgreSQL and the load generator. Skipped, with the reason, without nginx,
 * wrk or PostgreSQL.
 */
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nginxUnavailableReason, startNginx } from '../test/support/nginx.mjs';
import { BENCH_BUILD_ENV, BENCH_HOST, startServer } from './lib/server.mjs';
import { createPostgresDatabase, freePort, round, serverCommand } from './lib/services.mjs';
import { sampleCpu } from './lib/cpu.mjs';
import { runWrk, wrkUnavailableReason } from './lib/wrk.mjs';

export const name = 'scale-out';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const SLUG = 'docker-and-hyper';
const PAGE_PATH = `/zh/posts/${SLUG}`;
const API_PATH = `/api/posts/${SLUG}/comments`;
const DURATION_S = 10;
const READ_CONNECTIONS = 32;
const WRITE_CONNECTIONS = 32;
const RATE_LIMIT_OFF = '100000000';
const TARGET_WRITE_RATIO = 1.6;
/** Where the machine's CPU goes during a load, by process (bench/lib/cpu.mjs). */
const CPU_GROUPS = {
  instances: ({ command }) => command.includes('scripts/server.mjs'),
  postgres: ({ command }) => command.startsWith('postgres'),
  nginx: ({ command }) => command.startsWith('nginx'),
  redis: ({ command }) => command.startsWith('/usr/bin/redis-server') || command.startsWith('redis-server'),
};

function redisAnswers() {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port: 6379 });
    socket.setTimeout(1_000, () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.end();
      resolve(String(data).startsWith('+PONG'));
    });
  });
}

/** The post page, as a browser asks for it (gzip). */
function reads(origin) {
  return runWrk({ url: `${origin}${PAGE_PATH}`, durationS: DURATION_S, connections: READ_CONNECTIONS, headers: { 'Accept-Encoding': 'gzip' } });
}

/** A new comment per request: the same body twice would be refused as a duplicate. */
function writes(origin, runId) {
  return runWrk({
    url: `${origin}${API_PATH}`,
    durationS: DURATION_S,
    connections: WRITE_CONNECTIONS,
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: `{"author":"Writer %d","body":"Scale ${runId} #%d %d: 两个实例, one database."}`,
  });
}

export async function run(ctx) {
  const unavailable = nginxUnavailableReason() ?? wrkUnavailableReason();
  if (unavailable) {
    ctx.note(`SKIPPED: ${unavailable}.`);
    return [];
  }
  const database = await createPostgresDatabase();
  if (database.skip) {
    ctx.note(`SKIPPED: ${database.skip}.`);
    return [];
  }
  const redis = await redisAnswers();
  const start = serverCommand();
  const env = {
    ...start.env,
    ...BENCH_BUILD_ENV,
    DATABASE_URL: database.url,
    REDIS_URL: redis ? 'redis://127.0.0.1:6379' : undefined,
    TRUSTED_PROXIES: '127.0.0.1',
    SESSION_SECRET: randomBytes(32).toString('base64url'),
    COMMENTS_RATE_PER_MINUTE: RATE_LIMIT_OFF,
    COMMENTS_RATE_PER_DAY: RATE_LIMIT_OFF,
    COMMENTS_PREMODERATE: undefined,
  };
  const stoppers = [];
  const runId = randomBytes(3).toString('hex');
  try {
    const instances = [];
    for (const label of ['a', 'b']) {
      const port = await freePort(BENCH_HOST);
      const logFile = path.join(ctx.resultsDir, `scale-out-${label}-server.log`);
      ctx.log(`instance ${label.toUpperCase()}: scripts/${start.script} on ${BENCH_HOST}:${port} (${database.description}; log: ${path.relative(root, logFile)})`);
      // One after the other: the first migrates the fresh database while the second waits.
      const server = await startServer({ root, host: BENCH_HOST, port, readyPath: API_PATH, timeoutMs: 240_000, logFile, script: start.script, env });
      stoppers.push(server.stop);
      instances.push(port);
    }
    const one = await startNginx({ root, listen: await freePort(BENCH_HOST), instances: instances.slice(0, 1) });
    stoppers.push(one.stop);
    const two = await startNginx({ root, listen: await freePort(BENCH_HOST), instances });
    stoppers.push(two.stop);

    ctx.log(`warming up both instances through nginx`);
    await runWrk({ url: `${two.origin}${PAGE_PATH}`, durationS: 3, connections: 8 });

    const figures = {};
    const cpu = {};
    for (const [key, load] of [
      ['page', (origin) => reads(origin)],
      ['writes', (origin) => writes(origin, runId)],
    ]) {
      ctx.log(`${key}: ${DURATION_S} s through nginx with one instance, then with two`);
      figures[key] = {};
      cpu[key] = {};
      for (const [count, front] of [
        ['one', one],
        ['two', two],
      ]) {
        const sample = sampleCpu(CPU_GROUPS);
        figures[key][count] = await load(front.origin);
        cpu[key][count] = sample.stop();
      }
    }
    ctx.details.figures = figures;
    ctx.details.cpu = cpu;
    ctx.details.redis = redis;

    const rows = [];
    for (const [key, label, target] of [
      ['page', `GET ${PAGE_PATH} (gzip, c=${READ_CONNECTIONS})`, null],
      ['writes', `POST ${API_PATH} (c=${WRITE_CONNECTIONS})`, TARGET_WRITE_RATIO],
    ]) {
      const { one: single, two: double } = figures[key];
      rows.push(ctx.row(`${label}, nginx + 1 instance`, single.requestsPerSecond, 'req/s'));
      rows.push(ctx.row(`${label}, nginx + 2 instances`, double.requestsPerSecond, 'req/s'));
      rows.push(ctx.row(`${label}, 2 instances / 1`, round(double.requestsPerSecond / single.requestsPerSecond, 2), '×', target ? ctx.atLeast(target) : undefined));
      rows.push(ctx.row(`${label}, p99 latency 1 → 2 instances`, `${single.latencyMs.p99} → ${double.latencyMs.p99}`, 'ms'));
      rows.push(ctx.row(`${label}, non-2xx + errors`, single.non2xx + single.errors + double.non2xx + double.errors, '', ctx.exactly(0)));
    }
    // wrk has exited when the sample ends, so it is in the rest, with the kernel's own work.
    const shares = (sample) => {
      const busy = sample.machineBusy * sample.cores;
      const rest = busy - Object.values(sample.cores_used).reduce((sum, share) => sum + share, 0);
      return `${Object.entries(sample.cores_used)
        .map(([name, share]) => `${name} ${share}`)
        .join(', ')}, the rest (wrk, the kernel) ${round(Math.max(0, rest), 2)}: ${round(busy, 2)} of ${sample.cores} cores busy`;
    };
    ctx.note(`Cores used during the writes, with one instance: ${shares(cpu.writes.one)}; with two: ${shares(cpu.writes.two)}.`);
    const headroom = cpu.writes.one.cores / (cpu.writes.one.machineBusy * cpu.writes.one.cores);
    ctx.note(
      `With one instance the machine was ${Math.round(cpu.writes.one.machineBusy * 100)}% busy, so no number of instances could take the writes past about ${round(headroom, 2)}× here: ` +
        `the ratio measures this machine's spare cores as much as the instances.`,
    );
    ctx.details.writeCeilingOnThisMachine = round(headroom, 2);
    ctx.note(
      `Two instances (scripts/${start.script}) on one PostgreSQL database${redis ? ', rate limits in Redis (raised out of the way)' : ', rate limits in PostgreSQL (raised out of the way; no Redis answered)'}, ` +
        `behind nginx with docs/nginx.conf; wrk (2 threads), ${DURATION_S} s per load. ` +
        `nginx, PostgreSQL, both instances and the load generator share this machine's ${os.cpus().length} CPUs, so the ratio is bounded by the cores left to the second instance.`,
    );
    return rows;
  } finally {
    for (const stop of stoppers.reverse()) await stop();
    await database.drop();
  }
}
