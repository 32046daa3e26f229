// @ts-check
/**
 * SESSION_SECRET: the key that signs the cookies readers and the admin keep, and keys the hashes
 * of client addresses. On the embedded default (the server on a loopback address, for one person
 * or behind a proxy on the same machine) it may be left unset: a random one is made on first use
 * and kept in the database, in data/ beside the posts' comments, and shared by every instance on
 * the same database. A server that listens on a public address is exposed to the internet: there
 * the secret must be set, and long, so that it is the operator's, can be rotated, and is not in
 * every copy of the database. Checked by scripts/start.mjs before it builds and by
 * scripts/server.mjs before it listens; lib/env.ts checks the length again for the app.
 */

export const SESSION_SECRET_MIN_LENGTH = 32;

/** @param {string} host */
export function isLoopbackHost(host) {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare);
}

/**
 * What is wrong with the session secret for a server listening on `host`, or null.
 * @param {{ HOST?: string; SESSION_SECRET?: string }} environment
 * @returns {string | null}
 */
export function sessionSecretProblem(environment) {
  const secret = environment.SESSION_SECRET;
  const host = environment.HOST || '127.0.0.1';
  if (secret !== undefined && secret.length < SESSION_SECRET_MIN_LENGTH) {
    return `SESSION_SECRET is ${secret.length} characters long; it must be at least ${SESSION_SECRET_MIN_LENGTH} (for example: openssl rand -base64 48).`;
  }
  if (secret === undefined && !isLoopbackHost(host)) {
    return `HOST=${host} puts the server on a public address, so SESSION_SECRET must be set: at least ${SESSION_SECRET_MIN_LENGTH} random characters (for example: openssl rand -base64 48), the same on every instance. Leave HOST unset (127.0.0.1) to run on this machine only.`;
  }
  return null;
}
