// @ts-check
/**
 * A server takes traffic once its routes are loaded. The first request to each kind of page loads
 * that route's code, and the first to a post page whose prerender is older than its revalidation
 * interval renders it again: measured, the first second of traffic after a start answered in
 * 250-630 ms what takes 5-50 ms after. So before scripts/server.mjs listens on its port, it serves
 * a few requests to itself on a loopback port of its own: the lists, the feeds,
 * and the first post of the sitemap in both languages, its thread and its notes. Reads only; what
 * they answer is not looked at. Plain JavaScript (types in JSDoc) because Node runs the server as is.
 */
import { request as httpRequest } from 'node:http';

/** Long enough for a cold render on a slow machine; a server that cannot warm up still starts. */
const WARM_UP_LIMIT_MS = 15_000;
const FIXED_PATHS = ['/zh', '/en', '/zh/tags', '/feed.xml'];

/**
 * GETs a path, resolving with its body (or '' when it failed).
 * @param {number} port
 * @param {string} path
 * @returns {Promise<string>}
 */
function read(port, path) {
  return new Promise((resolve) => {
    const outgoing = httpRequest({ host: '127.0.0.1', port, path, headers: { connection: 'close', 'accept-encoding': 'identity' } }, (answer) => {
      /** @type {Buffer[]} */
      const chunks = [];
      answer.on('data', (chunk) => chunks.push(chunk));
      answer.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      answer.on('error', () => resolve(''));
    });
    outgoing.on('error', () => resolve(''));
    outgoing.end();
  });
}

/**
 * The paths a first post of the sitemap gives (its pages in both languages, its thread, its notes),
 * or none when the sitemap lists no post.
 * @param {string} sitemap
 */
export function postPaths(sitemap) {
  const slug = /<loc>[^<]*\/(?:zh|en)\/posts\/([^/<?#]+)<\/loc>/.exec(sitemap)?.[1];
  if (!slug) return [];
  return [`/zh/posts/${slug}`, `/en/posts/${slug}`, `/zh/posts/${slug}/comments`, `/api/posts/${slug}/comments`, `/api/posts/${slug}/annotations/`];
}

/**
 * Serves the warm-up requests on a loopback port of the server's own, then stops listening there.
 * @param {import('node:http').Server} server not yet listening
 * @returns {Promise<{ paths: number, ms: number }>}
 */
export async function warmUp(server) {
  const started = performance.now();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  let paths = 0;
  const work = (async () => {
    const [sitemap] = await Promise.all([read(port, '/sitemap.xml'), ...FIXED_PATHS.map((path) => read(port, path))]);
    const posts = postPaths(sitemap);
    await Promise.all(posts.map((path) => read(port, path)));
    paths = 1 + FIXED_PATHS.length + posts.length;
  })();
  await Promise.race([work, new Promise((resolve) => setTimeout(resolve, WARM_UP_LIMIT_MS).unref())]);
  await new Promise((resolve) => {
    server.close(() => resolve(undefined));
    server.closeAllConnections();
  });
  return { paths, ms: Math.round(performance.now() - started) };
}
