/**
 * The page policy (lib/http/page-policy.mjs): the hashes of a page's inline scripts, and the
 * wrapper that holds an HTML answer until it can send them, over a real HTTP server.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { answerWithPagePolicy, inlineScriptHashes, pagePolicy, SCRIPTLESS_PAGE_POLICY } from './page-policy.mjs';

// The example of CSP Level 3, section 8.3: the hash of `alert('Hello, world.');`.
const HELLO = "alert('Hello, world.');";
const HELLO_HASH = "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='";

describe('inlineScriptHashes', () => {
  test('hashes the text of each inline script as sent, once each', () => {
    const html = `<p>x</p><script>${HELLO}</script><SCRIPT type="text/javascript">${HELLO}</SCRIPT >`;
    expect(inlineScriptHashes(html)).toEqual([HELLO_HASH]);
  });

  test('a script with src needs no hash; an empty one still gets one', () => {
    expect(inlineScriptHashes('<script src="/_next/static/a.js" async=""></script>')).toEqual([]);
    expect(inlineScriptHashes('<script></script>')).toEqual(["'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"]);
  });

  test('the text is hashed as UTF-8, Chinese included', () => {
    const [hash] = inlineScriptHashes('<script>self.x="对照"</script>');
    expect(hash).toMatch(/^'sha256-[A-Za-z0-9+/]{43}='$/);
    expect(hash).not.toBe(inlineScriptHashes('<script>self.x="对"</script>')[0]);
  });
});

describe('pagePolicy', () => {
  test('scripts from this site and the listed hashes only, no inline script otherwise', () => {
    const policy = pagePolicy([HELLO_HASH]);
    expect(policy).toContain(`script-src 'self' ${HELLO_HASH}`);
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(policy).not.toContain('unsafe-eval');
    for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'", "form-action 'self'"]) expect(policy).toContain(directive);
  });

  test('a page without scripts allows none', () => {
    expect(SCRIPTLESS_PAGE_POLICY).toContain("script-src 'none'");
  });
});

describe('answerWithPagePolicy over HTTP', () => {
  let server: Server;
  let base: string;
  const routes: Record<string, (response: ServerResponse, request: IncomingMessage) => void> = {
    // As Next streams a page: headers set, flushed before the first chunk, the body in pieces.
    '/streamed': (response) => {
      response.statusCode = 200;
      response.setHeader('Content-Type', 'text/html; charset=utf-8');
      response.flushHeaders();
      response.write('<!doctype html><p>一</p>');
      response.write(Buffer.from(`<script>${HELLO}</script>`));
      setTimeout(() => response.end('<script src="/a.js"></script>'), 20);
    },
    // As Next answers a prerendered page: writeHead with its headers, then the whole body.
    '/prerendered': (response) => {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(`<script>${HELLO}</script>`), 'X-Kept': 'yes' });
      response.end(`<script>${HELLO}</script>`);
    },
    '/not-modified': (response) => {
      response.setHeader('Content-Type', 'text/html; charset=utf-8');
      response.setHeader('Content-Security-Policy', "frame-ancestors 'none'");
      response.writeHead(304);
      response.end();
    },
    // Two bodies of one length under one ETag: only a cache would answer the second with the first's policy.
    '/tagged-1': (response) => {
      response.writeHead(200, { 'Content-Type': 'text/html', ETag: '"same-tag"' });
      response.end(`<script>${HELLO}</script>`);
    },
    '/tagged-2': (response) => {
      response.writeHead(200, { 'Content-Type': 'text/html', ETag: '"same-tag"' });
      response.end('<script>other(1, 2, 3, 4, 5, 6)</script>');
    },
    '/json': (response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.write('{"a":');
      response.end('1}');
    },
  };

  beforeAll(async () => {
    server = createServer((request, response) => {
      answerWithPagePolicy(response);
      routes[request.url ?? '']?.(response, request);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('a streamed page arrives whole, with the hash of its inline script and not of the external one', async () => {
    const response = await fetch(`${base}/streamed`);
    expect(await response.text()).toBe(`<!doctype html><p>一</p><script>${HELLO}</script><script src="/a.js"></script>`);
    expect(response.headers.get('content-security-policy')).toBe(pagePolicy([HELLO_HASH]));
  });

  test("writeHead's headers are kept, the policy added, the length still right", async () => {
    const response = await fetch(`${base}/prerendered`);
    expect(response.headers.get('x-kept')).toBe('yes');
    expect(response.headers.get('content-security-policy')).toBe(pagePolicy([HELLO_HASH]));
    expect(await response.text()).toBe(`<script>${HELLO}</script>`);
  });

  test('a 304 carries no policy, so the copy the browser keeps keeps its own', async () => {
    const response = await fetch(`${base}/not-modified`);
    expect(response.status).toBe(304);
    expect(response.headers.get('content-security-policy')).toBeNull();
  });

  test('a page answered again under the same ETag is not hashed again', async () => {
    const first = await fetch(`${base}/tagged-1`);
    await first.text();
    const second = await fetch(`${base}/tagged-2`);
    await second.text();
    expect(second.headers.get('content-security-policy')).toBe(pagePolicy([HELLO_HASH]));
  });

  test('other answers pass through untouched', async () => {
    const response = await fetch(`${base}/json`);
    expect(response.headers.get('content-security-policy')).toBeNull();
    expect(await response.json()).toEqual({ a: 1 });
  });
});
