/**
 * The browser's calls to the site's JSON APIs (comments, notes), with failures reduced to a
 * stable error code (plus Retry-After for rate limits) that the components translate.
 * Client-safe.
 */
import type { ErrorLabels } from '@/lib/http/error-labels';
import { isErrorCode, type ClientErrorCode } from '@/lib/http/errors';
import { fill } from '@/lib/i18n/fill';

export type ApiFailure = { code: ClientErrorCode; retryAfter: number | null };
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiFailure };

function errorCodeOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  const { error } = body;
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/** A schema that checks an answer (zod or zod/mini alike). */
export type AnswerSchema<T> = { safeParse(data: unknown): { success: true; data: T } | { success: false } };
/**
 * An answer's schema, or a function that loads it. A loader keeps the schema (and zod) out of the
 * JavaScript a page loads first: it is fetched alongside the first call that needs it.
 */
export type AnswerCheck<T> = AnswerSchema<T> | (() => Promise<AnswerSchema<T>>);

type Request = { method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; json?: unknown; signal?: AbortSignal };

/** Calls the API and parses a success with `schema`; an answer of the wrong shape counts as a server failure. */
export async function callApi<T>(url: string, schema: AnswerCheck<T>, init: Request = { method: 'GET' }): Promise<ApiResult<T>> {
  // Loaded while the request is in flight; a failure to load it is awaited (and reported) only after a success.
  const checker = typeof schema === 'function' ? schema() : Promise.resolve(schema);
  checker.catch(() => undefined);
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method,
      headers: init.json === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
      signal: init.signal,
      credentials: 'same-origin',
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    return { ok: false, error: { code: 'network', retryAfter: null } };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) {
    let check: AnswerSchema<T>;
    try {
      check = await checker;
    } catch {
      return { ok: false, error: { code: 'network', retryAfter: null } };
    }
    const parsed = check.safeParse(body);
    return parsed.success ? { ok: true, data: parsed.data } : { ok: false, error: { code: 'internal', retryAfter: null } };
  }
  const code = errorCodeOf(body);
  const retryAfter = Number(response.headers.get('Retry-After'));
  return {
    ok: false,
    error: { code: isErrorCode(code) ? code : 'internal', retryAfter: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null },
  };
}

/** The translated message for a failure; a rate limit says how many minutes to wait. */
export function errorMessage(errors: ErrorLabels, failure: ApiFailure): string {
  const minutes = Math.max(1, Math.ceil((failure.retryAfter ?? 60) / 60));
  return fill(errors[failure.code], { minutes });
}
