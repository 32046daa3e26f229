// @ts-check
/**
 * Prerendered pages and public files, answered from memory by the HTTP server (scripts/server.mjs)
 * without running Next: the post in each reading state and locale, the lists, tags, feeds,
 * sitemap, robots, glossaries, and every file Next serves from `public/` and `_next/static/`.
 *
 * A GET that Next answered with a shared answer (200, `Cache-Control` public or `s-maxage`, no
 * cookie but the choices the routing decision remembers) is kept: its bytes, its headers, and
 * its gzip and brotli forms, compressed once. The next request that routes to the same page
 * (lib/http/route-decision.mjs, the decision proxy.ts carries out too) with the same choices to
 * remember gets those bytes with an `ETag`, or `304 Not Modified` when it already has them.
 *
 * Freshness: any change the app makes to what pages show (a comment, a moderator's decision, and
 * on PostgreSQL another instance's: lib/db/change-feed.ts) makes every kept page stale at once,
 * through `pagesChanged` (lib/http/page-cache-registry.mjs), before the change is reported done;
 * so does time, after `freshMs` (a minute, the backstop for changes made behind the app's back,
 * as Next's own revalidation is). A stale page is rendered again by one request while the others
 * get the kept copy; an unchanged body keeps its compressed forms, and an answer begun before a
 * change is kept only as stale. After a change, that one request is the next reader's, who waits
 * for it, so a change is on the page for whoever loads it next. A page merely past its minute is
 * rendered again by `refresh` (the server's own HTTP request to itself, marked with a one-time
 * token in REFRESH_HEADER) in the background, one render at a time, every reader getting the kept
 * copy meanwhile; without `refresh`, by the next reader. Whoever made the change sees it at
 * once: a request with a personal cookie (lib/http/personal-cookies.mjs: the comments this
 * browser wrote, the admin's session) is never answered from here. Files under `_next/static/`
 * are immutable and kept until memory is short.
 *
 * Memory: bounded by `maxBytes` (bodies and their compressed forms); the least recently used go.
 */
import { createHash, randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { acceptedEncoding } from './accept-encoding.mjs';
import { takeHead } from './response-head.mjs';
import { cookieHeaderMatcher, PERSONAL_COOKIES } from './personal-cookies.mjs';
import { decideRoute } from './route-decision.mjs';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** The header of a request the cache made to have a stale page rendered again; its value is a one-time token. */
export const REFRESH_HEADER = 'x-duizhao-refresh';

/** How long a kept page nothing has changed is answered before Next is asked again. */
export const PAGE_FRESH_MS = 60_000;
/** Answers larger than this are not kept (a video in `public/`, say). */
const MAX_ENTRY_BYTES = 4 * 1024 * 1024;
/** Below this size compression saves too little to be worth it (the threshold of Next's own). */
const COMPRESS_MIN_BYTES = 1024;
/** A refresh that has not come back in this long no longer holds the others on the kept copy. */
const REFRESH_PATIENCE_MS = 10_000;
/** Brotli at its best costs ~0.3 s of CPU for a post page: spent once a page has held still this long. */
const BEST_BROTLI_AFTER_MS = 10_000;
const QUICK_BROTLI = 5;
const BEST_BROTLI = 11;

/** Request headers that make Next answer something else at the same URL (RSC payloads, actions, ranges). */
const VARIANT_HEADERS = ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-action', 'next-url', 'range'];
/** Matches a Cookie header that carries a personal cookie. */
const PERSONAL = cookieHeaderMatcher(PERSONAL_COOKIES);
/** Headers of an answer that belong to one exchange or that the cache sets itself. */
const OWN_HEADERS = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding', 'etag', 'vary', 'x-request-id']);
const COMPRESSIBLE = /^(?:text\/|application\/(?:json|ld\+json|xml|atom\+xml|rss\+xml|javascript|manifest\+json)|image\/svg\+xml)/i;

/**
 * @typedef {import('node:http').IncomingMessage} IncomingMessage
 * @typedef {import('node:http').ServerResponse} ServerResponse
 * @typedef {{ identity: Buffer, gzip: Buffer | null, br: Buffer | null }} Bodies
 * @typedef {object} Entry
 * @property {string} key
 * @property {Array<[string, string | string[]]>} headers As Next sent them, less OWN_HEADERS.
 * @property {string} vary
 * @property {Bodies} bodies
 * @property {Partial<Record<'br' | 'gzip' | 'identity', { full: string[], notModified: string[] }>>} heads
 * @property {number} brotliQuality
 * @property {string} hash
 * @property {number} stored When this body was first kept (it is unchanged since).
 * @property {number} expires Infinity for immutable files.
 * @property {number} refreshing When a request went to Next to refresh it; 0 when none did.
 * @property {number} bytes
 * @property {boolean} immutable
 * @typedef {{ key: string, entry: Entry | null, generation: number, rememberable: Set<string>, vary: string | null, refresh: Entry | null }} Lookup
 */

/** @param {IncomingMessage} request @param {string} name */
function cookieReader(request, name) {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at !== -1 && part.slice(0, at).trim() === name) {
      const value = part.slice(at + 1).trim();
      try {
        return decodeURIComponent(value);
      } catch {
        return value;
      }
    }
  }
  return undefined;
}

/** @param {string | string[] | number | undefined} value */
const headerText = (value) => (Array.isArray(value) ? value.join(', ') : value === undefined ? '' : String(value));

/**
 * Whether Next's `Cache-Control` says the answer is the same for everyone.
 * @param {string} cacheControl
 */
function isShared(cacheControl) {
  return /\b(?:public|s-maxage=\d+)/i.test(cacheControl) && !/\b(?:private|no-store|no-cache)\b/i.test(cacheControl);
}

/**
 * Whether If-None-Match names the kept body, in any of its encodings (they are one entity).
 * @param {Entry} entry
 * @param {string | string[]} header
 */
function holdsEntity(entry, header) {
  return headerText(header)
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === `"${entry.hash}"` || tag.startsWith(`"${entry.hash}-`));
}

/**
 * @param {{ maxBytes: number, freshMs?: number, now?: () => number, refresh?: (path: string, headers: Record<string, string>) => Promise<void> }} options
 *   `refresh` sends a GET of `path` with `headers` to this server, answered as any other request,
 *   and settles once the answer is over.
 */
export function createPageCache({ maxBytes, freshMs = PAGE_FRESH_MS, now = Date.now, refresh }) {
  /** Tokens of the refreshes asked for and not yet arrived. */
  const refreshTokens = new Set();
  /** @type {Map<string, Entry>} in least-recently-used order */
  const entries = new Map();
  let bytes = 0;
  let generation = 0;
  const counts = { hits: 0, stale: 0, misses: 0, stored: 0, notModified: 0, refreshes: 0 };
  /** Refreshes waiting for the one in progress: each page once, in the order readers asked. */
  /** @type {Map<string, { path: string, headers: Record<string, string> }>} */
  const refreshQueue = new Map();
  let refreshRunning = false;

  /** Starts the next queued refresh, unless one is running. */
  function nextRefresh() {
    if (refreshRunning || !refresh) return;
    const next = refreshQueue.entries().next();
    if (next.done) return;
    const [key, { path, headers }] = next.value;
    refreshQueue.delete(key);
    refreshRunning = true;
    counts.refreshes += 1;
    const token = randomUUID();
    refreshTokens.add(token);
    // A token whose request never arrives is forgotten with the patience it was given.
    setTimeout(() => refreshTokens.delete(token), REFRESH_PATIENCE_MS).unref();
    refresh(path, { ...headers, [REFRESH_HEADER]: token })
      .catch(() => undefined)
      .finally(() => {
        refreshRunning = false;
        nextRefresh();
      });
  }

  /** @param {Entry} entry */
  function forget(entry) {
    if (entries.get(entry.key) === entry) {
      entries.delete(entry.key);
      bytes -= entry.bytes;
    }
  }

  /** @param {Entry} entry */
  function keep(entry) {
    const old = entries.get(entry.key);
    if (old) forget(old);
    if (entry.bytes > maxBytes) return;
    entries.set(entry.key, entry);
    bytes += entry.bytes;
    for (const oldest of entries.values()) {
      if (bytes <= maxBytes) break;
      forget(oldest);
    }
  }

  /**
   * The routing decision's key for a request, remembered by what it reads (the URL, the cookies,
   * Accept-Language): a returning reader's requests repeat, and deciding costs more than the rest
   * of an answer from memory. Bounded: cleared when full.
   * @type {Map<string, { key: string, rememberable: Set<string>, vary: string | null } | null>}
   */
  const routes = new Map();
  const ROUTES_KEPT = 4096;

  /** @param {IncomingMessage} request */
  function routeOf(request) {
    const url = request.url ?? '/';
    const acceptLanguage = headerText(request.headers['accept-language']);
    const identity = `${url}\n${request.headers.cookie ?? ''}\n${acceptLanguage}`;
    const memo = identity.length <= 2048;
    const known = memo ? routes.get(identity) : undefined;
    if (known !== undefined) return known;
    let route = null;
    try {
      const { pathname, search } = new URL(url, 'http://localhost');
      const decision = decideRoute({ pathname, search, cookie: (name) => cookieReader(request, name), acceptLanguage });
      if (decision.kind !== 'redirect' && decision.page !== null) {
        route = {
          key: `${decision.page} ${decision.cookies.map(({ name, value }) => `${name}=${value}`).join('; ')}`,
          rememberable: new Set(decision.cookies.map(({ name }) => name)),
          vary: decision.vary,
        };
      }
    } catch {
      route = null;
    }
    if (memo) {
      if (routes.size >= ROUTES_KEPT) routes.clear();
      routes.set(identity, route);
    }
    return route;
  }

  /** @type {Map<string, 'br' | 'gzip' | 'identity'>} Accept-Encoding headers seen (a handful of browsers send most). */
  const encodings = new Map();
  /** @param {string} header */
  function encodingFor(header) {
    let encoding = encodings.get(header);
    if (encoding === undefined) {
      encoding = acceptedEncoding(header);
      if (encodings.size >= 256) encodings.clear();
      encodings.set(header, encoding);
    }
    return encoding;
  }

  /**
   * Whether the request may be answered from memory, and if so under which key; with the kept
   * entry when there is one to answer with. Null: not a request for a shared answer.
   * @param {IncomingMessage} request
   * @returns {Lookup | null}
   */
  function lookup(request) {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || !request.url || request.url.startsWith('/api/')) return null;
    if (VARIANT_HEADERS.some((name) => request.headers[name] !== undefined)) return null;
    if (request.headers.cookie && PERSONAL?.test(request.headers.cookie)) return null;
    const routed = routeOf(request);
    if (!routed) return null;
    const { key, rememberable, vary } = routed;
    const entry = entries.get(key) ?? null;
    const found = { key, entry: null, generation, rememberable, vary, refresh: null };
    // The cache's own request for a fresh render: to Next, whatever is kept.
    const token = request.headers[REFRESH_HEADER];
    if (typeof token === 'string' && refreshTokens.delete(token)) return request.method === 'GET' ? { ...found, refresh: entry } : null;
    if (!entry) return request.method === 'GET' ? found : null;
    const at = now();
    if (at < entry.expires) {
      // Most recently used last: re-inserting costs little against a Map of a few hundred.
      entries.delete(key);
      entries.set(key, entry);
      return { ...found, entry };
    }
    // Stale: one GET asks Next again; until it is back, everyone else gets the kept copy.
    if (request.method === 'HEAD' || (entry.refreshing && at - entry.refreshing < REFRESH_PATIENCE_MS)) {
      counts.stale += 1;
      return { ...found, entry };
    }
    entry.refreshing = at;
    // After a change (expires 0) the next reader waits for the new render, so that the change is
    // on the page for whoever loads it next (a queue of background renders behind a burst of
    // writes could hold it back for seconds); a page merely past its minute is rendered again in
    // the background. Without a refresher, this request renders it again.
    if (!refresh || entry.expires === 0) return { ...found, refresh: entry };
    refreshQueue.set(key, {
      path: request.url,
      headers: {
        'accept-encoding': 'identity',
        ...(request.headers.cookie ? { cookie: request.headers.cookie } : {}),
        ...(request.headers['accept-language'] ? { 'accept-language': headerText(request.headers['accept-language']) } : {}),
      },
    });
    nextRefresh();
    counts.stale += 1;
    return { ...found, entry };
  }

  /**
   * Sends the kept answer: 304 when the request holds it already, else the body in the best
   * encoding the client takes. `extraHeaders` (name, value, ...) go with it: the request's id.
   * @param {Entry} entry
   * @param {IncomingMessage} request
   * @param {ServerResponse} response
   * @param {string[]} [extraHeaders]
   */
  function send(entry, request, response, extraHeaders = []) {
    counts.hits += 1;
    const compressible = entry.bodies.gzip !== null;
    const accepted = compressible ? encodingFor(headerText(request.headers['accept-encoding'])) : 'identity';
    const encoding = accepted === 'br' && entry.bodies.br ? 'br' : accepted === 'gzip' && entry.bodies.gzip ? 'gzip' : 'identity';
    const ifNoneMatch = request.headers['if-none-match'];
    if (ifNoneMatch !== undefined && holdsEntity(entry, ifNoneMatch)) {
      counts.notModified += 1;
      // What a 304 updates in the kept copy; a policy is the one hashed from that copy's body.
      response.writeHead(304, [...headsOf(entry, encoding).notModified, ...extraHeaders]);
      response.end();
      return;
    }
    response.writeHead(200, extraHeaders.length ? [...headsOf(entry, encoding).full, ...extraHeaders] : headsOf(entry, encoding).full);
    response.end(request.method === 'HEAD' ? undefined : entry.bodies[encoding]);
    if (compressible && entry.brotliQuality < BEST_BROTLI && now() - entry.stored >= BEST_BROTLI_AFTER_MS) improveBrotli(entry);
  }

  /**
   * The headers of each encoding's answer, flat (name, value, ...) as `writeHead` takes them
   * fastest; made once per entry and encoding.
   * @param {Entry} entry
   * @param {'br' | 'gzip' | 'identity'} encoding
   */
  function headsOf(entry, encoding) {
    const made = entry.heads[encoding];
    if (made) return made;
    const etag = encoding === 'identity' ? `"${entry.hash}"` : `"${entry.hash}-${encoding}"`;
    const body = entry.bodies[encoding] ?? entry.bodies.identity;
    /** @type {string[]} */
    const full = [];
    /** @type {string[]} */
    const notModified = [];
    for (const [name, value] of entry.headers) {
      for (const each of Array.isArray(value) ? value : [value]) {
        full.push(name, each);
        if (!name.startsWith('content-') && name !== 'set-cookie') notModified.push(name, each);
      }
    }
    full.push('etag', etag, 'vary', entry.vary, 'content-length', String(body.length));
    if (encoding !== 'identity') full.push('content-encoding', encoding);
    notModified.push('etag', etag, 'vary', entry.vary);
    const heads = { full, notModified };
    entry.heads[encoding] = heads;
    return heads;
  }

  /** @param {Entry} entry */
  function improveBrotli(entry) {
    entry.brotliQuality = BEST_BROTLI;
    brotliAsync(entry.bodies.identity, brotliOptions(entry.bodies.identity, BEST_BROTLI)).then(
      (better) => {
        if (entries.get(entry.key) !== entry || !entry.bodies.br) return;
        bytes += better.length - entry.bodies.br.length;
        entry.bytes += better.length - entry.bodies.br.length;
        entry.bodies.br = better;
        entry.heads.br = undefined;
      },
      () => {},
    );
  }

  /**
   * Keeps what Next answers to this request, when it is a shared answer: watches the answer as
   * it is written (the body before compression, the headers as Next set them).
   * @param {Lookup} found
   * @param {ServerResponse} response
   */
  function capture(found, response) {
    counts.misses += 1;
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    let tooBig = false;
    const original = { writeHead: response.writeHead, write: response.write, end: response.end };
    /** @type {any} */ (response).writeHead = function (/** @type {unknown[]} */ ...args) {
      takeHead(response, args);
      return original.writeHead.call(response, response.statusCode);
    };
    /** @param {unknown} chunk @param {unknown} encoding */
    const take = (chunk, encoding) => {
      if (tooBig || chunk === undefined || chunk === null || typeof chunk === 'function') return;
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(/** @type {string} */ (chunk), typeof encoding === 'string' ? /** @type {BufferEncoding} */ (encoding) : 'utf8');
      size += buffer.length;
      if (size > MAX_ENTRY_BYTES) {
        tooBig = true;
        chunks.length = 0;
      } else chunks.push(buffer);
    };
    /** @type {any} */ (response).write = function (/** @type {unknown[]} */ ...args) {
      take(args[0], args[1]);
      return original.write.apply(response, /** @type {any} */ (args));
    };
    /** @type {any} */ (response).end = function (/** @type {unknown[]} */ ...args) {
      take(args[0], args[1]);
      const result = original.end.apply(response, /** @type {any} */ (args));
      if (!tooBig) void remember(found, response, Buffer.concat(chunks));
      else if (found.refresh) forget(found.refresh);
      return result;
    };
    // A render cut short lets the next request try again; a finished one is being kept.
    response.once('close', () => {
      if (found.refresh && !response.writableFinished) found.refresh.refreshing = 0;
    });
  }

  /**
   * @param {Lookup} found
   * @param {ServerResponse} response
   * @param {Buffer} body
   */
  async function remember(found, response, body) {
    const headers = response.getHeaders();
    const cookies = [headers['set-cookie'] ?? []].flat().map(String);
    const shared =
      response.statusCode === 200 &&
      isShared(headerText(headers['cache-control'])) &&
      headers['content-type'] !== undefined &&
      cookies.every((cookie) => found.rememberable.has(cookie.slice(0, cookie.indexOf('=')).trim()));
    if (!shared) {
      if (found.refresh) forget(found.refresh);
      return;
    }
    const hash = createHash('sha256').update(body).digest('base64url').slice(0, 27);
    const previous = found.refresh ?? entries.get(found.key);
    const immutable = /\bimmutable\b/i.test(headerText(headers['cache-control']));
    const compressible = body.length >= COMPRESS_MIN_BYTES && COMPRESSIBLE.test(headerText(headers['content-type']));
    /** @type {Bodies} */
    let bodies = { identity: body, gzip: null, br: null };
    let brotliQuality = QUICK_BROTLI;
    let stored = now();
    if (previous && previous.hash === hash) {
      bodies = previous.bodies;
      brotliQuality = previous.brotliQuality;
      stored = previous.stored;
    } else if (compressible) {
      const [gzipped, brotli] = await Promise.all([gzipAsync(body, { level: 9 }), brotliAsync(body, brotliOptions(body, QUICK_BROTLI))]);
      bodies = { identity: body, gzip: gzipped, br: brotli };
    }
    // A change to the pages since this answer was rendered: it may show the page before it, so it
    // is kept stale, to be answered only while the next render is on its way (under a stream of
    // writes, every render ends after another change).
    const changed = found.generation !== generation;
    // What the routing decision read (the reading-state cookies) is part of the answer's identity
    // too, whether or not Next's own Vary kept what proxy.ts said.
    const named = [...headerText(headers.vary).split(','), ...(found.vary ?? '').split(','), ...(compressible ? ['Accept-Encoding'] : [])];
    const vary = [...new Map(named.map((name) => name.trim()).filter(Boolean).map((name) => [name.toLowerCase(), name])).values()].join(', ');
    /** @type {Array<[string, string | string[]]>} */
    const kept = [];
    for (const [name, value] of Object.entries(headers)) {
      if (value !== undefined && !OWN_HEADERS.has(name)) kept.push([name, typeof value === 'number' ? String(value) : value]);
    }
    const size = bodies.identity.length + (bodies.gzip?.length ?? 0) + (bodies.br?.length ?? 0) + found.key.length * 2 + 1024;
    counts.stored += 1;
    keep({ key: found.key, headers: kept, vary, bodies, heads: {}, brotliQuality, hash, stored, expires: immutable ? Infinity : changed ? 0 : now() + freshMs, refreshing: 0, bytes: size, immutable });
  }

  /** Makes every kept page (not the immutable files) stale: what they show has changed. */
  function invalidate() {
    generation += 1;
    for (const entry of entries.values()) {
      if (entry.immutable) continue;
      entry.expires = 0;
      entry.refreshing = 0;
    }
  }

  function stats() {
    return { entries: entries.size, bytes, maxBytes, ...counts };
  }

  return { lookup, send, capture, invalidate, stats };
}

/** @param {Buffer} body @param {number} quality */
function brotliOptions(body, quality) {
  return { params: { [zlib.BROTLI_PARAM_QUALITY]: quality, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length, [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT } };
}

/** @typedef {ReturnType<typeof createPageCache>} PageCache */
