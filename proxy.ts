/**
 * Locale routing, before any page renders:
 * - `/` redirects to `/zh` or `/en` (cookie, then Accept-Language, then Chinese);
 * - a locale route remembers its locale in a cookie;
 * - a post is served in the reader's reading state (`?gloss=`/`?pinyin=`, else their cookies),
 *   from the prerendered page of that state; a state chosen in the URL is remembered in cookies;
 * - `/posts/...` and `/tags/...` without a locale redirect to the negotiated one (the `x-default`);
 * - any other path is served under the negotiated locale, where old Jekyll permalinks redirect to
 *   their post and everything else gets a translated 404;
 * - a trailing slash is dropped from our own pages with a 308, and an old `pretty` permalink (which
 *   ends in one) reaches its post in a single redirect. Route handlers under `/api` answer with or
 *   without it, as a W3C container IRI ends in one.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { defaultReadingMode, readingCookies, resolveReadingMode, viewSegment } from './lib/gloss/reading-mode';
import { isLocale, localeCookie, negotiateLocale, type Locale } from './lib/i18n/config';

const ONE_YEAR = 60 * 60 * 24 * 365;

function withVary(response: NextResponse): NextResponse {
  response.headers.set('Vary', 'Cookie, Accept-Language');
  return response;
}

function remember(response: NextResponse, request: NextRequest, locale: Locale): NextResponse {
  if (request.cookies.get(localeCookie)?.value !== locale) {
    response.cookies.set(localeCookie, locale, { path: '/', maxAge: ONE_YEAR, sameSite: 'lax' });
  }
  return response;
}

/** `/zh/posts/x?gloss=inline` -> the prerendered `/zh/posts/x/inline`, at the same URL. */
function servePost(request: NextRequest, locale: Locale, slug: string): NextResponse {
  const { searchParams } = request.nextUrl;
  const query = { gloss: searchParams.get('gloss'), pinyin: searchParams.get('pinyin') };
  const cookies = { gloss: request.cookies.get(readingCookies.gloss)?.value, pinyin: request.cookies.get(readingCookies.pinyin)?.value };
  const mode = resolveReadingMode(locale, query, cookies);
  const fallback = defaultReadingMode(locale);
  const response =
    mode.gloss === fallback.gloss && mode.pinyin === fallback.pinyin
      ? NextResponse.next()
      : NextResponse.rewrite(new URL(`/${locale}/posts/${slug}/${viewSegment(mode)}${request.nextUrl.search}`, request.url));
  if (query.gloss !== null || query.pinyin !== null) {
    response.cookies.set(readingCookies.gloss, mode.gloss, { path: '/', maxAge: ONE_YEAR, sameSite: 'lax' });
    response.cookies.set(readingCookies.pinyin, mode.pinyin ? '1' : '0', { path: '/', maxAge: ONE_YEAR, sameSite: 'lax' });
  }
  response.headers.set('Vary', 'Cookie');
  return remember(response, request, locale);
}

export function proxy(request: NextRequest): NextResponse {
  const { pathname: requested, search } = request.nextUrl;
  // Next's own trailing-slash redirect is off (next.config.ts): an old `pretty` permalink ends in
  // `/`, and must reach its post in one redirect, not two. Our own pages drop the slash here.
  const pathname = requested.replace(/(.)\/+$/, '$1');
  const [, first = '', second, third, ...rest] = pathname.split('/');
  if (isLocale(first)) {
    if (pathname !== requested) return NextResponse.redirect(new URL(`${pathname}${search}`, request.url), 308);
    if (second === 'posts' && third && rest.length === 0) return servePost(request, first, third);
    return remember(NextResponse.next(), request, first);
  }

  const locale = negotiateLocale(request.cookies.get(localeCookie)?.value, request.headers.get('accept-language'));
  const target = new URL(`/${locale}${pathname === '/' ? '' : pathname}${search}`, request.url);
  if (pathname === '/' || first === 'posts' || first === 'tags') return withVary(NextResponse.redirect(target, 307));

  return withVary(NextResponse.rewrite(target));
}

export const config = {
  // Not for framework assets, the API, public files or the site-wide XML/text routes. Old
  // permalinks end in `.html`, so that extension still goes through.
  matcher: ['/((?!_next/|api/|images/|favicon\\.ico|feed\\.xml|sitemap\\.xml|robots\\.txt|.*\\.(?!html$)[a-z0-9]+$).*)'],
};
