/**
 * The production HTTP server: Next's request handler behind Node's http server, so that the
 * client's address (the socket's peer) reaches the app in a header no client can set: any
 * incoming PEER_HEADER is overwritten (lib/http/peer-header.mjs). Started by scripts/start.mjs.
 *
 * Answers the app has published to lib/http/memory-answers.ts (today: a post's comment thread as
 * an anonymous reader sees it, between writes) are sent from memory without running Next, through
 * the registry both import (lib/http/memory-answers-registry.mjs).
 *
 * Prerendered pages and public files are answered from memory too, once Next has answered them
 * once (lib/http/page-cache.mjs): the page a request gets is decided by the same module as
 * proxy.ts (lib/http/route-decision.mjs), and the app drops the kept pages whenever it changes
 * what they show. PAGE_CACHE_MB bounds the memory they take (default 64).
 *
 * A path whose percent-encoding cannot be decoded (`/posts/%E0%A4%A`) would make Next fail with a
 * 500 before any route runs; it is answered here instead: 400, as the API's JSON error under
 * /api/ and as a short page in both languages elsewhere.
 *
 * Every HTML page is sent with a Content-Security-Policy that lists the hashes of its own inline
 * scripts (lib/http/page-policy.mjs), and answers are compressed here rather than by Next.
 *
 * Every request gets an id (answered in X-Request-Id) and one JSON line in the log
 * (lib/http/request-log.mjs).
 *
 * A write from another site's page (lib/http/same-origin.mjs) is refused here, before any route
 * runs: 403 `request.crossOrigin`. So are methods no route takes (405), form posts to pages
 * without a length or over 1 MB (411, 413), and requests that do not arrive in full in time
 * (408; lib/http/http-limits.mjs). A form post to a page is read in full first and refused (400)
 * when Next could not decode it as a form (lib/http/action-body.mjs).
 *
 * Before it listens on its port, the server asks itself for a few pages on a loopback port of its
 * own, so the first readers after a start do not wait for routes to load (lib/http/warm-up.mjs).
 */
import { readFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import compression from 'compression';
import next from 'next';
import { actionBodyProblem, readBody, readsActionBody, replayedRequest } from '../lib/http/action-body.mjs';
import { answerUnsupportedMethod, FORM_BODY_MAX_BYTES, formPostProblem, isSupportedMethod, refuse, requestTimeouts } from '../lib/http/http-limits.mjs';
import { answerFromMemory } from '../lib/http/memory-answers-registry.mjs';
import { createPageCache } from '../lib/http/page-cache.mjs';
import { registerPageCache } from '../lib/http/page-cache-registry.mjs';
import { PEER_HEADER, peerAddress, peerHeaderValue } from '../lib/http/peer-header.mjs';
import { answerWithPagePolicy, SCRIPTLESS_PAGE_POLICY } from '../lib/http/page-policy.mjs';
import { loggedFromMemory, logRequest, REQUEST_ID_HEADER } from '../lib/http/request-log.mjs';
import { alignActionHost, isCrossOriginWrite } from '../lib/http/same-origin.mjs';
import { selfHost } from '../lib/http/self-address.mjs';
import { warmUp } from '../lib/http/warm-up.mjs';
import { shutDown } from '../lib/process-wide.mjs';
import { sessionSecretProblem } from '../lib/session-secret.mjs';

const secretProblem = sessionSecretProblem(process.env);
if (secretProblem) {
  console.error(`Not starting: ${secretProblem}`);
  process.exit(1);
}

const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOST || '127.0.0.1';
/** Where this server reaches itself. */
const ownHost = selfHost(hostname);
// Next's name for this server, in the URLs it builds for itself, not where it listens. Next gives
// proxy.ts a request URL on `localhost` whatever the hostname, and compares a rewrite's target with
// its own name: any other name here makes every rewrite (a post in another reading mode) a second
// HTTP request through this server.
const app = next({ dev: false, hostname: 'localhost', port, dir: process.cwd() });
await app.prepare();
const handle = app.getRequestHandler();
// Next's own compression is off (next.config.mjs): it would compress before the page policy reads
// the HTML. This one sits outside the policy, so it compresses what the policy let through.
const compress = compression({ threshold: 1024 });
const pageCacheMb = Number(process.env.PAGE_CACHE_MB);
const REFRESH_TIMEOUT_MS = 30_000;
const pages = registerPageCache(
  createPageCache({
    maxBytes: (Number.isFinite(pageCacheMb) && pageCacheMb >= 0 ? pageCacheMb : 64) * 1024 * 1024,
    // A stale page is rendered again by a request of the server to itself, in the background;
    // over when the request is (a render that hangs is given up after REFRESH_TIMEOUT_MS).
    refresh: (path, headers) =>
      new Promise((resolve) => {
        const refreshing = httpRequest({ host: ownHost, port, path, headers, timeout: REFRESH_TIMEOUT_MS }, (answer) => answer.resume());
        refreshing.on('timeout', () => refreshing.destroy(new Error(`no answer in ${REFRESH_TIMEOUT_MS} ms`)));
        refreshing.on('error', (error) => console.error(`refreshing ${path} failed: ${error.message}`));
        refreshing.on('close', () => resolve(undefined));
        refreshing.end();
      }),
  }),
);

const badAddress = Object.fromEntries(
  ['zh', 'en'].map((locale) => [locale, JSON.parse(readFileSync(new URL(`../lib/i18n/locales/${locale}.json`, import.meta.url), 'utf8')).badAddress]),
);
const escapeHtml = (text) => text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);
const badAddressPage = `<!doctype html>
<html lang="zh-Hans"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${escapeHtml(badAddress.zh.title)} · ${escapeHtml(badAddress.en.title)}</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.6">
<h1>${escapeHtml(badAddress.zh.title)}</h1><p>${escapeHtml(badAddress.zh.body)}</p><p><a href="/zh">${escapeHtml(badAddress.zh.home)}</a></p>
<div lang="en"><h2>${escapeHtml(badAddress.en.title)}</h2><p>${escapeHtml(badAddress.en.body)}</p><p><a href="/en">${escapeHtml(badAddress.en.home)}</a></p></div>
</body></html>
`;

/** Whether the path (not the query, which is decoded leniently) has a percent-escape that does not decode. */
function hasMalformedPath(url = '/') {
  const end = url.search(/[?#]/);
  try {
    decodeURIComponent(end === -1 ? url : url.slice(0, end));
    return false;
  } catch {
    return true;
  }
}

function answerBadAddress(request, response) {
  const api = request.url.startsWith('/api/');
  const body = api ? JSON.stringify({ error: { code: 'request.invalid', message: 'the path has a malformed percent-encoding' } }) : badAddressPage;
  response.writeHead(400, {
    'Content-Type': api ? 'application/json' : 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    ...(api ? {} : { 'Content-Security-Policy': SCRIPTLESS_PAGE_POLICY }),
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}

const timeouts = requestTimeouts(process.env);
// Node checks the time limits on this interval (30 s by default), which would let a stalled
// request outlive its limit by up to that much.
const server = createServer({ requestTimeout: timeouts.request, headersTimeout: timeouts.headers, connectionsCheckingInterval: 1000 }, (request, response) => {
  const id = logRequest(request, response);
  const kept = stopping ? null : pages.lookup(request);
  if (kept?.entry) {
    loggedFromMemory(response);
    pages.send(kept.entry, request, response, [REQUEST_ID_HEADER, id]);
    return;
  }
  response.setHeader(REQUEST_ID_HEADER, id);
  if (stopping) response.setHeader('Connection', 'close');
  if (answerFromMemory(request, response)) {
    loggedFromMemory(response);
    return;
  }
  if (!isSupportedMethod(request.method)) {
    answerUnsupportedMethod(request, response);
    return;
  }
  if (hasMalformedPath(request.url)) {
    answerBadAddress(request, response);
    return;
  }
  if (isCrossOriginWrite(request, process.env.SITE_URL)) {
    refuse(request, response, 403, 'request.crossOrigin', { Vary: 'Origin' });
    return;
  }
  const formProblem = formPostProblem(request);
  if (formProblem) {
    refuse(request, response, formProblem.status, formProblem.code);
    return;
  }
  alignActionHost(request);
  request.headers[PEER_HEADER] = peerHeaderValue(peerAddress(request.socket.remoteAddress));
  if (!readsActionBody(request)) {
    passToNext(request, response, kept);
    return;
  }
  readBody(request, FORM_BODY_MAX_BYTES).then(async (body) => {
    if (body === null) {
      response.destroy();
      return;
    }
    const problem = await actionBodyProblem(request.headers, body);
    if (problem) {
      refuse(request, response, 400, problem);
      return;
    }
    passToNext(replayedRequest(request, body), response, kept);
  });
});

/** Lets Next answer, compressed here, kept in memory when it is a page that can be. */
function passToNext(request, response, kept) {
  compress(request, response, () => {
    if (kept) pages.capture(kept, response);
    answerWithPagePolicy(response);
    handle(request, response).catch((error) => {
      console.error(error);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
}
server.keepAliveTimeout = 65_000;
// Stop taking connections and let the requests in flight finish. A keep-alive connection is closed
// as soon as it is idle (its answers say `Connection: close` meanwhile), not when its timeout runs
// out; whatever is still open after STOP_GRACE_MS is cut. Then the database and Redis are closed.
const STOP_GRACE_MS = 10_000;
let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  const sweep = setInterval(() => server.closeIdleConnections(), 50);
  const deadline = setTimeout(() => server.closeAllConnections(), STOP_GRACE_MS);
  server.close(() => {
    clearInterval(sweep);
    clearTimeout(deadline);
    shutDown().finally(() => process.exit(0));
  });
  server.closeIdleConnections();
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, stop);

// Routes loaded before the first reader's request (lib/http/warm-up.mjs), then the site's port.
const warmed = await warmUp(server);
console.log(`warmed up: ${warmed.paths} paths in ${warmed.ms} ms`);
server.listen(port, hostname, () => console.log(`ready: listening on http://${hostname}:${port}`));
