/**
 * wrk (Debian's package), the load generator for benchmarks where the generator's own CPU would
 * otherwise decide the result: written in C, it needs a fraction of what autocannon needs for the
 * same requests, which matters on a machine whose cores the servers under test share with it.
 *
 * `runWrk` runs it for a duration with a Lua script of its own (a GET, or a POST whose body no
 * other request sends, since a repeated comment is refused) and returns the figures in the shape
 * of bench/lib/services.mjs `summarize`, read from the `done` hook's JSON line.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const WRK_BIN = '/usr/bin/wrk';

export function wrkUnavailableReason() {
  return existsSync(WRK_BIN) ? null : `wrk is not installed (${WRK_BIN}; Debian package wrk)`;
}

/** Lua for wrk: each thread numbers its requests; `done` prints one JSON line of the totals. */
function script({ method, headers, body }) {
  const headerLines = Object.entries(headers ?? {})
    .map(([name, value]) => `wrk.headers[${JSON.stringify(name)}] = ${JSON.stringify(value)}`)
    .join('\n');
  const request = body
    ? `
local counter = 0
request = function()
  counter = counter + 1
  local text = string.format(${JSON.stringify(body)}, thread_id or 0, counter, math.random(1, 1000000000))
  return wrk.format(${JSON.stringify(method)}, nil, nil, text)
end`
    : '';
  return `
wrk.method = ${JSON.stringify(method)}
${headerLines}
local threads = {}
local next_id = 0
setup = function(thread)
  next_id = next_id + 1
  thread:set("thread_id", next_id)
  table.insert(threads, thread)
end
init = function(args)
  math.randomseed(os.time() + (thread_id or 0) * 7919)
  non2xx = 0
end
response = function(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
end
${request}
done = function(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do bad = bad + (thread:get("non2xx") or 0) end
  io.write(string.format('WRK_JSON {"requests":%d,"durationUs":%d,"non2xx":%d,"errors":%d,"timeouts":%d,"p50":%.3f,"p90":%.3f,"p99":%.3f,"max":%.3f,"mean":%.3f}\\n',
    summary.requests, summary.duration, bad,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout,
    summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000, latency.mean / 1000))
end
`;
}

/**
 * Runs wrk against `url` for `durationS` with `connections` over `threads` threads. `body`, when
 * given, is a Lua format string with three slots (%d thread, %d request number, %d random).
 */
export function runWrk({ url, durationS, connections, threads = 2, method = 'GET', headers = {}, body }) {
  const dir = mkdtempSync(path.join(tmpdir(), 'duizhao-wrk-'));
  const file = path.join(dir, 'load.lua');
  writeFileSync(file, script({ method, headers, body }));
  return new Promise((resolve, reject) => {
    const child = spawn(WRK_BIN, ['-t', String(threads), '-c', String(connections), '-d', `${durationS}s`, '--timeout', '10s', '-s', file, url], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      rmSync(dir, { recursive: true, force: true });
      const line = /WRK_JSON (\{.*\})/.exec(output)?.[1];
      if (code !== 0 || !line) return reject(new Error(`wrk exited with ${code}: ${output.slice(-2000)}`));
      const figures = JSON.parse(line);
      const seconds = figures.durationUs / 1e6;
      resolve({
        requestsPerSecond: Number((figures.requests / seconds).toFixed(1)),
        total: figures.requests,
        durationS: Number(seconds.toFixed(2)),
        latencyMs: { p50: figures.p50, p90: figures.p90, p99: figures.p99, max: figures.max, average: figures.mean },
        non2xx: figures.non2xx,
        errors: figures.errors,
        timeouts: figures.timeouts,
        statusCodes: {},
      });
    });
  });
}
