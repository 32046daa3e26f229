/**
 * Prerendered pages and public files from the app's own server against nginx serving the same
 * bytes as static files, side by side in one run.
 *
 * For each address: its bytes are fetched from the app as a reader gets them (identity, with the
 * cookies a returning reader has), written to a folder with a `.gz` beside each file (gzip -9, as
 * `gzip_static` expects), and nginx (Debian's package, one worker, as the app is one process)
 * serves that folder. wrk then loads each for DURATION_S with `Accept-Encoding: gzip`, nginx
 * first, the app second, and the row is the app's requests per second over nginx's. The app
 * answers these from memory (lib/http/page-cache.mjs); the target is at least half of nginx.
 *
 * Skipped, with the reason, without nginx or wrk.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { gzipSync } from 'node:zlib';
import { atLeast } from './lib/context.mjs';
import { freePort, round } from './lib/services.mjs';
import { runWrk, wrkUnavailableReason } from './lib/wrk.mjs';
import { NGINX_BIN, nginxUnavailableReason } from '../test/support/nginx.mjs';

export const name = 'static-pages';

const DURATION_S = Number(process.env.BENCH_STATIC_SECONDS || 5);
const CONNECTIONS = 32;
const TARGET = atLeast(0.5);

/** What is measured: a label, the path, and the cookies the reader sends (their language, their reading state). */
const ADDRESSES = [
  { label: 'post, /zh (off)', path: '/zh/posts/docker-and-hyper', cookie: 'lang=zh' },
  { label: 'post, /zh inline + pinyin (cookies)', path: '/zh/posts/docker-and-hyper', cookie: 'lang=zh; gloss=inline; pinyin=1' },
  { label: 'post, /en (inline)', path: '/en/posts/docker-and-hyper', cookie: 'lang=en' },
  { label: 'post list, /zh', path: '/zh', cookie: 'lang=zh' },
  { label: 'tag, /en/tags/docker', path: '/en/tags/docker', cookie: 'lang=en' },
  { label: 'feed.xml', path: '/feed.xml', cookie: '' },
  { label: 'sitemap.xml', path: '/sitemap.xml', cookie: '' },
  { label: 'robots.txt', path: '/robots.txt', cookie: '' },
  { label: 'image, hyper.png', path: '/images/docker/hyper.png', cookie: '' },
];

/** @param {number} port */
async function accepting(port) {
  for (let tries = 0; tries < 100; tries += 1) {
    const open = await new Promise((resolve) => {
      const socket = net.connect({ host: '127.0.0.1', port });
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await sleep(50);
  }
  throw new Error(`nginx did not listen on ${port}`);
}

/** nginx serving `dir` on `port`: one worker, gzip_static, the types given per file. */
async function startStaticNginx(dir, port, files) {
  const types = files.map(({ name: file, type }) => `    location = /${file} { default_type "${type}"; }`).join('\n');
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `  ${kind}_temp_path ${dir}/${kind};`).join('\n');
  const config = path.join(dir, 'nginx.conf');
  writeFileSync(
    config,
    `worker_processes 1;\npid ${dir}/nginx.pid;\nerror_log ${dir}/error.log warn;\nevents { worker_connections 1024; }\nhttp {\n  access_log off;\n${temp}\n  types {}\n  etag on;\n  gzip_static on;\n  gzip_vary on;\n  server {\n    listen 127.0.0.1:${port};\n    root ${dir}/files;\n${types}\n  }\n}\n`,
  );
  const child = spawn(NGINX_BIN, ['-p', dir, '-c', config, '-g', 'daemon off;'], { stdio: 'ignore' });
  await accepting(port);
  return async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGQUIT');
    await Promise.race([exited, sleep(5_000)]);
    if (child.exitCode === null) child.kill('SIGKILL');
  };
}

export async function run(ctx) {
  const unavailable = nginxUnavailableReason() ?? wrkUnavailableReason();
  if (unavailable) {
    ctx.note(`skipped: ${unavailable}`);
    return [];
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'duizhao-static-'));
  // nginx's worker runs as an unprivileged user when started by root: it must be able to read them.
  chmodSync(dir, 0o755);
  const files = [];
  mkdirSync(path.join(dir, 'files'));
  for (const [index, address] of ADDRESSES.entries()) {
    const response = await fetch(ctx.url(address.path), { headers: { cookie: address.cookie, 'accept-encoding': 'identity' } });
    if (!response.ok) throw new Error(`GET ${address.path} answered ${response.status}`);
    const body = Buffer.from(await response.arrayBuffer());
    const file = `f${index}`;
    writeFileSync(path.join(dir, 'files', file), body);
    writeFileSync(path.join(dir, 'files', `${file}.gz`), gzipSync(body, { level: 9 }));
    files.push({ name: file, type: response.headers.get('content-type') ?? 'application/octet-stream', bytes: body.length });
  }
  const port = await freePort('127.0.0.1');
  const stopNginx = await startStaticNginx(dir, port, files);
  const rows = [];
  try {
    for (const [index, address] of ADDRESSES.entries()) {
      const headers = { 'Accept-Encoding': 'gzip', ...(address.cookie ? { Cookie: address.cookie } : {}) };
      ctx.log(`${address.label}: ${DURATION_S} s from nginx, then ${DURATION_S} s from the app`);
      const load = (url) => runWrk({ url, durationS: DURATION_S, connections: CONNECTIONS, threads: 2, headers });
      // Both warmed first: the app keeps the answer after its first request.
      await load(`http://127.0.0.1:${port}/${files[index].name}`);
      const nginx = await load(`http://127.0.0.1:${port}/${files[index].name}`);
      await load(ctx.url(address.path));
      const app = await load(ctx.url(address.path));
      if (nginx.non2xx || app.non2xx || nginx.errors || app.errors) {
        ctx.note(`${address.label}: nginx ${nginx.non2xx} non-2xx / ${nginx.errors} errors, app ${app.non2xx} non-2xx / ${app.errors} errors`);
      }
      rows.push(ctx.row(`${address.label}: nginx`, round(nginx.requestsPerSecond, 0), 'req/s'));
      rows.push(ctx.row(`${address.label}: app`, round(app.requestsPerSecond, 0), 'req/s'));
      rows.push(ctx.row(`${address.label}: app / nginx`, round(app.requestsPerSecond / nginx.requestsPerSecond, 2), 'x', TARGET));
      ctx.details[address.label] = { bytes: files[index].bytes, nginx, app };
    }
  } finally {
    await stopNginx();
    rmSync(dir, { recursive: true, force: true });
  }
  ctx.note(
    `wrk, 2 threads, ${CONNECTIONS} connections, ${DURATION_S} s per load after a warm-up of the same length, Accept-Encoding: gzip; ` +
      'nginx (1 worker, gzip_static) serves the bytes the app sent, gzip -9 beside them; both share this machine with wrk.',
  );
  return rows;
}
