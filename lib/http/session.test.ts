import { describe, expect, test } from 'vitest';
import { ADMIN_SESSION_SECONDS, adminCookieValue, adminSessionOf, isAdminSession } from './session';
import { unsign } from './signed';

const SECRET = 'site-secret-for-tests';
const TOKEN = 'correct-horse-battery';
const NOW = Date.UTC(2026, 10, 28, 6, 0, 0);

const sessionValue = (token = TOKEN, now = NOW) => unsign(adminCookieValue(SECRET, token, now), SECRET);

describe('admin sessions', () => {
  test('a session signed in with the token is the admin until it expires', () => {
    const value = sessionValue();
    expect(isAdminSession(value, TOKEN, SECRET, NOW)).toBe(true);
    expect(isAdminSession(value, TOKEN, SECRET, NOW + ADMIN_SESSION_SECONDS * 1000 - 1)).toBe(true);
    expect(isAdminSession(value, TOKEN, SECRET, NOW + ADMIN_SESSION_SECONDS * 1000)).toBe(false);
  });

  test('changing ADMIN_TOKEN ends every session signed in with the old one; turning moderation off ends them all', () => {
    const value = sessionValue('the-old-token-that-leaked');
    expect(isAdminSession(value, 'the-old-token-that-leaked', SECRET, NOW)).toBe(true);
    expect(isAdminSession(value, 'a-brand-new-token', SECRET, NOW)).toBe(false);
    expect(isAdminSession(sessionValue(), null, SECRET, NOW)).toBe(false);
  });

  test('the cookie names neither the token nor anything a reader could reuse on another site', () => {
    const cookie = adminCookieValue(SECRET, TOKEN, NOW);
    expect(cookie).not.toContain(TOKEN);
    expect(unsign(cookie, 'another-site-secret')).toBeNull();
    expect(isAdminSession(unsign(adminCookieValue('another-site-secret', TOKEN, NOW), 'another-site-secret'), TOKEN, SECRET, NOW)).toBe(false);
  });

  test('each sign-in is a session of its own, with an id to end it by', () => {
    const first = adminSessionOf(sessionValue(), TOKEN, SECRET, NOW);
    const second = adminSessionOf(sessionValue(), TOKEN, SECRET, NOW);
    expect(first?.id).toMatch(/^[\w-]{16}$/);
    expect(first?.id).not.toBe(second?.id);
    expect(first?.expires).toBe(NOW + ADMIN_SESSION_SECONDS * 1000);
  });

  test('values of the old shape, without a fingerprint or an id, or of another kind are not sessions', () => {
    expect(isAdminSession(`admin:${NOW + 60_000}`, TOKEN, SECRET, NOW)).toBe(false);
    const [, expires, print] = (sessionValue() ?? '').split(':');
    expect(isAdminSession(`admin:${expires}:${print}`, TOKEN, SECRET, NOW)).toBe(false);
    expect(isAdminSession(`admin:${expires}:${print}:id:extra`, TOKEN, SECRET, NOW)).toBe(false);
    expect(isAdminSession(null, TOKEN, SECRET, NOW)).toBe(false);
    const [, expiry, fingerprint] = (sessionValue() ?? '').split(':');
    expect(isAdminSession(`reader:${expiry}:${fingerprint}`, TOKEN, SECRET, NOW)).toBe(false);
  });
});
