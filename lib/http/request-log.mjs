// @ts-check
/**
 * One JSON line per request on stdout, for the operator: when, which request (its id), method,
 * path, status and duration. Nothing that identifies a reader goes in: no client address, no
 * query string (it may carry a token), no cookie, no e-mail. The id comes from the proxy in front
 * (nginx's `$request_id` as `X-Request-Id`) when it looks like one, else is made here; it is
 * answered in `X-Request-Id` so a reader's report can be found in the log. Used by
 * scripts/server.mjs; plain JavaScript (types in JSDoc) because Node runs the server as is.
 */
import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'x-request-id';

/** @param {string | string[] | undefined} given */
export function requestIdOf(given) {
  const value = Array.isArray(given) ? given[0] : given;
  return value && /^[\w.-]{8,128}$/.test(value) ? value : randomUUID();
}

/**
 * Tags the answer with the request's id and writes the log line when the answer is finished (or
 * the client went away first).
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
 * @param {(line: string) => void} [write]
 */
export function logRequest(request, response, write = (line) => process.stdout.write(`${line}\n`)) {
  const id = requestIdOf(request.headers[REQUEST_ID_HEADER]);
  const started = process.hrtime.bigint();
  response.setHeader('X-Request-Id', id);
  let logged = false;
  const log = () => {
    if (logged) return;
    logged = true;
    const url = request.url ?? '/';
    const queryAt = url.indexOf('?');
    write(
      JSON.stringify({
        time: new Date().toISOString(),
        id,
        method: request.method,
        path: queryAt === -1 ? url : url.slice(0, queryAt),
        status: response.writableFinished ? response.statusCode : 499,
        ms: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
      }),
    );
  };
  response.on('finish', log);
  response.on('close', log);
  return id;
}
