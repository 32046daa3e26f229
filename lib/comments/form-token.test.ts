import { describe, expect, test } from 'vitest';
import { sign } from '../http/signed';
import { checkFormToken, FORM_TOKEN_MAX_AGE_MS, issueFormToken, MIN_FILL_MS } from './form-token';

const secret = 'test-secret';
const issuedAt = Date.UTC(2024, 0, 1);

describe('checkFormToken', () => {
  const token = issueFormToken(secret, issuedAt);

  test('accepts a form sent after the minimum time', () => {
    expect(checkFormToken(token, secret, issuedAt + MIN_FILL_MS)).toBe('ok');
  });

  test('refuses a form sent too soon after it was handed out', () => {
    expect(checkFormToken(token, secret, issuedAt + MIN_FILL_MS - 1)).toBe('tooFast');
  });

  test('refuses an old token', () => {
    expect(checkFormToken(token, secret, issuedAt + FORM_TOKEN_MAX_AGE_MS + 1)).toBe('expired');
  });

  test('tells a missing token from a forged one', () => {
    expect(checkFormToken('', secret)).toBe('missing');
    expect(checkFormToken(null, secret)).toBe('missing');
    expect(checkFormToken(issueFormToken('another secret', issuedAt), secret, issuedAt + MIN_FILL_MS)).toBe('invalid');
    expect(checkFormToken(sign('reader:123', secret), secret)).toBe('invalid');
    expect(checkFormToken(sign('form:soon', secret), secret)).toBe('invalid');
  });
});
