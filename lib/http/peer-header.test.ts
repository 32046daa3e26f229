import { describe, expect, test } from 'vitest';
import { peerAddress, peerFromHeader, peerHeaderValue } from './peer-header.mjs';

describe('the peer address the HTTP server passes on', () => {
  test('an IPv4 client of a dual-stack socket is plain IPv4, as TRUSTED_PROXIES names it', () => {
    expect(peerAddress('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(peerAddress('10.0.0.2')).toBe('10.0.0.2');
    expect(peerAddress('::1')).toBe('::1');
    expect(peerAddress(undefined)).toBe('');
  });
});

describe('the peer header', () => {
  test('is believed only with this process\'s key, which no client knows', () => {
    expect(peerFromHeader(peerHeaderValue('203.0.113.9'))).toBe('203.0.113.9');
    expect(peerFromHeader(peerHeaderValue('2001:db8::1'))).toBe('2001:db8::1');
    expect(peerFromHeader('203.0.113.9')).toBeNull();
    expect(peerFromHeader('guess 203.0.113.9')).toBeNull();
    expect(peerFromHeader(` ${peerHeaderValue('1.2.3.4')}`)).toBeNull();
    expect(peerFromHeader('')).toBeNull();
    expect(peerFromHeader(null)).toBeNull();
  });
});
