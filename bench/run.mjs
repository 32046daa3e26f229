#!/usr/bin/env node
/**
 * `npm run bench`: runs every bench/*.bench.mjs in name order against a production server and
 * prints a table per benchmark; all results also go to bench/results/latest.json.
 *
 * A benchmark module exports `name` and `async run(ctx)` returning rows
 * `{ metric, value, unit, target?, ok? }` (see lib/context.mjs for ctx and its helpers).
 * Figures that miss their target are marked MISS but do not fail the run: the exit code is 0
 * unless the harness breaks (the server does not come up, or a benchmark throws).
 *
 * The server is started as a user would (`node scripts/start.mjs`, building first if needed) on
 * 127.0.0.1:3311 with SITE_URL set to that origin; set BENCH_URL to measure a running server
 * instead. Arguments filter benchmarks by name: `npm run bench -- lighthouse`.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createContext } from './lib/context.mjs';
import { formatResult, formatSummary, writeJson } from './lib/report.mjs';
import { BENCH_BUILD_ENV, BENCH_HOST as HOST, BENCH_PORT as PORT, startServer } from './lib/server.mjs';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(benchDir);
const resultsDir = path.join(benchDir, 'results');

function benchmarkFiles(filters) {
  const files = readdirSync(benchDir).filter((file) => file.endsWith('.bench.mjs')).sort();
  return filters.length ? files.filter((file) => filters.some((filter) => file.includes(filter))) : files;
}

async function runBenchmark(file, baseURL) {
  const started = Date.now();
  const benchmark = await import(pathToFileURL(path.join(benchDir, file)).href);
  const name = benchmark.name ?? file.replace(/\.bench\.mjs$/, '');
  const ctx = createContext({ baseURL, name, resultsDir });
  const result = { name, file, rows: [], notes: ctx.notes, details: ctx.details };
  try {
    if (typeof benchmark.run !== 'function') throw new Error(`${file} does not export run(ctx)`);
    result.rows = await benchmark.run(ctx);
  } catch (error) {
    result.error = error?.stack ?? String(error);
  }
  result.durationMs = Date.now() - started;
  return result;
}

async function main() {
  const files = benchmarkFiles(process.argv.slice(2));
  if (!files.length) throw new Error('no benchmark matches the arguments');
  // A fresh clone has no bench/results/, and with BENCH_URL set no server log creates it.
  mkdirSync(resultsDir, { recursive: true });

  let server = null;
  const stopAndExit = async (signal) => {
    await server?.stop();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', stopAndExit);
  process.once('SIGTERM', stopAndExit);

  try {
    let baseURL = process.env.BENCH_URL?.replace(/\/+$/, '');
    if (!baseURL) {
      const logFile = path.join(resultsDir, 'server.log');
      console.error(`Starting the app (node scripts/start.mjs on ${HOST}:${PORT}; builds first if needed, log: ${path.relative(root, logFile)})...`);
      const started = Date.now();
      server = await startServer({ root, host: HOST, port: PORT, readyPath: '/zh', timeoutMs: 240_000, logFile, env: BENCH_BUILD_ENV });
      baseURL = server.origin;
      console.error(`Server ready after ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    }
    console.log(`Benchmarking ${baseURL}`);

    const results = [];
    for (const file of files) {
      const result = await runBenchmark(file, baseURL);
      console.log(formatResult(result));
      results.push(result);
    }
    console.log(formatSummary(results));
    const jsonFile = path.join(resultsDir, 'latest.json');
    writeJson(jsonFile, { date: new Date().toISOString(), baseURL, node: process.version, results });
    console.log(`Results written to ${path.relative(root, jsonFile)}`);
    return results.some((result) => result.error) ? 1 : 0;
  } finally {
    await server?.stop();
  }
}

// Should the run ever stall with nothing left to wait for, Node exits on its own: make that a failure.
process.exitCode = 1;
main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`bench: ${error?.message ?? error}`);
    process.exit(1);
  },
);
