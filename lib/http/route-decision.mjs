// @ts-check
/**
 * What a request for a page turns into before anything renders: the one decision both the app's
 * proxy (proxy.ts) and its HTTP server (scripts/server.mjs, which answers prerendered pages from
 * memory) act on, so the two can never disagree about which page a reader gets.
 *
 * - `/` redirects to `/zh` or `/en` (cookie, then Accept-Language, then Chinese);
 * - a locale route remembers its locale in a cookie;
 * - a post is served in the reader's reading state (`?gloss=`/`?pinyin=`, else their cookies),
 *   from the prerendered page of that state; a state chosen in the URL is remembered in cookies;
 * - `/posts/...` and `/tags/...` without a locale redirect to the negotiated one (the `x-default`);
 * - any other path is served under the negotiated locale, where old Jekyll permalinks redirect to
 *   their post and everything else gets a translated 404;
 * - a trailing slash is dropped from our own pages with a 308, and an old `pretty` permalink (which
 *   ends in one) reaches its post in a single redirect;
 * - framework assets, the API, public files and the site-wide XML/text routes pass untouched
 *   (old permalinks end in `.html`, so that extension is routed). Route handlers under `/api`
 *   answer with or without a trailing slash, as a W3C container IRI ends in one.
 *
 * Pure: no request object, no framework. Plain JavaScript, since Node runs the server as is.
 */
import { readingCookies, resolveReadingMode, viewSegment, defaultReadingMode } from '../gloss/reading-state.mjs';
import { isLocale, localeCookie, negotiateLocale } from '../i18n/negotiate.mjs';

/** How long a remembered choice (locale, reading state) lasts: a year. */
export const CHOICE_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

/**
 * @typedef {{ name: string, value: string }} CookieToSet
 * @typedef {object} RouteDecision
 * @property {'pass' | 'rewrite' | 'redirect'} kind `pass`: the request's own path renders;
 *   `rewrite`: `target` renders at the requested URL; `redirect`: to `target`, with `status`.
 * @property {string} target Path and query: what renders (pass, rewrite) or where to go (redirect).
 * @property {307 | 308 | undefined} status
 * @property {CookieToSet[]} cookies Choices to remember, each for CHOICE_COOKIE_MAX_AGE on `/`.
 * @property {string | null} vary The request headers the decision read.
 * @property {string | null} page For pass and rewrite: the prerendered page that answers and the
 *   query it can see, without the reading state already folded into the page. Two requests with
 *   the same `page` and the same `cookies` get the same answer from Next.
 */

/**
 * @typedef {object} RouteRequest
 * @property {string} pathname As requested (percent-encoded, as Next's `nextUrl.pathname`).
 * @property {string} search `''` or `?…`.
 * @property {(name: string) => string | undefined} cookie
 * @property {string | null | undefined} acceptLanguage
 */

/** The query parameters that choose a reading state (their cookies have the same names). */
const READING_PARAMS = /** @type {const} */ (['gloss', 'pinyin']);

/** Paths no page answers: framework assets, the API, public files, site-wide XML and text. */
const UNROUTED = /^\/(?:_next\/|api\/|images\/|favicon\.ico$|feed\.xml$|sitemap\.xml$|robots\.txt$|.*\.(?!html$)[a-z0-9]+$)/;

/** @param {string} pathname */
export function isRouted(pathname) {
  return !UNROUTED.test(pathname);
}

/**
 * @param {string} search
 * @param {readonly string[]} without
 */
function queryWithout(search, without) {
  if (!search || search === '?') return '';
  const params = new URLSearchParams(search);
  for (const name of without) params.delete(name);
  const rest = params.toString();
  return rest ? `?${rest}` : '';
}

/**
 * @param {RouteRequest} request
 * @returns {RouteDecision}
 */
export function decideRoute({ pathname: requested, search, cookie, acceptLanguage }) {
  /** @type {(fields: Partial<RouteDecision> & Pick<RouteDecision, 'kind' | 'target'>) => RouteDecision} */
  const decision = (fields) => ({ status: undefined, cookies: [], vary: null, page: null, ...fields });
  if (!isRouted(requested)) return decision({ kind: 'pass', target: `${requested}${search}`, page: `${requested}${search}` });

  // Next's own trailing-slash redirect is off (next.config.mjs): an old `pretty` permalink ends in
  // `/`, and must reach its post in one redirect, not two. Our own pages drop the slash here.
  const pathname = requested.replace(/(.)\/+$/, '$1');
  const [, first = '', second, third, ...rest] = pathname.split('/');
  if (isLocale(first)) {
    if (pathname !== requested) return decision({ kind: 'redirect', target: `${pathname}${search}`, status: 308 });
    /** @type {CookieToSet[]} */
    const remembered = cookie(localeCookie) === first ? [] : [{ name: localeCookie, value: first }];
    if (second !== 'posts' || !third || rest.length > 0) {
      return decision({ kind: 'pass', target: `${pathname}${search}`, cookies: remembered, page: `${pathname}${search}` });
    }
    // `/zh/posts/x?gloss=inline` -> the prerendered `/zh/posts/x/inline`, at the same URL.
    const params = new URLSearchParams(search);
    const query = { gloss: params.get(READING_PARAMS[0]), pinyin: params.get(READING_PARAMS[1]) };
    const mode = resolveReadingMode(first, query, { gloss: cookie(readingCookies.gloss), pinyin: cookie(readingCookies.pinyin) });
    const fallback = defaultReadingMode(first);
    const isDefault = mode.gloss === fallback.gloss && mode.pinyin === fallback.pinyin;
    const rendered = isDefault ? pathname : `${pathname}/${viewSegment(mode)}`;
    const chosen =
      query.gloss !== null || query.pinyin !== null
        ? [
            { name: readingCookies.gloss, value: mode.gloss },
            { name: readingCookies.pinyin, value: mode.pinyin ? '1' : '0' },
          ]
        : [];
    return decision({
      kind: isDefault ? 'pass' : 'rewrite',
      target: `${rendered}${search}`,
      cookies: [...chosen, ...remembered],
      vary: 'Cookie',
      page: `${rendered}${queryWithout(search, READING_PARAMS)}`,
    });
  }

  const locale = negotiateLocale(cookie(localeCookie), acceptLanguage);
  const target = `/${locale}${pathname === '/' ? '' : pathname}${search}`;
  const vary = 'Cookie, Accept-Language';
  if (pathname === '/' || first === 'posts' || first === 'tags') return decision({ kind: 'redirect', target, status: 307, vary });
  return decision({ kind: 'rewrite', target, vary, page: target });
}
