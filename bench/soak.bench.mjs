/**
 * A long steady load, as a small blog's busy day compressed: 25 requests a second for 10 minutes
 * (BENCH_SOAK_SECONDS to change), one in five a write (a comment or a reader's note, so the kept
 * pages are thrown away and rendered again all the time), the rest reads of every page and API
 * (bench/lib/mixed-traffic.mjs), against a server of its own on a fresh SQLite file.
 *
 * Requests leave on a fixed schedule whether or not earlier ones have been answered, and each
 * latency is counted from when its request was due, so a stall in the server (a page rendered
 * while everyone waits) shows in full rather than slowing the load down. Reported: errors, p99
 * for every minute (the target, under 100 ms, holds throughout or not at all), and the server's
 * memory after the warm-up minute and at the end (within 10% of the former, and under 400 MB).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { groupRssMb, MIXED_TRAFFIC_ENV, mixedRequest, SLUG } from './lib/mixed-traffic.mjs';
import { BENCH_BUILD_ENV, BENCH_HOST } from './lib/server.mjs';
import { freePort, startBenchServer } from './lib/services.mjs';

export const name = 'soak';

const RATE = 25;
const SECONDS = Number(process.env.BENCH_SOAK_SECONDS || 600);
const WRITE_EVERY = 5;
const WINDOW_S = 60;
const TARGETS = { p99Ms: 100, growth: 0.1, rssMb: 400 };

export async function run(ctx) {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'duizhao-bench-soak-'));
  const port = await freePort(BENCH_HOST, 3325);
  let server = null;
  try {
    server = await startBenchServer(ctx, { port, logName: 'soak-server.log', readyPath: `/api/posts/${SLUG}/comments`, about: 'a fresh SQLite file', env: { ...MIXED_TRAFFIC_ENV, DATABASE_URL: path.join(folder, 'soak.db') } });
    const { origin, pid } = server;
    const total = RATE * SECONDS;
    /** @type {{ due: number, ms: number, ok: boolean, kind: string }[]} */
    const results = [];
    const memory = [];
    const started = performance.now();
    const sampler = setInterval(() => memory.push({ at: (performance.now() - started) / 1000, mb: groupRssMb(pid) }), 1000);
    ctx.log(`${RATE} requests/s for ${SECONDS} s, one in ${WRITE_EVERY} a write`);
    const inFlight = [];
    for (let n = 0; n < total; n += 1) {
      const due = started + (n * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const { kind, url, init } = mixedRequest(origin, BENCH_BUILD_ENV.SITE_URL, n, WRITE_EVERY);
      inFlight.push(
        fetch(url, { ...init, signal: AbortSignal.timeout(30_000) })
          .then(async (response) => {
            await response.arrayBuffer();
            return kind === 'read' ? response.status === 200 : response.status === 201;
          })
          .catch(() => false)
          .then((ok) => results.push({ due: (due - started) / 1000, ms: performance.now() - due, ok, kind })),
      );
    }
    await Promise.all(inFlight);
    clearInterval(sampler);

    const windows = [];
    for (let from = 0; from < SECONDS; from += WINDOW_S) {
      const latencies = results.filter((each) => each.due >= from && each.due < from + WINDOW_S).map((each) => each.ms);
      if (latencies.length) windows.push({ from, p99: ctx.percentile(latencies, 99), max: Math.max(...latencies) });
    }
    const errors = results.filter((each) => !each.ok).length;
    const worstP99 = Math.max(...windows.map((each) => each.p99));
    const warm = memory.find((sample) => sample.at >= Math.min(WINDOW_S, SECONDS / 2))?.mb ?? memory[0]?.mb ?? 0;
    const end = memory.at(-1)?.mb ?? 0;
    const round = (value) => Math.round(value * 10) / 10;
    Object.assign(ctx.details, { windows, memory: memory.map(({ at, mb }) => [Math.round(at), Math.round(mb)]) });
    ctx.note(`${results.length} requests (${results.filter((each) => each.kind !== 'read').length} writes) over ${SECONDS} s; latency from when each request was due.`);
    ctx.note(`p99 per minute (ms): ${windows.map((each) => Math.round(each.p99)).join(', ')}; worst single request ${Math.round(Math.max(...windows.map((each) => each.max)))} ms.`);
    return [
      ctx.row('requests that failed', errors, 'requests', ctx.exactly(0)),
      ctx.row('p99, worst minute', round(worstP99), 'ms', ctx.atMost(TARGETS.p99Ms)),
      ctx.row('p99, whole run', round(ctx.percentile(results.map((each) => each.ms), 99)), 'ms'),
      ctx.row('server RSS after the warm-up minute', Math.round(warm), 'MB'),
      ctx.row('server RSS at the end', Math.round(end), 'MB', ctx.atMost(TARGETS.rssMb)),
      ctx.row('growth from warm-up to end', round(warm ? (end - warm) / warm : 0), 'x', ctx.atMost(TARGETS.growth)),
    ];
  } finally {
    await server?.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}
