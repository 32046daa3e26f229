/**
 * What the server holds in memory under a day's mixed traffic: 20,000 requests, 16 at a time, to
 * a server of its own on a fresh SQLite file: reads of every page (the post in each locale and
 * reading state, lists, tags, credits, feeds, sitemap, robots, the glossary, the image), reads of
 * the comments and notes APIs, and, one request in ten, a comment or a reader's note written
 * (so every kept page is thrown away and rendered again hundreds of times). The server's resident
 * memory (its process group, from /proc) is sampled every 250 ms: the peak and the figure after
 * the last request go next to the target (300 MB).
 *
 * Starts on the runner's build, with the write limits raised out of the way; removes its
 * database after.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { groupRssMb, MIXED_TRAFFIC_ENV, mixedRequest, SLUG } from './lib/mixed-traffic.mjs';
import { BENCH_BUILD_ENV, BENCH_HOST } from './lib/server.mjs';
import { freePort, startBenchServer } from './lib/services.mjs';

export const name = 'memory';

const REQUESTS = Number(process.env.BENCH_MEMORY_REQUESTS || 20_000);
const CONCURRENCY = 16;
const WRITE_EVERY = 10;
const TARGET_MB = 300;

export async function run(ctx) {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'duizhao-bench-memory-'));
  const port = await freePort(BENCH_HOST, 3324);
  let server = null;
  const samples = [];
  const failures = {};
  const counts = { read: 0, comment: 0, note: 0 };
  try {
    server = await startBenchServer(ctx, { port, logName: 'memory-server.log', readyPath: `/api/posts/${SLUG}/comments`, about: 'a fresh SQLite file', env: { ...MIXED_TRAFFIC_ENV, DATABASE_URL: path.join(folder, 'memory.db') } });
    const { origin, pid } = server;
    const atStart = groupRssMb(pid);
    const sampler = setInterval(() => samples.push(groupRssMb(pid)), 250);
    const started = Date.now();
    let next = 0;
    ctx.log(`${REQUESTS} requests, ${CONCURRENCY} at a time, a write in every ${WRITE_EVERY}`);
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let n = next++; n < REQUESTS; n = next++) {
          const { kind, url, init } = mixedRequest(origin, BENCH_BUILD_ENV.SITE_URL, n, WRITE_EVERY);
          const response = await fetch(url, init);
          await response.arrayBuffer();
          counts[kind] += 1;
          const expected = kind === 'read' ? response.status === 200 : response.status === 201;
          if (!expected) failures[`${kind} ${response.status}`] = (failures[`${kind} ${response.status}`] ?? 0) + 1;
        }
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    clearInterval(sampler);
    const atEnd = groupRssMb(pid);
    const peak = Math.max(atEnd, ...samples);
    const mb = (value) => Math.round(value);
    Object.assign(ctx.details, { counts, failures, seconds, samples: samples.map(mb) });
    ctx.note(`${counts.read} reads, ${counts.comment} comments and ${counts.note} notes written in ${seconds.toFixed(0)} s; RSS of the server's process group sampled every 250 ms.`);
    if (Object.keys(failures).length) ctx.note(`unexpected answers: ${JSON.stringify(failures)}`);
    return [
      ctx.row('server RSS after start', mb(atStart), 'MB'),
      ctx.row(`server RSS, peak during ${REQUESTS.toLocaleString('en-US')} mixed requests`, mb(peak), 'MB', ctx.atMost(TARGET_MB)),
      ctx.row(`server RSS after ${REQUESTS.toLocaleString('en-US')} mixed requests`, mb(atEnd), 'MB', ctx.atMost(TARGET_MB)),
      ctx.row('requests answered as expected', REQUESTS - Object.values(failures).reduce((sum, count) => sum + count, 0), `of ${REQUESTS}`, ctx.exactly(REQUESTS)),
    ];
  } finally {
    await server?.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}
