// @ts-check
/**
 * The contract between the HTTP server (scripts/server.mjs) and the app about who is asking,
 * imported by both: the server sets this header on every request to the socket's peer address,
 * overwriting whatever a client sent, so the app (lib/http/session.ts) can believe it. Plain
 * JavaScript (types in JSDoc) because Node runs the server as is.
 */

/** Lowercase, as Node hands request headers over. */
export const PEER_HEADER = 'x-duizhao-peer';

/**
 * The peer's address as the app compares it with TRUSTED_PROXIES: an IPv4 client on a dual-stack
 * socket as plain IPv4 (`::ffff:127.0.0.1` is `127.0.0.1`); empty when the socket has none.
 * @param {string | undefined} remoteAddress
 * @returns {string}
 */
export function peerAddress(remoteAddress) {
  return remoteAddress?.replace(/^::ffff:/, '') ?? '';
}
