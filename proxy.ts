/**
 * Locale routing, before any page renders:
 * - `/` redirects to `/zh` or `/en` (cookie, then Accept-Language, then Chinese);
 * - a locale route remembers its locale in a cookie;
 * - `/posts/...` and `/tags/...` without a locale redirect to the negotiated one (the `x-default`);
 * - any other path is served under the negotiated locale, where old Jekyll permalinks redirect to
 *   their post and everything else gets a translated 404.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { isLocale, localeCookie, negotiateLocale, type Locale } from './lib/i18n/config';

const ONE_YEAR = 60 * 60 * 24 * 365;

function withVary(response: NextResponse): NextResponse {
  response.headers.set('Vary', 'Cookie, Accept-Language');
  return response;
}

function passThrough(request: NextRequest, locale: Locale): NextResponse {
  const response = NextResponse.next();
  if (request.cookies.get(localeCookie)?.value !== locale) {
    response.cookies.set(localeCookie, locale, { path: '/', maxAge: ONE_YEAR, sameSite: 'lax' });
  }
  return response;
}

export function proxy(request: NextRequest): NextResponse {
  const { pathname, search } = request.nextUrl;
  const [, first = ''] = pathname.split('/');
  if (isLocale(first)) return passThrough(request, first);

  const locale = negotiateLocale(request.cookies.get(localeCookie)?.value, request.headers.get('accept-language'));
  const target = new URL(`/${locale}${pathname === '/' ? '' : pathname}${search}`, request.url);
  if (pathname === '/' || first === 'posts' || first === 'tags') return withVary(NextResponse.redirect(target, 307));

  return withVary(NextResponse.rewrite(target));
}

export const config = {
  // Not for framework assets, the API, public files or the site-wide XML/text routes. Old
  // permalinks end in `.html`, so that extension still goes through.
  matcher: ['/((?!_next/|api/|images/|favicon\\.ico|icon|apple-icon|feed\\.xml|sitemap\\.xml|robots\\.txt|.*\\.(?!html$)[a-z0-9]+$).*)'],
};
