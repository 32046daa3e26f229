/** Whether a Redis server answers at the URL, for tests that need one (and skip, saying why, without). */
import { Redis } from 'ioredis';

export async function redisUnavailableReason(url: string): Promise<string | null> {
  const client = new Redis(url, { lazyConnect: true, connectTimeout: 2_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => {});
  try {
    await client.connect();
    return (await client.ping()) === 'PONG' ? null : `Redis at ${url} did not answer PING`;
  } catch (error) {
    return `Redis not reachable at ${url}: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    client.disconnect();
  }
}
