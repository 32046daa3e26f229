// @ts-check
/**
 * The Content-Security-Policy of every HTML page, with the hash of each inline script the page
 * carries, so that no other inline script runs (no `'unsafe-inline'` for scripts) while the pages
 * stay prerendered: a nonce would make every page dynamic, a hash is a fact about the bytes sent.
 * Next's inline scripts (the RSC payload, its bootstrap) differ from page to page and change when
 * a comment re-renders the post, so the hashes are computed from the body as it is answered.
 *
 * `answerWithPagePolicy` wraps an answer before Next writes it: an HTML body is held until it is
 * complete, hashed and sent with its policy; every other answer passes through untouched. It sits
 * inside the compression (scripts/server.mjs), so it reads the body before it is compressed. A
 * page answered again unchanged (the same ETag and length) reuses the policy it had.
 *
 * What a post may embed is the author's choice: images, audio, video and frames from any https
 * address (a moved blog keeps its embeds); scripts only from this site. Readers' text has no
 * such elements (lib/ugc/render-markdown.ts). Plain JavaScript, types in JSDoc: Node runs
 * scripts/server.mjs as is.
 */
import { createHash } from 'node:crypto';
import { takeHead } from './response-head.mjs';

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

/**
 * `'sha256-…'` sources for each inline script of an HTML document, in document order, without
 * repeats. A script with a `src` runs under `'self'` and needs none.
 * @param {string} html
 * @returns {string[]}
 */
export function inlineScriptHashes(html) {
  const hashes = new Set();
  for (const [, attributes, text] of html.matchAll(INLINE_SCRIPT)) {
    if (/\ssrc\s*=/i.test(` ${attributes}`)) continue;
    hashes.add(`'sha256-${createHash('sha256').update(text ?? '', 'utf8').digest('base64')}'`);
  }
  return [...hashes];
}

/**
 * The policy of a page whose inline scripts have these hashes.
 * @param {string[]} scriptHashes
 * @returns {string}
 */
export function pagePolicy(scriptHashes) {
  return [
    "default-src 'self'",
    ['script-src', "'self'", ...scriptHashes].join(' '),
    // Next inlines the stylesheet (experimental.inlineCss) and React writes style attributes.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https:",
    "media-src 'self' https:",
    'frame-src https:',
    "font-src 'self' data:",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'none'",
  ].join('; ');
}

/** The policy of a page with no script at all (the server's own 400 page). */
export const SCRIPTLESS_PAGE_POLICY = pagePolicy([]).replace("script-src 'self'", "script-src 'none'");

const HTML_TYPE = /^\s*text\/html\b/i;

/**
 * Policies of pages already answered, by the page's ETag (Next's hash of the body): a prerendered
 * page is answered many times between two renders, and is hashed once. Bounded; the oldest go.
 */
const POLICY_CACHE_SIZE = 256;
/** @type {Map<string, string>} */
const policiesByEtag = new Map();

/**
 * @param {Buffer} body
 * @param {unknown} etag
 */
function policyOf(body, etag) {
  const key = typeof etag === 'string' && etag.length > 0 ? `${etag} ${body.length}` : null;
  const known = key ? policiesByEtag.get(key) : undefined;
  if (known) return known;
  const policy = pagePolicy(inlineScriptHashes(body.toString('utf8')));
  if (key) {
    policiesByEtag.set(key, policy);
    if (policiesByEtag.size > POLICY_CACHE_SIZE) policiesByEtag.delete(policiesByEtag.keys().next().value ?? '');
  }
  return policy;
}

/**
 * Makes the answer carry the page policy when it turns out to be HTML. Called before the answer is
 * handed to Next.
 * @param {import('node:http').ServerResponse} response
 */
export function answerWithPagePolicy(response) {
  const original = { writeHead: response.writeHead, write: response.write, end: response.end, flushHeaders: response.flushHeaders };
  /** @type {Buffer[]} */
  const chunks = [];
  /** @type {boolean | undefined} whether the body is held for hashing; decided once the type is known */
  let holding;
  const decide = () => {
    holding ??= HTML_TYPE.test(String(response.getHeader('content-type') ?? ''));
    if (!holding) Object.assign(response, original);
    return holding;
  };
  /** @param {unknown} chunk @param {unknown} encoding */
  const keep = (chunk, encoding) => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(/** @type {string} */ (chunk), typeof encoding === 'string' ? /** @type {BufferEncoding} */ (encoding) : 'utf8'));
  };

  /** @type {any} */ (response).writeHead = function (/** @type {unknown[]} */ ...args) {
    takeHead(response, args);
    if (!decide()) return original.writeHead.call(response, response.statusCode);
    return response;
  };
  // Next flushes the headers before a streamed body's first chunk; an HTML answer's wait for its policy.
  response.flushHeaders = function () {
    if (!decide()) original.flushHeaders.call(response);
  };
  /** @type {any} */ (response).write = function (/** @type {unknown} */ chunk, /** @type {unknown} */ encoding, /** @type {unknown} */ callback) {
    if (!decide()) return original.write.apply(response, /** @type {any} */ ([chunk, encoding, callback].filter((each) => each !== undefined)));
    keep(chunk, encoding);
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') process.nextTick(done);
    return true;
  };
  /** @type {any} */ (response).end = function (/** @type {unknown} */ chunk, /** @type {unknown} */ encoding, /** @type {unknown} */ callback) {
    if (!decide()) return original.end.apply(response, /** @type {any} */ ([chunk, encoding, callback].filter((each) => each !== undefined)));
    keep(chunk, encoding);
    const done = [chunk, encoding, callback].find((each) => typeof each === 'function');
    Object.assign(response, original);
    const body = Buffer.concat(chunks);
    // A 304 updates the headers of the copy the browser keeps: a policy hashed from no body would
    // block that copy's scripts, so the kept one stands.
    if (response.statusCode === 304) response.removeHeader('content-security-policy');
    else response.setHeader('Content-Security-Policy', policyOf(body, response.getHeader('etag')));
    return original.end.call(response, body, /** @type {any} */ (done));
  };
}
