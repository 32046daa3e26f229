// @ts-check
/**
 * The contract between the HTTP server (scripts/server.mjs) and the app about who is asking,
 * imported by both: the server sets this header on every request to the socket's peer address,
 * overwriting whatever a client sent, so the app (lib/http/session.ts) can believe it. Plain
 * JavaScript (types in JSDoc) because Node runs the server as is.
 *
 * The value carries a random key made once per process (lib/process-wide.mjs), which the server
 * and the app share in memory and no client can know. Started any other way (plain `next start`,
 * no server.mjs in front), the app makes a key of its own that nothing sends, so a header a
 * client sets is never believed: every request is then from an unknown address.
 */
import { randomBytes } from 'node:crypto';
import { processWide } from '../process-wide.mjs';

/** Lowercase, as Node hands request headers over. */
export const PEER_HEADER = 'x-duizhao-peer';

const peerKey = () => processWide('peer-key', () => randomBytes(24).toString('base64url'));

/**
 * The header's value for a peer address, as the HTTP server sets it.
 * @param {string} address
 * @returns {string}
 */
export const peerHeaderValue = (address) => `${peerKey()} ${address}`;

/**
 * The peer address in a header's value, when this process's server set it; null otherwise.
 * @param {string | null} value
 * @returns {string | null}
 */
export function peerFromHeader(value) {
  if (value === null) return null;
  const space = value.indexOf(' ');
  return space > 0 && value.slice(0, space) === peerKey() ? value.slice(space + 1) : null;
}

/**
 * The peer's address as the app compares it with TRUSTED_PROXIES: an IPv4 client on a dual-stack
 * socket as plain IPv4 (`::ffff:127.0.0.1` is `127.0.0.1`); empty when the socket has none.
 * @param {string | undefined} remoteAddress
 * @returns {string}
 */
export function peerAddress(remoteAddress) {
  return remoteAddress?.replace(/^::ffff:/, '') ?? '';
}
