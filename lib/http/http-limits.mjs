// @ts-check
/**
 * What the HTTP server (scripts/server.mjs) refuses before Next runs, because Next would answer it
 * with a 500 or hold a connection for minutes:
 * - a method no route takes (TRACE, PROPFIND, made-up ones): 405 with `Allow`, the API's JSON
 *   error under `/api/`, a short text in both languages elsewhere;
 * - a request that has not arrived in full within REQUEST_TIMEOUT_MS (a body that stalls): Node
 *   answers 408 and closes the connection; headers get HEADERS_TIMEOUT_MS;
 * - a form post to a page (a server action) without a Content-Length (411) or over
 *   FORM_BODY_MAX_BYTES (413), which Next takes in as a stream and fails on with a 500;
 * - a write from another site's page (403; lib/http/same-origin.mjs).
 * Plain JavaScript (types in JSDoc) because Node runs the server as is.
 */
import { readFileSync } from 'node:fs';

/** Every method a page, a route handler or a server action answers. */
export const SUPPORTED_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** Long enough for a comment or a note on a slow phone line, short enough not to hold a socket. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
export const DEFAULT_HEADERS_TIMEOUT_MS = 15_000;

/**
 * The two time limits, from REQUEST_TIMEOUT_MS (whole request) when set to a whole number of
 * milliseconds; headers get at most as long as the whole request.
 * @param {Record<string, string | undefined>} env
 */
export function requestTimeouts(env) {
  const asked = Number(env.REQUEST_TIMEOUT_MS);
  const request = Number.isInteger(asked) && asked >= 1000 ? asked : DEFAULT_REQUEST_TIMEOUT_MS;
  return { request, headers: Math.min(DEFAULT_HEADERS_TIMEOUT_MS, request) };
}

/** Next's own limit on a server action's body (serverActions.bodySizeLimit, 1 MB). */
export const FORM_BODY_MAX_BYTES = 1024 * 1024;

/** @param {string | undefined} method */
export const isSupportedMethod = (method) => SUPPORTED_METHODS.includes(method ?? '');

/**
 * What is wrong with a form post to a page, if anything: the status and error code to refuse it with.
 * @param {import('node:http').IncomingMessage} request
 * @returns {{ status: number, code: 'request.invalid' | 'request.tooLarge' } | null}
 */
export function formPostProblem(request) {
  if (request.method !== 'POST' || (request.url ?? '/').startsWith('/api/')) return null;
  const length = request.headers['content-length'];
  if (length === undefined) return request.headers['transfer-encoding'] ? { status: 411, code: 'request.invalid' } : null;
  const bytes = Number(length);
  if (!Number.isSafeInteger(bytes) || bytes < 0) return { status: 400, code: 'request.invalid' };
  return bytes > FORM_BODY_MAX_BYTES ? { status: 413, code: 'request.tooLarge' } : null;
}

/** @type {Record<'zh' | 'en', { errors: { request: Record<string, string> } }>} */
const locales = Object.fromEntries(['zh', 'en'].map((locale) => [locale, JSON.parse(readFileSync(new URL(`../i18n/locales/${locale}.json`, import.meta.url), 'utf8'))]));

/**
 * Refuses a request before Next runs: the API's JSON error under `/api/`, the message in both
 * languages elsewhere. A body on its way is read to its end (and thrown away) before the answer
 * goes out: closing the connection under a client still sending would reset it, and the client
 * would see a broken connection instead of the refusal. REQUEST_TIMEOUT_MS bounds how long.
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
 * @param {number} status
 * @param {string} code an error code of lib/http/errors.ts under `request.`
 * @param {Record<string, string>} [headers]
 */
export function refuse(request, response, status, code, headers = {}) {
  const api = (request.url ?? '').startsWith('/api/');
  const key = code.replace(/^request\./, '');
  const body = api
    ? JSON.stringify({ error: { code, message: locales.en.errors.request[key] ?? code } })
    : `${locales.zh.errors.request[key]}\n${locales.en.errors.request[key]}\n`;
  const answer = () => {
    response.writeHead(status, {
      ...headers,
      'Content-Type': api ? 'application/json' : 'text/plain; charset=utf-8',
      'Content-Length': Buffer.byteLength(body),
      'Cache-Control': 'no-store',
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  };
  if (request.complete) {
    answer();
    return;
  }
  request.once('end', answer);
  request.resume();
}

/**
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
 */
export function answerUnsupportedMethod(request, response) {
  refuse(request, response, 405, 'request.methodNotAllowed', { Allow: SUPPORTED_METHODS.join(', ') });
}
