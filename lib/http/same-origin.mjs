// @ts-check
/**
 * Writes through the API come from this site's own pages or from clients that are not browsers:
 * a browser page on another origin must not post a comment, edit a note or flag a comment in a
 * reader's name. Checked by the HTTP server (scripts/server.mjs) before any route runs, so every
 * API route, present and future, is covered, and so are the no-JavaScript forms (server actions,
 * which Next would refuse with a 500). Plain JavaScript (types in JSDoc) because Node runs the
 * server as is.
 *
 * A request is refused when it changes something (POST, PUT, PATCH, DELETE) and
 * its `Origin` is another site's (or `null`, as from a sandboxed frame or a file), or, without an
 * `Origin`, its `Sec-Fetch-Site` says `cross-site`. Without either header it is a client such as
 * curl or a W3C annotation client, and goes through.
 */

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** @param {string | string[] | undefined} value */
const first = (value) => (Array.isArray(value) ? value[0] : value)?.split(',')[0]?.trim();

/**
 * The hosts this site answers as: the request's own `Host` (and `X-Forwarded-Host`, set by the
 * proxy in front) and the host of SITE_URL.
 * @param {Record<string, string | string[] | undefined>} headers
 * @param {string | undefined} siteUrl
 */
function ownHosts(headers, siteUrl) {
  const hosts = [first(headers.host), first(headers['x-forwarded-host'])];
  if (siteUrl) {
    try {
      hosts.push(new URL(siteUrl).host);
    } catch {
      // An invalid SITE_URL is refused at start-up (lib/env.ts); nothing to add here.
    }
  }
  /** @type {Set<string>} */
  const own = new Set();
  for (const host of hosts) if (host) own.add(host.toLowerCase());
  return own;
}

/**
 * @param {{ method?: string, url?: string, headers: Record<string, string | string[] | undefined> }} request
 * @param {string | undefined} siteUrl
 * @returns {boolean} true when the request is a write from another site's page
 */
export function isCrossOriginWrite(request, siteUrl) {
  if (!UNSAFE.has((request.method ?? 'GET').toUpperCase())) return false;
  const origin = first(request.headers.origin);
  if (origin === undefined || origin === '') return first(request.headers['sec-fetch-site']) === 'cross-site';
  if (origin === 'null') return true;
  try {
    return !ownHosts(request.headers, siteUrl).has(new URL(origin).host.toLowerCase());
  } catch {
    return true;
  }
}


/**
 * Next checks a form post to a page (a server action) once more, against `X-Forwarded-Host` or
 * else `Host` only, and answers a mismatch with a 500. A post this module has let through comes
 * from one of the site's own hosts, SITE_URL's among them (a proxy that passes its upstream `Host`
 * on, say): the header Next reads is set to the host of its `Origin`, so the two checks cannot
 * disagree.
 * @param {{ method?: string, url?: string, headers: Record<string, string | string[] | undefined> }} request
 *   a request isCrossOriginWrite has let through
 */
export function alignActionHost(request) {
  if ((request.method ?? '').toUpperCase() !== 'POST' || (request.url ?? '/').startsWith('/api/')) return;
  const origin = first(request.headers.origin);
  if (!origin || origin === 'null') return;
  try {
    request.headers['x-forwarded-host'] = new URL(origin).host;
  } catch {
    // isCrossOriginWrite refuses an Origin that is not a URL; nothing to align.
  }
}
