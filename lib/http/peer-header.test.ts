import { describe, expect, test } from 'vitest';
import { peerAddress } from './peer-header.mjs';

describe('the peer address the HTTP server passes on', () => {
  test('an IPv4 client of a dual-stack socket is plain IPv4, as TRUSTED_PROXIES names it', () => {
    expect(peerAddress('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(peerAddress('10.0.0.2')).toBe('10.0.0.2');
    expect(peerAddress('::1')).toBe('::1');
    expect(peerAddress(undefined)).toBe('');
  });
});
