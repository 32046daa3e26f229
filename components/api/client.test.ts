/**
 * callApi with a schema loader, as the comment components pass it: the answer is checked by the
 * loaded schema, and a schema that cannot be loaded reads as a network failure, never as success.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import * as z from '@/lib/browser-zod';
import { callApi } from './client';

const tokenSchema = z.object({ token: z.string() });

function answer(status: number, body: unknown) {
  vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })));
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('callApi with a schema loader', () => {
  test('a success is checked by the loaded schema', async () => {
    answer(200, { token: 'abc' });
    expect(await callApi('/api/comments/form-token', async () => tokenSchema)).toEqual({ ok: true, data: { token: 'abc' } });
  });

  test('an answer of the wrong shape is a server failure', async () => {
    answer(200, { token: 42 });
    expect(await callApi('/api/comments/form-token', async () => tokenSchema)).toEqual({ ok: false, error: { code: 'internal', retryAfter: null } });
  });

  test('a schema that cannot be loaded is a network failure', async () => {
    answer(200, { token: 'abc' });
    const unloadable = () => Promise.reject<typeof tokenSchema>(new Error('chunk failed to load'));
    expect(await callApi('/api/comments/form-token', unloadable)).toEqual({ ok: false, error: { code: 'network', retryAfter: null } });
  });

  test('a refusal keeps its code whether or not the schema loaded', async () => {
    answer(429, { error: { code: 'comment.rateLimited' } });
    const unloadable = () => Promise.reject<typeof tokenSchema>(new Error('chunk failed to load'));
    expect(await callApi('/api/comments/form-token', unloadable)).toEqual({ ok: false, error: { code: 'comment.rateLimited', retryAfter: null } });
  });
});
