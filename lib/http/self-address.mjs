// @ts-check
/**
 * Where the server reaches itself: the address it listens on, or the loopback when it listens on
 * every address. Shared by scripts/server.mjs (its page refreshes) and the app's requests to its
 * own server (lib/http/self-request.ts). Plain JavaScript because Node runs the server as is.
 */

/**
 * @param {string} host The HOST the server listens on.
 * @returns {string} The host to connect to.
 */
export const selfHost = (host) => (host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host);

/**
 * @param {string} host The HOST the server listens on.
 * @param {number} port
 * @returns {string} An origin, e.g. `http://127.0.0.1:3000`.
 */
export function selfOrigin(host, port) {
  const reachable = selfHost(host);
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`;
}
