// @ts-check
/**
 * One JSON line per request on stdout, for the operator: when, which request (its id), method,
 * path, status and duration. Nothing that identifies a reader goes in: no client address, no
 * query string (it may carry a token), no cookie, no e-mail. The id comes from the proxy in front
 * (nginx's `$request_id` as `X-Request-Id`) when it looks like one, else is made here; it is
 * answered in `X-Request-Id` so a reader's report can be found in the log. An answer sent from
 * memory without running Next says so (`"from": "memory"`), as a proxy cache logs its hits. Used by
 * scripts/server.mjs; plain JavaScript (types in JSDoc) because Node runs the server as is.
 */
import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'x-request-id';

/** Answers the HTTP server sent from memory (lib/http/page-cache.mjs, memory-answers.ts). */
const fromMemory = new WeakSet();

/**
 * Marks the answer as sent from memory, for its log line.
 * @param {import('node:http').ServerResponse} response
 */
export function loggedFromMemory(response) {
  fromMemory.add(response);
}

/** @param {string | string[] | undefined} given */
export function requestIdOf(given) {
  const value = Array.isArray(given) ? given[0] : given;
  return value && /^[\w.-]{8,128}$/.test(value) ? value : randomUUID();
}

/** Lines not yet written: under load, one write a turn of the event loop rather than one a request. */
/** @type {string[]} */
const pending = [];
function flushLines() {
  if (pending.length === 0) return;
  const text = `${pending.join('\n')}\n`;
  pending.length = 0;
  process.stdout.write(text);
}
process.once('exit', flushLines);

/**
 * The time of a line, ISO 8601 to the millisecond: made once a millisecond, as a busy server
 * writes many lines in one.
 */
let stampedAt = 0;
let stamp = '';
function now() {
  const at = Date.now();
  if (at !== stampedAt) {
    stampedAt = at;
    stamp = new Date(at).toISOString();
  }
  return stamp;
}

/** @param {string} line */
function writeLine(line) {
  if (pending.push(line) === 1) setImmediate(flushLines);
}

/**
 * Writes the request's log line when the answer is finished (or the client went away first; Node
 * closes every answer, finished or not), and returns its id for the caller to answer in
 * X-Request-Id (an answer from memory sends it with the rest of its headers, in one go).
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
 * @param {(line: string) => void} [write]
 */
export function logRequest(request, response, write = writeLine) {
  const id = requestIdOf(request.headers[REQUEST_ID_HEADER]);
  const started = process.hrtime.bigint();
  response.once('close', () => {
    const url = request.url ?? '/';
    const queryAt = url.indexOf('?');
    write(
      JSON.stringify({
        time: now(),
        id,
        method: request.method,
        path: queryAt === -1 ? url : url.slice(0, queryAt),
        status: response.writableFinished ? response.statusCode : 499,
        ms: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
        ...(fromMemory.has(response) ? { from: 'memory' } : {}),
      }),
    );
  });
  return id;
}
