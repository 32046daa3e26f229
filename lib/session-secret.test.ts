/** When the session secret may be left to the database, and when start-up must stop for it. */
import { describe, expect, test } from 'vitest';
import { isLoopbackHost, sessionSecretProblem } from './session-secret.mjs';

const LONG = 'k'.repeat(32);

describe('sessionSecretProblem', () => {
  test('on a loopback address the secret may be unset (kept in the database)', () => {
    for (const HOST of [undefined, '127.0.0.1', 'localhost', '::1', '[::1]', '127.0.0.2']) expect(sessionSecretProblem({ HOST })).toBeNull();
  });

  test('on a public address an unset secret stops start-up, and says how to make one', () => {
    for (const HOST of ['0.0.0.0', '::', '10.0.0.5', 'blog.example']) {
      expect(sessionSecretProblem({ HOST })).toMatch(/SESSION_SECRET must be set.*openssl rand/);
    }
    expect(sessionSecretProblem({ HOST: '0.0.0.0', SESSION_SECRET: LONG })).toBeNull();
  });

  test('a short secret is refused anywhere, with its length', () => {
    expect(sessionSecretProblem({ SESSION_SECRET: 'short' })).toMatch(/5 characters long; it must be at least 32/);
    expect(sessionSecretProblem({ HOST: '0.0.0.0', SESSION_SECRET: 'k'.repeat(31) })).toMatch(/31 characters/);
  });
});

test('isLoopbackHost', () => {
  expect(isLoopbackHost('127.0.0.1')).toBe(true);
  expect(isLoopbackHost('128.0.0.1')).toBe(false);
  expect(isLoopbackHost('localhost.example')).toBe(false);
});
