// @ts-check
/**
 * nginx (Debian's package) in front of Duizhao instances, for the scale-out test and benchmark:
 * docs/nginx.conf, the file docs/deploy.md tells operators to copy, with only its ports changed
 * (its upstream lists the instances given, and it listens on a free local port), inside a minimal
 * main configuration whose pid, logs and temporary files are in a folder of its own. Runs as any
 * user, root included.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const NGINX_BIN = '/usr/sbin/nginx';

/** @returns {string | null} */
export function nginxUnavailableReason() {
  return existsSync(NGINX_BIN) ? null : `nginx is not installed (${NGINX_BIN}; Debian package nginx)`;
}

/**
 * docs/nginx.conf for these instance ports, listening on 127.0.0.1:listen.
 * @param {string} root
 * @param {number} listen
 * @param {number[]} instances
 */
export function siteConfig(root, listen, instances) {
  const shipped = readFileSync(path.join(root, 'docs', 'nginx.conf'), 'utf8');
  const servers = [...shipped.matchAll(/^(\s*)server 127\.0\.0\.1:\d+( [^;]*)?;$/gm)];
  const first = servers[0];
  const last = servers.at(-1);
  if (!first || !last || first.index === undefined || last.index === undefined || !shipped.includes('listen 80;')) {
    throw new Error('docs/nginx.conf no longer has the upstream server lines and `listen 80;` this harness replaces');
  }
  const upstream = instances.map((port) => `${first[1]}server 127.0.0.1:${port}${first[2] ?? ''};`).join('\n');
  return (shipped.slice(0, first.index) + upstream + shipped.slice(last.index + last[0].length)).replace('listen 80;', `listen 127.0.0.1:${listen};`);
}

/** @param {number} port */
function accepting(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Starts nginx in front of the instances; resolves once it accepts connections.
 * @param {{ root: string; listen: number; instances: number[] }} options
 * @returns {Promise<{ origin: string; config: string; stop: () => Promise<void> }>}
 */
export async function startNginx({ root, listen, instances }) {
  const dir = mkdtempSync(path.join(tmpdir(), 'duizhao-nginx-'));
  writeFileSync(path.join(dir, 'duizhao.conf'), siteConfig(root, listen, instances));
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `  ${kind}_temp_path ${dir}/${kind};`).join('\n');
  const config = path.join(dir, 'nginx.conf');
  writeFileSync(
    config,
    `worker_processes 1;\npid ${dir}/nginx.pid;\nerror_log ${dir}/error.log warn;\nevents { worker_connections 1024; }\nhttp {\n  access_log off;\n${temp}\n  include ${dir}/duizhao.conf;\n}\n`,
  );
  const child = spawn(NGINX_BIN, ['-p', dir, '-c', config, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr?.on('data', (chunk) => (errors += String(chunk)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGQUIT');
      await Promise.race([exited, sleep(5_000)]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  };
  for (let tries = 0; !(await accepting(listen)); tries += 1) {
    if (child.exitCode !== null || tries > 100) {
      await stop();
      throw new Error(`nginx did not start on 127.0.0.1:${listen}: ${errors || `exit ${child.exitCode}`}`);
    }
    await sleep(100);
  }
  return { origin: `http://127.0.0.1:${listen}`, config, stop };
}
