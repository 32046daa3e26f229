/**
 * The address a request comes from. X-Forwarded-For is believed only when the direct peer is a
 * configured proxy (TRUSTED_PROXIES); otherwise anyone could claim any address and dodge limits.
 * The address is only ever stored hashed.
 */
import { createHmac } from 'node:crypto';

export function clientAddress(headers: Headers, peer: string | null, trustedProxies: readonly string[]): string {
  const direct = peer ?? 'unknown';
  if (!trustedProxies.includes(direct)) return direct;
  const chain = (headers.get('x-forwarded-for') ?? '').split(',').map((hop) => hop.trim()).filter(Boolean);
  // Walk back from the nearest hop, skipping our own proxies: the first other hop is the client.
  for (let index = chain.length - 1; index >= 0; index -= 1) {
    const hop = chain[index];
    if (hop && !trustedProxies.includes(hop)) return hop;
  }
  return direct;
}

export function hashAddress(address: string, secret: string): string {
  return createHmac('sha256', secret).update(`addr:${address}`).digest('base64url').slice(0, 22);
}
