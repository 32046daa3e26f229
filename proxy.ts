/**
 * Locale routing and reading state, before any page renders: the decision is
 * lib/http/route-decision.mjs, which the HTTP server (scripts/server.mjs) shares to answer
 * prerendered pages from memory; this only carries it out. It runs on every path, since which
 * paths it leaves alone is part of that decision.
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
