// @ts-check
/**
 * The cookies that make what a reader sees their own: the comments this browser wrote (which its
 * reader may still edit, and sees before anyone else does) and the admin's session. Answers kept
 * for everyone (the thread from memory, the pages the HTTP server keeps) are never given to a
 * request that carries one. Plain JavaScript, shared by the app and scripts/server.mjs.
 */

export const AUTHORSHIP_COOKIE = 'duizhao_authored';
export const ADMIN_COOKIE = 'duizhao_admin';
export const PERSONAL_COOKIES = /** @type {const} */ ([AUTHORSHIP_COOKIE, ADMIN_COOKIE]);

const escapeRegExp = (/** @type {string} */ text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Matches a Cookie header that carries any of `names` (exact cookie names), or null for none.
 * @param {readonly string[]} names
 * @returns {RegExp | null}
 */
export function cookieHeaderMatcher(names) {
  return names.length === 0 ? null : new RegExp(`(?:^|;)\\s*(?:${names.map(escapeRegExp).join('|')})=`);
}
