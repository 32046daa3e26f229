/**
 * Locale routing and reading state, before any page renders: the decision is
 * lib/http/route-decision.mjs, which the HTTP server (scripts/server.mjs) shares to answer
 * prerendered pages from memory; this only carries it out.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { CHOICE_COOKIE_MAX_AGE, decideRoute } from './lib/http/route-decision.mjs';

export function proxy(request: NextRequest): NextResponse {
  const decision = decideRoute({
    pathname: request.nextUrl.pathname,
    search: request.nextUrl.search,
    cookie: (name) => request.cookies.get(name)?.value,
    acceptLanguage: request.headers.get('accept-language'),
  });
  const target = new URL(decision.target, request.url);
  const response =
    decision.kind === 'redirect'
      ? NextResponse.redirect(target, decision.status)
      : decision.kind === 'rewrite'
        ? NextResponse.rewrite(target)
        : NextResponse.next();
  for (const { name, value } of decision.cookies) response.cookies.set(name, value, { path: '/', maxAge: CHOICE_COOKIE_MAX_AGE, sameSite: 'lax' });
  if (decision.vary) response.headers.set('Vary', decision.vary);
  return response;
}

export const config = {
  // Only where the decision routes anything (`isRouted` in lib/http/route-decision.mjs; Next needs
  // the pattern as a literal, and lib/http/route-decision.test.ts holds the two together). Not for framework assets,
  // the API, public files or the site-wide XML/text routes: a proxy that runs for a request makes
  // Next read its whole body first, so an oversized API body would be taken in before it is
  // refused. Old permalinks end in `.html`, so that extension still goes through.
  matcher: ['/((?!_next/|api/|images/|favicon\\.ico|feed\\.xml|sitemap\\.xml|robots\\.txt|.*\\.(?!html$)[a-z0-9]+$).*)'],
};
