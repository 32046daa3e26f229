/**
 * The one routing decision the proxy carries out and the HTTP server answers from memory by:
 * which page renders, which choices are remembered, and which requests share an answer.
 */
import { describe, expect, test } from 'vitest';
import { config } from '../../proxy';
import { decideRoute, isRouted } from './route-decision.mjs';

type Cookies = Record<string, string>;
const decide = (url: string, cookies: Cookies = {}, acceptLanguage: string | null = null) => {
  const { pathname, search } = new URL(url, 'http://localhost');
  return decideRoute({ pathname, search, cookie: (name) => cookies[name], acceptLanguage });
};

describe('the site root and paths without a locale', () => {
  test('/ redirects by cookie, then Accept-Language, then to Chinese, and varies on both', () => {
    expect(decide('/', { lang: 'en' }, 'zh')).toMatchObject({ kind: 'redirect', target: '/en', status: 307, vary: 'Cookie, Accept-Language' });
    expect(decide('/', {}, 'en-GB,en;q=0.9')).toMatchObject({ kind: 'redirect', target: '/en' });
    expect(decide('/', {}, 'fr')).toMatchObject({ kind: 'redirect', target: '/zh' });
  });

  test('/posts/… and /tags/… redirect to the negotiated locale, keeping the query', () => {
    expect(decide('/posts/x?gloss=inline', {}, 'en')).toMatchObject({ kind: 'redirect', target: '/en/posts/x?gloss=inline', status: 307 });
    expect(decide('/tags/docker')).toMatchObject({ kind: 'redirect', target: '/zh/tags/docker' });
  });

  test('any other path renders under the negotiated locale at the same URL (old permalinks, 404s)', () => {
    const decision = decide('/2016/05/20/docker-and-hyper.html', {}, 'en');
    expect(decision).toMatchObject({ kind: 'rewrite', target: '/en/2016/05/20/docker-and-hyper.html', cookies: [], page: '/en/2016/05/20/docker-and-hyper.html' });
  });

  test('framework assets, the API, public files and the site-wide files pass untouched', () => {
    for (const path of ['/_next/static/chunks/a.js', '/api/health', '/api/posts/x/annotations/', '/images/docker/hyper.png', '/favicon.ico', '/feed.xml', '/sitemap.xml', '/robots.txt', '/feed/x.xml']) {
      expect(isRouted(path), path).toBe(false);
      expect(decide(path, { lang: 'en', gloss: 'parallel' })).toEqual({ kind: 'pass', target: path, status: undefined, cookies: [], vary: null, page: path });
    }
    for (const path of ['/', '/zh', '/zh/posts/x', '/2016/05/20/x.html', '/zh/tags/c']) expect(isRouted(path), path).toBe(true);
  });

  test('the proxy runs exactly where the decision routes anything (its matcher is a literal Next reads)', () => {
    const matcher = new RegExp(`^${config.matcher[0] ?? ''}$`);
    const paths = ['/', '/zh', '/en/posts/x', '/zh/posts/x/comments', '/2016/05/20/x.html', '/blog/x/', '/zh/tags/c', '/api/health', '/api/posts/x/annotations/', '/_next/static/a.js', '/images/a.png', '/favicon.ico', '/feed.xml', '/feed/x.xml', '/sitemap.xml', '/robots.txt', '/glossary/x.json', '/a.txt'];
    for (const path of paths) expect(matcher.test(path), path).toBe(isRouted(path));
  });
});

describe('locale pages', () => {
  test('remember their locale when the cookie says otherwise, and only then', () => {
    expect(decide('/en')).toMatchObject({ kind: 'pass', target: '/en', cookies: [{ name: 'lang', value: 'en' }], page: '/en' });
    expect(decide('/en', { lang: 'en' })).toMatchObject({ kind: 'pass', cookies: [] });
  });

  test('drop a trailing slash with a permanent redirect', () => {
    expect(decide('/zh/tags/docker/?x=1')).toMatchObject({ kind: 'redirect', target: '/zh/tags/docker?x=1', status: 308, cookies: [] });
  });
});

describe('a post in a reading state', () => {
  test('the locale default renders the post itself; another state its prerendered view', () => {
    expect(decide('/zh/posts/x', { lang: 'zh' })).toMatchObject({ kind: 'pass', target: '/zh/posts/x', cookies: [], vary: 'Cookie', page: '/zh/posts/x' });
    expect(decide('/en/posts/x', { lang: 'en' })).toMatchObject({ kind: 'pass', page: '/en/posts/x' });
    expect(decide('/zh/posts/x', { lang: 'zh', gloss: 'parallel', pinyin: '1' })).toMatchObject({
      kind: 'rewrite',
      target: '/zh/posts/x/parallel-pinyin',
      cookies: [],
      page: '/zh/posts/x/parallel-pinyin',
    });
  });

  test('a state in the URL wins over the cookies and is remembered', () => {
    expect(decide('/en/posts/x?gloss=off&pinyin=1', { lang: 'en', gloss: 'parallel' })).toMatchObject({
      kind: 'rewrite',
      target: '/en/posts/x/off-pinyin?gloss=off&pinyin=1',
      cookies: [
        { name: 'gloss', value: 'off' },
        { name: 'pinyin', value: '1' },
      ],
    });
  });

  test('requests for one view share its page key, whatever says the state; other queries stay in it', () => {
    const byUrl = decide('/zh/posts/x?gloss=inline', { lang: 'zh' });
    const byCookie = decide('/zh/posts/x', { lang: 'zh', gloss: 'inline' });
    expect(byUrl.page).toBe('/zh/posts/x/inline');
    expect(byCookie.page).toBe('/zh/posts/x/inline');
    expect(decide('/zh/posts/x?comment=abc&gloss=inline', { lang: 'zh' }).page).toBe('/zh/posts/x/inline?comment=abc');
  });

  test('a first visit remembers the locale beside the reading state', () => {
    expect(decide('/zh/posts/x?pinyin=1').cookies).toEqual([
      { name: 'gloss', value: 'off' },
      { name: 'pinyin', value: '1' },
      { name: 'lang', value: 'zh' },
    ]);
  });

  test('deeper paths under a post are ordinary pages', () => {
    expect(decide('/zh/posts/x/comments?page=2', { lang: 'zh' })).toMatchObject({ kind: 'pass', target: '/zh/posts/x/comments?page=2', vary: null });
  });
});
