/**
 * Values signed with the site secret (HMAC-SHA256), for cookies and form tokens a client keeps but
 * must not be able to forge. Verification is constant-time.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const signature = (value: string, secret: string) => createHmac('sha256', secret).update(value).digest('base64url');

export function sign(value: string, secret: string): string {
  return `${value}.${signature(value, secret)}`;
}

/** The value, if the signature is the site's; null otherwise. */
export function unsign(signed: string | undefined | null, secret: string): string | null {
  if (!signed) return null;
  const dot = signed.lastIndexOf('.');
  if (dot <= 0) return null;
  const value = signed.slice(0, dot);
  const given = Buffer.from(signed.slice(dot + 1));
  const expected = Buffer.from(signature(value, secret));
  return given.length === expected.length && timingSafeEqual(given, expected) ? value : null;
}

/** Compares two secrets (e.g. the admin token) without leaking where they differ. */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHmac('sha256', 'compare').update(given).digest();
  const b = createHmac('sha256', 'compare').update(expected).digest();
  return timingSafeEqual(a, b);
}
