/** Which API writes count as coming from another site's page (lib/http/same-origin.mjs). */
import { describe, expect, test } from 'vitest';
import { alignActionHost, isCrossOriginWrite } from './same-origin.mjs';

const SITE = 'https://blog.example';
const write = (headers: Record<string, string>, method = 'POST', url = '/api/posts/x/comments') => isCrossOriginWrite({ method, url, headers }, SITE);

describe('isCrossOriginWrite', () => {
  test('another site\'s page is refused, on every writing method', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'post']) expect(write({ host: 'blog.example', origin: 'http://evil.example' }, method)).toBe(true);
  });

  test('a sandboxed frame or a file (Origin: null) is refused', () => {
    expect(write({ host: 'blog.example', origin: 'null' })).toBe(true);
  });

  test('the site\'s own pages pass: by Host, by the proxy\'s X-Forwarded-Host, by SITE_URL', () => {
    expect(write({ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' })).toBe(false);
    expect(write({ host: '10.0.0.5:3000', 'x-forwarded-host': 'blog.example', origin: 'https://blog.example' })).toBe(false);
    expect(write({ host: '10.0.0.5:3000', origin: 'https://BLOG.example' })).toBe(false);
  });

  test('a port is part of the origin', () => {
    expect(write({ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3001' })).toBe(true);
  });

  test('without Origin: clients that are not browsers pass; fetch metadata saying cross-site does not', () => {
    expect(write({ host: 'blog.example' })).toBe(false);
    expect(write({ host: 'blog.example', 'sec-fetch-site': 'same-origin' })).toBe(false);
    expect(write({ host: 'blog.example', 'sec-fetch-site': 'cross-site' })).toBe(true);
  });

  test('reads are not its business; form posts to pages (server actions) are', () => {
    expect(write({ host: 'blog.example', origin: 'http://evil.example' }, 'GET')).toBe(false);
    expect(write({ host: 'blog.example', origin: 'http://evil.example' }, 'OPTIONS')).toBe(false);
    expect(write({ host: 'blog.example', origin: 'http://evil.example' }, 'POST', '/zh/posts/x/comments')).toBe(true);
    expect(write({ host: 'blog.example', origin: 'http://blog.example' }, 'POST', '/zh/posts/x/comments')).toBe(false);
  });

  test('an Origin that is not a URL is refused', () => {
    expect(write({ host: 'blog.example', origin: 'not a url' })).toBe(true);
  });
});

describe('alignActionHost', () => {
  const aligned = (headers: Record<string, string>, method = 'POST', url = '/zh/posts/x/comments') => {
    const request = { method, url, headers: { ...headers } as Record<string, string | string[] | undefined> };
    alignActionHost(request);
    return request.headers['x-forwarded-host'];
  };

  test('a form post to a page from SITE_URL\'s page, reaching the server by its own address, names the host Next compares', () => {
    expect(aligned({ host: '127.0.0.1:3000', origin: 'https://blog.example' })).toBe('blog.example');
    expect(aligned({ host: '10.0.0.5', 'x-forwarded-host': 'www.blog.example', origin: 'https://blog.example' })).toBe('blog.example');
  });

  test('API writes, reads and posts without an Origin are left as they came', () => {
    expect(aligned({ host: '127.0.0.1:3000', origin: 'https://blog.example' }, 'POST', '/api/posts/x/comments')).toBeUndefined();
    expect(aligned({ host: '127.0.0.1:3000', origin: 'https://blog.example' }, 'GET')).toBeUndefined();
    expect(aligned({ host: '127.0.0.1:3000' })).toBeUndefined();
    expect(aligned({ host: '127.0.0.1:3000', origin: 'null' })).toBeUndefined();
  });
});
