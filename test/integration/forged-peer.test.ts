/**
 * The client address cannot be forged with a request header, however the app is started. Under
 * scripts/server.mjs the peer header is set from the socket with a key only that process knows;
 * under plain `next start` (no server in front) a header a client sets is never believed, so
 * rotating it does not rotate the rate limit: every such request counts against one address.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PEER_HEADER } from '../../lib/http/peer-header.mjs';
import { createTempDatabase, type TempDatabase } from './databases';
import { OPEN_POST, READY_TIMEOUT_MS, startServer, type RunningServer } from './server';

const threadPath = `/api/posts/${OPEN_POST}/comments`;
let serial = 0;

/** Comments from "new" addresses each time, as a forger would claim them; the statuses answered. */
async function postRotating(server: RunningServer, count: number, header: (n: number) => Record<string, string>): Promise<number[]> {
  const statuses: number[] = [];
  for (let n = 0; n < count; n += 1) {
    const response = await fetch(`${server.baseUrl}${threadPath}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...header(n) },
      body: JSON.stringify({ author: 'Forger', body: `伪造地址测试 ${Date.now()}${(serial += 1)}` }),
    });
    await response.arrayBuffer();
    statuses.push(response.status);
  }
  return statuses;
}

describe.each([
  { how: 'scripts/server.mjs (npm start)', plainNext: false },
  { how: 'plain next start', plainNext: true },
])('a forged peer header under $how', ({ how, plainNext }) => {
  let database: TempDatabase;
  let server: RunningServer;

  beforeAll(async () => {
    database = await createTempDatabase('sqlite');
    if (plainNext) {
      // Makes sure the build is there and current, as npm start would; then serves it without the server.
      const first = await startServer({ databaseUrl: database.url, label: 'sqlite (build for plain next start)' });
      await first.stop();
    }
    server = await startServer({ databaseUrl: database.url, label: `sqlite (${how})`, plainNext });
  }, 2 * READY_TIMEOUT_MS + 60_000);

  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  }, 60_000);

  test('a new address in the header for every comment still meets the limit on the 4th', async () => {
    const statuses = await postRotating(server, 5, (n) => ({ [PEER_HEADER]: `203.0.113.${n + 1}` }));
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
  });

  test('nor does a header that imitates the server\'s form', async () => {
    const statuses = await postRotating(server, 2, (n) => ({ [PEER_HEADER]: `guessed-key 198.51.100.${n + 1}` }));
    expect(statuses).toEqual([429, 429]);
  });
});
