/**
 * Requests the app makes to its own HTTP server, for work that needs Next's request context
 * (`revalidatePath` runs only inside a request) when its cause came from outside any request:
 * another instance's change, heard on the change feed (lib/db/change-feed.ts). Each carries a
 * random key made once per process, which no client can know; the route that serves them answers
 * anything without it as if it were not there.
 */
import 'server-only';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { env } from '../env';
import { processWide } from '../process-wide.mjs';
import { selfOrigin } from './self-address.mjs';

export const SELF_KEY_HEADER = 'x-duizhao-self';
const SELF_REQUEST_TIMEOUT_MS = 10_000;

const selfKey = () => processWide('self-key', () => randomBytes(24).toString('base64url'));

/** Whether the request is one this process made to itself. */
export function isSelfRequest(request: Request): boolean {
  const given = Buffer.from(request.headers.get(SELF_KEY_HEADER) ?? '');
  const key = Buffer.from(selfKey());
  return given.length === key.length && timingSafeEqual(given, key);
}

/** POSTs `body` as JSON to `path` on this process's own server; rejects unless it answers 2xx. */
export async function postToSelf(path: string, body: unknown): Promise<void> {
  const response = await fetch(`${selfOrigin(env.host, env.port)}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [SELF_KEY_HEADER]: selfKey() },
    body: JSON.stringify(body),
    cache: 'no-store',
    signal: AbortSignal.timeout(SELF_REQUEST_TIMEOUT_MS),
  });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
}
