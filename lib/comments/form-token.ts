/**
 * The minimum-time check against spam bots: a form carries a token signed with the site secret
 * that says when it was handed out, and a comment sent less than MIN_FILL_MS after that is
 * refused (`comment.tooFast`). Tokens are plain signed timestamps: nothing is stored, any
 * instance can check them. Server-only (node:crypto, the secret).
 */
import { sign, unsign } from '../http/signed';

export const MIN_FILL_MS = 3_000;
/** An older token is refused: a token harvested once must not serve a bot forever. */
export const FORM_TOKEN_MAX_AGE_MS = 24 * 60 * 60 * 1000;

const PREFIX = 'form:';

export function issueFormToken(secret: string, now = Date.now()): string {
  return sign(`${PREFIX}${now}`, secret);
}

export type FormTokenCheck = 'ok' | 'missing' | 'invalid' | 'expired' | 'tooFast';

export function checkFormToken(token: string | null | undefined, secret: string, now = Date.now()): FormTokenCheck {
  if (!token) return 'missing';
  const value = unsign(token, secret);
  if (!value?.startsWith(PREFIX)) return 'invalid';
  const issuedAt = Number(value.slice(PREFIX.length));
  if (!Number.isSafeInteger(issuedAt)) return 'invalid';
  const age = now - issuedAt;
  if (age < MIN_FILL_MS) return 'tooFast';
  if (age > FORM_TOKEN_MAX_AGE_MS) return 'expired';
  return 'ok';
}
