// @ts-check
/**
 * Which content coding a client takes, from its Accept-Encoding (RFC 9110 §12.5.3): a coding
 * listed with a q-value above zero, or covered by `*`. Shared by the answers sent from memory
 * (lib/http/memory-answers.ts, lib/http/page-cache.mjs); plain JavaScript, since Node runs the
 * server as is.
 */

/**
 * The q-value the header gives `coding` (0 when it is not accepted).
 * @param {string | undefined} header
 * @param {string} coding
 * @returns {number}
 */
export function codingQuality(header, coding) {
  let star = 0;
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.trim().split(';');
    const q = params.map((param) => /^\s*q\s*=\s*([\d.]+)\s*$/i.exec(param)?.[1]).find(Boolean);
    const quality = q === undefined ? 1 : Number(q);
    const listed = name.trim().toLowerCase();
    if (listed === coding) return Number.isNaN(quality) ? 0 : quality;
    if (listed === '*') star = Number.isNaN(quality) ? 0 : quality;
  }
  return star;
}

/**
 * The coding to send a compressible body in: brotli, else gzip, else none; a client's stated
 * preference between the two wins.
 * @param {string | undefined} header
 * @returns {'br' | 'gzip' | 'identity'}
 */
export function acceptedEncoding(header) {
  const br = codingQuality(header, 'br');
  const gzip = codingQuality(header, 'gzip');
  if (br > 0 && br >= gzip) return 'br';
  if (gzip > 0) return 'gzip';
  return 'identity';
}
