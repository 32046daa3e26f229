// @ts-check
/**
 * What the HTTP server (scripts/server.mjs) refuses before Next runs, because Next would answer it
 * with a 500 or hold a connection for minutes:
 * - a method no route takes (TRACE, PROPFIND, made-up ones): 405 with `Allow`, the API's JSON
 *   error under `/api/`, a short text in both languages elsewhere;
 * - a request that has not arrived in full within REQUEST_TIMEOUT_MS (a body that stalls): Node
 *   answers 408 and closes the connection; headers get HEADERS_TIMEOUT_MS.
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

/** @param {string | undefined} method */
export const isSupportedMethod = (method) => SUPPORTED_METHODS.includes(method ?? '');

const message = Object.fromEntries(
  ['zh', 'en'].map((locale) => [locale, JSON.parse(readFileSync(new URL(`../i18n/locales/${locale}.json`, import.meta.url), 'utf8')).errors.request.methodNotAllowed]),
);

/**
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
 */
export function answerUnsupportedMethod(request, response) {
  const api = (request.url ?? '').startsWith('/api/');
  const body = api
    ? JSON.stringify({ error: { code: 'request.methodNotAllowed', message: `${request.method} is not supported here` } })
    : `${message.zh}\n${message.en}\n`;
  response.writeHead(405, {
    Allow: SUPPORTED_METHODS.join(', '),
    'Content-Type': api ? 'application/json' : 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  response.end(body);
}
