import { describe, expect, test } from 'vitest';
import { isSecureOrigin } from '../http/secure-cookie';
import { adminCookieOptions, isAdminToken } from './sign-in';

const TOKEN = 'correct-horse-battery';

describe('the admin sign-in check', () => {
  test('accepts exactly the configured token', () => {
    expect(isAdminToken(TOKEN, TOKEN)).toBe(true);
    expect(isAdminToken('correct-horse-batterx', TOKEN)).toBe(false);
    expect(isAdminToken('correct-horse', TOKEN)).toBe(false);
    expect(isAdminToken(`${TOKEN} `, TOKEN)).toBe(false);
    expect(isAdminToken('', TOKEN)).toBe(false);
  });

  test('accepts nothing when moderation is off', () => {
    expect(isAdminToken('', null)).toBe(false);
    expect(isAdminToken(TOKEN, null)).toBe(false);
  });

  test('sets a Secure cookie only when the browser is on https', () => {
    expect(isSecureOrigin('https://duizhao.example', 'http://127.0.0.1:3000')).toBe(true);
    expect(isSecureOrigin('http://127.0.0.1:3160', 'https://duizhao.example')).toBe(false);
    expect(isSecureOrigin(null, 'https://duizhao.example')).toBe(true);
    expect(isSecureOrigin(null, 'http://127.0.0.1:3000')).toBe(false);
    expect(adminCookieOptions(true)).toEqual({ httpOnly: true, sameSite: 'lax', secure: true, path: '/', maxAge: 8 * 60 * 60 });
  });
});
