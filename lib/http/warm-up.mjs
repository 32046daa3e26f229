// @ts-check
/**
 * A server takes traffic once its routes are loaded. The first request to each kind of page loads
 * that route's code, and the first to a post page whose prerender is older than its revalidation
 * interval renders it again: measured, the first second of traffic after a start answered in
 * 250-630 ms what takes 5-50 ms after, and 0.8-1.3 s for the kinds of page it had not warmed
 * (the reading views, tags, credits, glossary). So before scripts/server.mjs listens on its port,
 * it serves requests to itself on a loopback port of its own, a few at a time: the lists, the
 * feeds, the other pages the sitemap lists (up to a bound), the first post of the sitemap in
 * every reading view in both languages, its comments page, thread, notes, feed and glossary; and
 * one comment preview, which loads what renders a comment and stores nothing. Each page in a
 * language is asked for as a first visit and as a returning reader (with the language's cookie),
 * since the two are kept apart (the first visit's answer sets that cookie). What they answer is
 * not looked at. Plain JavaScript (types in JSDoc) because Node runs the server as is.
 */
import { request as httpRequest } from 'node:http';
import { localeCookie } from '../i18n/negotiate.mjs';

/** Long enough for a cold render on a slow machine; a server that cannot warm up still starts. */
const WARM_UP_LIMIT_MS = 15_000;
const FIXED_PATHS = ['/zh', '/en', '/zh/tags', '/feed.xml'];
/** Of a large blog's sitemap, the first pages only: enough to load every kind of page. */
const SITEMAP_PATHS_MAX = 24;
const AT_ONCE = 4;
const READING_VIEWS = ['off', 'inline', 'parallel'].flatMap((gloss) => [`?gloss=${gloss}&pinyin=0`, `?gloss=${gloss}&pinyin=1`]);
const PREVIEW = { path: '/api/comments/preview', body: JSON.stringify({ body: '**预热** warm-up, [a link](https://example.com)' }) };

/**
 * GETs a path (or POSTs `body` as JSON to it), resolving with the answer's body ('' when it failed).
 * @param {number} port
 * @param {string} path
 * @param {{ body?: string, cookie?: string }} [options]
 * @returns {Promise<string>}
 */
function read(port, path, { body, cookie } = {}) {
  return new Promise((resolve) => {
    const headers = {
      connection: 'close',
      'accept-encoding': 'identity',
      ...(cookie ? { cookie } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) }),
    };
    const outgoing = httpRequest({ host: '127.0.0.1', port, path, method: body === undefined ? 'GET' : 'POST', headers }, (answer) => {
      /** @type {Buffer[]} */
      const chunks = [];
      answer.on('data', (chunk) => chunks.push(chunk));
      answer.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      answer.on('error', () => resolve(''));
    });
    outgoing.on('error', () => resolve(''));
    outgoing.end(body);
  });
}

/**
 * Reads every path, AT_ONCE at a time; a page in a language a second time as a returning reader.
 * @param {number} port
 * @param {string[]} paths
 * @returns {Promise<number>} How many requests were made.
 */
async function readAll(port, paths) {
  const queue = paths.flatMap((path) => {
    const locale = /^\/(zh|en)(?:[/?]|$)/.exec(path)?.[1];
    return [{ path }, ...(locale ? [{ path, cookie: `${localeCookie}=${locale}` }] : [])];
  });
  const made = queue.length;
  await Promise.all(
    Array.from({ length: AT_ONCE }, async () => {
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) await read(port, next.path, { cookie: next.cookie });
    }),
  );
  return made;
}

/**
 * The paths a first post of the sitemap gives (its pages in both languages and every reading view,
 * its comments page, thread, notes, feed and glossary), or none when the sitemap lists no post.
 * @param {string} sitemap
 */
export function postPaths(sitemap) {
  const slug = /<loc>[^<]*\/(?:zh|en)\/posts\/([^/<?#]+)<\/loc>/.exec(sitemap)?.[1];
  if (!slug) return [];
  return [
    ...['zh', 'en'].flatMap((locale) => [`/${locale}/posts/${slug}`, ...READING_VIEWS.map((view) => `/${locale}/posts/${slug}${view}`)]),
    `/zh/posts/${slug}/comments`,
    `/api/posts/${slug}/comments`,
    `/api/posts/${slug}/annotations/`,
    `/feed/${slug}.xml`,
    `/glossary/${slug}.json`,
  ];
}

/**
 * The other pages the sitemap lists (tags, credits), as paths, up to SITEMAP_PATHS_MAX.
 * @param {string} sitemap
 */
export function otherSitemapPaths(sitemap) {
  const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].flatMap(([, loc]) => {
    try {
      const { pathname } = new URL(loc ?? '');
      return /\/posts\//.test(pathname) || FIXED_PATHS.includes(pathname) ? [] : [pathname];
    } catch {
      return [];
    }
  });
  return [...new Set(paths)].slice(0, SITEMAP_PATHS_MAX);
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
    const [sitemap, fixed] = await Promise.all([read(port, '/sitemap.xml'), readAll(port, FIXED_PATHS)]);
    const [more] = await Promise.all([readAll(port, [...postPaths(sitemap), ...otherSitemapPaths(sitemap)]), read(port, PREVIEW.path, { body: PREVIEW.body })]);
    paths = 1 + fixed + more + 1;
  })();
  await Promise.race([work, new Promise((resolve) => setTimeout(resolve, WARM_UP_LIMIT_MS).unref())]);
  await new Promise((resolve) => {
    server.close(() => resolve(undefined));
    server.closeAllConnections();
  });
  return { paths, ms: Math.round(performance.now() - started) };
}
