/**
 * The comments JSON API under load, on SQLite and on PostgreSQL: requests per second and p50/p99
 * latency of reading a thread (GET /api/posts/<slug>/comments) and of writing to it (POST, a new
 * comment each time), measured with autocannon against real servers.
 *
 * The runner's server uses the default database, so this benchmark starts servers of its own (via
 * lib/server.mjs), one database at a time, on the runner's build: same NEXT_DIST_DIR and SITE_URL,
 * so nothing is rebuilt (serverCommand says which script starts them). SQLite runs on a file in a
 * fresh temporary folder, PostgreSQL on a fresh database `duizhao_bench_<random>` on 127.0.0.1:5432
 * (user postgres, trust auth; skipped, with the reason, when nothing answers there). Both are
 * removed afterwards.
 * The comment rate limits are raised out of the way (COMMENTS_RATE_PER_MINUTE/PER_DAY): this
 * measures throughput, not the limiter.
 *
 * Per database: seed SEED_COMMENTS comments one by one, warm up, then reads (READ_CONNECTIONS
 * connections for DURATION_S seconds, on the seeded thread), then writes (WRITE_CONNECTIONS
 * connections for DURATION_S seconds, each request a body no other request sends, since a
 * duplicate is refused with 409). Finally the thread is fetched once to check that every write
 * answered 2xx is in it. Req/s is autocannon's average of its per-second samples; latencies are its
 * percentiles, in ms. The load generator runs in this process, on the same machine as the server.
 *
 * Each load runs twice. First as fast as the server answers (closed loop): that gives the most
 * requests per second, and latencies that are mostly queueing, since each connection sends its
 * next request the moment an answer comes (at saturation, latency is connections / throughput).
 * Then at the target rate (autocannon's overallRate, which corrects for coordinated omission):
 * that gives the latency a client sees while the server carries the target load, and is where the
 * p99 target applies.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { BENCH_BUILD_ENV, BENCH_HOST, startServer } from './lib/server.mjs';
import { benchBuildIsCurrent, createPostgresDatabase, freePort, round, serverCommand, summarize } from './lib/services.mjs';

export const name = 'comments';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const SLUG = 'docker-and-hyper';
const API_PATH = `/api/posts/${SLUG}/comments`;
/** Preferred ports of the SQLite and PostgreSQL servers; a free one is taken if these are busy. */
const PORTS = { sqlite: 3321, postgres: 3322 };
const RATE_LIMIT_OFF = '100000000';
const SEED_COMMENTS = 50;
const DURATION_S = 10;
const WARMUP_S = 2;
const READ_CONNECTIONS = 20;
const WRITE_CONNECTIONS = 10;
const PIPELINING = 1;
const TARGETS = { readsPerSecond: 1500, writesPerSecond: 300, p99Ms: 50 };

/** A strict upper bound (ctx.atMost is inclusive). */
const below = (max) => ({ label: `< ${max}`, pass: (value) => value < max });

function createSqliteDatabase() {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'duizhao-bench-'));
  const file = path.join(folder, 'comments.db');
  return { url: file, description: `file ${file}`, drop: async () => rmSync(folder, { recursive: true, force: true }) };
}

function seedBody(runId, i) {
  const bodies = [
    `Seed ${runId}-${i}: thanks for the write-up, the part about \`hyper\` and Docker images was what I needed.`,
    `种子评论 ${runId}-${i}：这篇文章写得很清楚，尤其是关于容器启动速度的部分。`,
    `Seed ${runId}-${i}: a question.\n\n> Docker and Hyper share the image format\n\nDoes that hold for **every** image, or only some?`,
  ];
  return bodies[i % bodies.length];
}

/** SEED_COMMENTS comments, one after another, so the reads have a realistic thread to fetch. */
async function seed(origin, runId) {
  for (let i = 1; i <= SEED_COMMENTS; i++) {
    const response = await fetch(`${origin}${API_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ author: `Seeder ${i}`, body: seedBody(runId, i) }),
    });
    const text = await response.text();
    if (response.status !== 201) throw new Error(`seeding comment ${i}: POST ${API_PATH} answered ${response.status}: ${text.slice(0, 300)}`);
  }
}

async function threadCount(origin) {
  const response = await fetch(`${origin}${API_PATH}`);
  if (!response.ok) throw new Error(`GET ${API_PATH} answered ${response.status}`);
  const { comments, count } = await response.json();
  return { count, listed: comments.length };
}

function cannon(options) {
  return autocannon({ duration: DURATION_S, pipelining: PIPELINING, timeout: 10, ...options });
}

/** `rate`: requests per second over all connections; without it, as fast as answers come. */
function readLoad(origin, { duration = DURATION_S, rate } = {}) {
  return cannon({ url: `${origin}${API_PATH}`, connections: READ_CONNECTIONS, duration, ...(rate ? { overallRate: rate } : {}) });
}

function writeLoad(origin, runId, { rate } = {}) {
  let sent = 0;
  return cannon({
    url: `${origin}${API_PATH}`,
    connections: WRITE_CONNECTIONS,
    ...(rate ? { overallRate: rate } : {}),
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        // Called for every request autocannon sends: a body of its own, or it would be a duplicate (409).
        setupRequest: (request) => {
          sent += 1;
          const body = `Load ${runId}${rate ? 'r' : ''} #${sent} ${randomBytes(4).toString('hex')}: 写一条评论, a *short* comment.`;
          return { ...request, body: JSON.stringify({ author: `Writer ${sent % WRITE_CONNECTIONS}`, body }) };
        },
      },
    ],
  });
}

/** Rows of a run as fast as the server answers: the throughput target applies here. */
function scenarioRows(ctx, label, stats, perSecondTarget) {
  return [
    ctx.row(`${label} throughput`, stats.requestsPerSecond, 'req/s', ctx.atLeast(perSecondTarget)),
    ctx.row(`${label} latency p50`, stats.latencyMs.p50, 'ms'),
    ctx.row(`${label} latency p99`, stats.latencyMs.p99, 'ms'),
    ctx.row(`${label} non-2xx responses`, stats.non2xx, '', ctx.exactly(0)),
    ctx.row(`${label} errors + timeouts`, stats.errors, '', ctx.exactly(0)),
  ];
}

/** Rows of a run at the target rate: the latency target applies here, and the rate must be met. */
function atRateRows(ctx, label, stats, rate) {
  return [
    ctx.row(`${label} rate achieved`, stats.requestsPerSecond, 'req/s', ctx.atLeast(round(rate * 0.95))),
    ctx.row(`${label} latency p50`, stats.latencyMs.p50, 'ms'),
    ctx.row(`${label} latency p99`, stats.latencyMs.p99, 'ms', below(TARGETS.p99Ms)),
    ctx.row(`${label} non-2xx responses`, stats.non2xx, '', ctx.exactly(0)),
    ctx.row(`${label} errors + timeouts`, stats.errors, '', ctx.exactly(0)),
  ];
}

function describe(label, stats) {
  const codes = Object.entries(stats.statusCodes).map(([code, count]) => `${count}x ${code}`).join(', ') || 'none';
  return `${label}: ${stats.total.toLocaleString('en-US')} requests in ${stats.durationS} s (status: ${codes}); latency avg ${stats.latencyMs.average} ms, p90 ${stats.latencyMs.p90} ms, max ${stats.latencyMs.max} ms.`;
}

/**
 * One database end to end: server up, seed, warm up, reads, writes, check, server down. The
 * server and the database are removed whatever happens; `track` lets a signal stop the server too.
 */
async function measureDatabase(ctx, { key, title, database, track }) {
  const port = await freePort(BENCH_HOST, PORTS[key]);
  const logFile = path.join(ctx.resultsDir, `comments-${key}-server.log`);
  const runId = randomBytes(3).toString('hex');
  let server = null;
  try {
    const start = serverCommand();
    ctx.log(`${title}: starting scripts/${start.script} on ${BENCH_HOST}:${port} (${database.description}; log: ${path.relative(root, logFile)})`);
    server = await startServer({
      root,
      host: BENCH_HOST,
      port,
      readyPath: API_PATH,
      timeoutMs: 240_000,
      logFile,
      script: start.script,
      env: {
        ...start.env,
        ...BENCH_BUILD_ENV,
        DATABASE_URL: database.url,
        TRUSTED_PROXIES: '127.0.0.1',
        COMMENTS_RATE_PER_MINUTE: RATE_LIMIT_OFF,
        COMMENTS_RATE_PER_DAY: RATE_LIMIT_OFF,
        // Settings that would change what is measured, should the shell have them: the limiter in
        // the database (not Redis), comments published at once. spawn() leaves out undefined values.
        REDIS_URL: undefined,
        COMMENTS_PREMODERATE: undefined,
      },
    });
    track(server);

    ctx.log(`${title}: seeding ${SEED_COMMENTS} comments, then ${WARMUP_S} s of warm-up reads`);
    await seed(server.origin, runId);
    await readLoad(server.origin, { duration: WARMUP_S });

    ctx.log(`${title}: reads, ${READ_CONNECTIONS} connections for ${DURATION_S} s, as fast as answered, then at ${TARGETS.readsPerSecond}/s`);
    const reads = summarize(await readLoad(server.origin));
    const readsAtRate = summarize(await readLoad(server.origin, { rate: TARGETS.readsPerSecond }));
    ctx.log(`${title}: writes, ${WRITE_CONNECTIONS} connections for ${DURATION_S} s, as fast as answered, then at ${TARGETS.writesPerSecond}/s`);
    const writes = summarize(await writeLoad(server.origin, runId));
    const writesAtRate = summarize(await writeLoad(server.origin, runId, { rate: TARGETS.writesPerSecond }));

    // Requests still in flight when autocannon stops (at most one per connection and pipeline
    // slot, per write run) are written by the server but not counted by autocannon.
    const answered = SEED_COMMENTS + (writes.statusCodes['201'] ?? 0) + (writesAtRate.statusCodes['201'] ?? 0);
    const inFlight = 2 * WRITE_CONNECTIONS * PIPELINING;
    const thread = await threadCount(server.origin);
    const extra = thread.count - answered;
    ctx.details[key] = { port, script: `scripts/${start.script}`, database: database.description, seeded: SEED_COMMENTS, reads, readsAtRate, writes, writesAtRate, threadAfter: thread, answered201: answered };
    ctx.note(describe(`${title} reads`, reads));
    ctx.note(describe(`${title} reads at ${TARGETS.readsPerSecond}/s`, readsAtRate));
    ctx.note(describe(`${title} writes`, writes));
    ctx.note(describe(`${title} writes at ${TARGETS.writesPerSecond}/s`, writesAtRate));
    ctx.note(
      extra >= 0 && extra <= inFlight
        ? `${title}: the thread holds ${thread.count.toLocaleString('en-US')} comments afterwards: the ${SEED_COMMENTS} seeded, every write answered 201, and ${extra} still in flight when autocannon stopped (at most ${inFlight}).`
        : `WARNING ${title}: the thread holds ${thread.count} comments afterwards; ${SEED_COMMENTS} seeded + ${answered - SEED_COMMENTS} writes answered 201 + at most ${inFlight} in flight at the ends of the runs would be ${answered}-${answered + inFlight}.`,
    );
    return [
      ...scenarioRows(ctx, `${title} reads (GET, ${SEED_COMMENTS} comments, c=${READ_CONNECTIONS}) max`, reads, TARGETS.readsPerSecond),
      ...atRateRows(ctx, `${title} reads at ${TARGETS.readsPerSecond}/s`, readsAtRate, TARGETS.readsPerSecond),
      ...scenarioRows(ctx, `${title} writes (POST, c=${WRITE_CONNECTIONS}) max`, writes, TARGETS.writesPerSecond),
      ...atRateRows(ctx, `${title} writes at ${TARGETS.writesPerSecond}/s`, writesAtRate, TARGETS.writesPerSecond),
    ];
  } finally {
    await server?.stop();
    try {
      await database.drop();
    } catch (error) {
      ctx.note(`WARNING ${title}: could not remove ${database.description}: ${error?.message ?? error}`);
    }
  }
}

function loadSample(when) {
  const [load] = os.loadavg();
  return { when, load: round(load, 2), busy: load > os.cpus().length };
}

export async function run(ctx) {
  const loads = [loadSample('before')];
  const buildIsCurrent = benchBuildIsCurrent(root);
  ctx.details.buildIsCurrent = buildIsCurrent;
  const servers = new Set();
  const stopAll = () => {
    for (const server of servers) server.stop();
  };
  // The servers have process groups of their own, so Ctrl+C does not reach them: stop them here.
  process.once('SIGINT', stopAll);
  process.once('SIGTERM', stopAll);
  const track = (server) => servers.add(server);

  const rows = [];
  try {
    rows.push(...(await measureDatabase(ctx, { key: 'sqlite', title: 'SQLite', database: createSqliteDatabase(), track })));

    const postgres = await createPostgresDatabase();
    if (postgres.skip) {
      ctx.log(`PostgreSQL skipped: ${postgres.skip}`);
      ctx.note(`SKIPPED PostgreSQL: ${postgres.skip}.`);
      ctx.details.postgres = { skipped: postgres.skip };
    } else {
      rows.push(...(await measureDatabase(ctx, { key: 'postgres', title: 'PostgreSQL', database: postgres, track })));
    }
  } finally {
    process.removeListener('SIGINT', stopAll);
    process.removeListener('SIGTERM', stopAll);
  }

  loads.push(loadSample('after'));
  ctx.details.loadAverage = loads;
  ctx.note(
    `autocannon ${DURATION_S} s per run, pipelining ${PIPELINING}; reads on a thread of ${SEED_COMMENTS} seeded comments after ${WARMUP_S} s of warm-up; ` +
      `writes each send a new body (author + body, JSON), so the thread grows during the run. Req/s: mean of per-second samples; latency percentiles in ms. ` +
      `"max" runs send each connection's next request as soon as an answer comes (the throughput target applies); "at N/s" runs hold the target rate ` +
      `(overallRate, latencies corrected for coordinated omission; the p99 target applies).`,
  );
  const { script } = serverCommand();
  ctx.note(
    script === 'server.mjs'
      ? `Servers: scripts/server.mjs (what start.mjs runs on a current build) on the runner's ${BENCH_BUILD_ENV.NEXT_DIST_DIR} build, ` +
          `${buildIsCurrent ? 'which matched the sources when this benchmark began' : 'made before the sources last changed (edited during the run), as the runner\'s server serves it'}.`
      : `Servers: scripts/start.mjs on the ${BENCH_BUILD_ENV.NEXT_DIST_DIR} build (built first if it was not current).`,
  );
  ctx.note(
    `Rate limits raised to ${RATE_LIMIT_OFF} a minute and a day (COMMENTS_RATE_PER_MINUTE/PER_DAY): this measures throughput, not the limiter. ` +
      'It still counts every write (in the database; all writes come from 127.0.0.1, so they update the same counters), and that work is in the write figures.',
  );
  ctx.note(`Server and load generator share this machine (${os.cpus().length} CPUs; the runner's idle server also runs). Load average (1 min): ${loads.map(({ when, load }) => `${load} ${when}`).join(', ')}.`);
  if (loads.some(({ busy }) => busy)) {
    ctx.note(`WARNING: the machine is busy (load average above ${os.cpus().length}, its CPU count); throughput comes out low and latencies high.`);
  }
  return rows;
}
