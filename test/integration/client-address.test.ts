/**
 * Which address a request is counted against (lib/http/client-address.ts): X-Forwarded-For only
 * when the direct peer (set by scripts/server.mjs from the socket) is a trusted proxy.
 */
import { describe, expect, test } from 'vitest';
import { clientAddress, hashAddress } from '../../lib/http/client-address';

const forwarded = (value: string | null) => new Headers(value === null ? {} : { 'x-forwarded-for': value });

describe('clientAddress', () => {
  test('without trusted proxies, X-Forwarded-For is ignored: the peer is the client', () => {
    expect(clientAddress(forwarded('203.0.113.7'), '198.51.100.1', [])).toBe('198.51.100.1');
    expect(clientAddress(forwarded('203.0.113.7'), '127.0.0.1', [])).toBe('127.0.0.1');
  });

  test('from an untrusted peer, X-Forwarded-For is ignored even when proxies are configured', () => {
    expect(clientAddress(forwarded('203.0.113.7'), '198.51.100.1', ['127.0.0.1'])).toBe('198.51.100.1');
  });

  test('from a trusted proxy, the nearest untrusted hop of X-Forwarded-For is the client', () => {
    expect(clientAddress(forwarded('203.0.113.7'), '127.0.0.1', ['127.0.0.1'])).toBe('203.0.113.7');
    // A client may prepend anything; only the hop our proxy appended counts.
    expect(clientAddress(forwarded('1.2.3.4, 203.0.113.7'), '127.0.0.1', ['127.0.0.1'])).toBe('203.0.113.7');
    // Our own proxies in the chain are skipped.
    expect(clientAddress(forwarded('203.0.113.7, 10.0.0.2'), '127.0.0.1', ['127.0.0.1', '10.0.0.2'])).toBe('203.0.113.7');
    expect(clientAddress(forwarded(' 203.0.113.7 ,, '), '127.0.0.1', ['127.0.0.1'])).toBe('203.0.113.7');
  });

  test('from a trusted proxy without (useful) X-Forwarded-For, the peer is the client', () => {
    expect(clientAddress(forwarded(null), '127.0.0.1', ['127.0.0.1'])).toBe('127.0.0.1');
    expect(clientAddress(forwarded(''), '127.0.0.1', ['127.0.0.1'])).toBe('127.0.0.1');
    expect(clientAddress(forwarded('10.0.0.2'), '127.0.0.1', ['127.0.0.1', '10.0.0.2'])).toBe('127.0.0.1');
  });

  test('a missing peer is "unknown", and is not trusted', () => {
    expect(clientAddress(forwarded('203.0.113.7'), null, ['127.0.0.1'])).toBe('unknown');
  });
});

describe('hashAddress', () => {
  test('is keyed by the secret, stable, and does not contain the address', () => {
    const hash = hashAddress('203.0.113.7', 'secret-a');
    expect(hash).toBe(hashAddress('203.0.113.7', 'secret-a'));
    expect(hash).not.toBe(hashAddress('203.0.113.7', 'secret-b'));
    expect(hash).not.toBe(hashAddress('203.0.113.8', 'secret-a'));
    expect(hash).not.toContain('203.0.113.7');
    expect(hash).toMatch(/^[\w-]{22}$/);
  });
});
