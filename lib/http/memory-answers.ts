/**
 * Answers the app's HTTP server (scripts/server.mjs) sends from memory, before Next's router
 * runs: a route that has just answered a request with nothing personal in it publishes that
 * answer here, and until it expires or is withdrawn the server sends the same bytes to the next
 * such request. Next's request pipeline costs about a millisecond of CPU per request whatever the
 * route does; a post's thread, read by every visitor and changed only by writes, need not pay it.
 *
 * Only a GET of the exact path (no query) is answered, and only when the request carries none of
 * the cookies the publisher named as making its answer personal (for a thread: the reader's own
 * comments, the admin's session).
 * Everything else, and anything not published, goes to Next as before. Bodies of 1 KB and more
 * are sent gzipped to clients that accept it, as Next's own compression would.
 *
 * The registry is process-wide, and the server finds it through memory-answers-registry.mjs, the
 * contract both import.
 */
import 'server-only';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { codingQuality } from './accept-encoding.mjs';
import { memoryAnswers } from './memory-answers-registry.mjs';
import { cookieHeaderMatcher } from './personal-cookies.mjs';

type Published = { body: Buffer; gzipped: Buffer | null; contentType: string; expires: number; personal: RegExp | null };

/** Below this size gzip saves too little to be worth it (the threshold Next's compression uses). */
const GZIP_MIN_BYTES = 1024;

function createRegistry() {
  const published = new Map<string, Published>();

  /** Sends the published answer for the request and returns true, or returns false and sends nothing. */
  function answer(request: IncomingMessage, response: ServerResponse): boolean {
    if (request.method !== 'GET' || !request.url) return false;
    const entry = published.get(request.url);
    if (!entry) return false;
    if (entry.expires <= Date.now()) {
      published.delete(request.url);
      return false;
    }
    if (entry.personal?.test(request.headers.cookie ?? '')) return false;
    const gzip = entry.body.length >= GZIP_MIN_BYTES && codingQuality(request.headers['accept-encoding'], 'gzip') > 0;
    if (gzip) entry.gzipped ??= gzipSync(entry.body);
    const body = gzip && entry.gzipped ? entry.gzipped : entry.body;
    response.writeHead(200, {
      'Content-Type': entry.contentType,
      'Cache-Control': 'no-store',
      Vary: 'Accept-Encoding',
      'Content-Length': body.length,
      ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
    });
    response.end(body);
    return true;
  }

  return { published, answer };
}

const registry = memoryAnswers(createRegistry);

export type PublishOptions = {
  contentType?: string;
  /** Cookies that make the answer personal: a request carrying any of them goes to the app. */
  personalCookies?: readonly string[];
};

/** Offers `body` as the answer to GETs of `path` (as sent: percent-encoded, no query) until `expires`. */
export function publishAnswer(path: string, body: string, expires: number, { contentType = 'application/json', personalCookies = [] }: PublishOptions = {}): void {
  registry.published.set(path, { body: Buffer.from(body), gzipped: null, contentType, expires, personal: cookieHeaderMatcher(personalCookies) });
}

/** Stops answering `path` from memory; call before a change to what it shows is reported done. */
export function withdrawAnswer(path: string): void {
  registry.published.delete(path);
}

/** The body published for `path`, if it is still fresh. */
export function publishedAnswer(path: string): string | undefined {
  const entry = registry.published.get(path);
  return entry && entry.expires > Date.now() ? entry.body.toString() : undefined;
}
