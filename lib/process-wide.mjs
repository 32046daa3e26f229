// @ts-check
/**
 * The values that must exist once per server process, in one place: the only module that keeps
 * state on `globalThis`. Plain JavaScript (types in JSDoc) so that scripts/server.mjs, which
 * Node runs as is, shares it with the app.
 *
 * Why they must: Next's server build may bundle a module into several chunks (route handlers,
 * pages, server actions), and the HTTP server loads modules outside the bundle altogether. Each
 * copy has module state of its own, so a `new Map()` at the top of a module exists once per
 * copy. What must exist once lives here instead, under a registered symbol (`duizhao:<slot>`)
 * that every copy finds:
 *
 *   db                the database connection, opened and migrated once (lib/db/client.ts)
 *   db-opened         what each open client holds beside Prisma: pools, the counter store,
 *                     the WAL sync, what to close with it (lib/db/client.ts)
 *   migration-queues  migrations of one database, one after another (lib/db/migrate.ts)
 *   rate-limits       the Redis client and the sweep of expired counters (lib/limits/rate-limit.ts)
 *   thread-cache      each post's public thread, dropped by every write (lib/comments/thread-cache.ts)
 *   memory-answers    the answers the HTTP server sends without running Next
 *                     (lib/http/memory-answers.ts, through memory-answers-registry.mjs)
 *   page-cache        the prerendered pages the HTTP server answers from memory, dropped by
 *                     every change to what they show (lib/http/page-cache.mjs, through
 *                     page-cache-registry.mjs)
 *   on-shutdown       what to close when the server stops: the database, Redis
 *                     (`onShutdown`, run by scripts/server.mjs through `shutDown`)
 *   peer-key          the random key that proves a peer address came from this process's HTTP
 *                     server, not from a client (lib/http/peer-header.mjs)
 *   change-feed       this instance's id and whether it listens for other instances' changes
 *                     (lib/db/change-feed.ts)
 *   self-key          the random key of the requests the app makes to its own server
 *                     (lib/http/self-request.ts)
 *
 * The same reason makes classes differ between copies: an error made by one copy's AppError
 * fails another copy's `instanceof`, so `isAppError` (lib/http/errors.ts) also knows one by its
 * shape, and a rate limiter stays in the chunk whose copy of rate-limiter-flexible made it.
 */

/** @typedef {'db' | 'db-opened' | 'migration-queues' | 'rate-limits' | 'thread-cache' | 'memory-answers' | 'page-cache' | 'on-shutdown' | 'peer-key' | 'change-feed' | 'self-key'} ProcessWideSlot */

/**
 * `globalThis` as a table of symbols: it is typed without an index signature, and the slots'
 * values are typed by the modules that own them.
 * @type {Record<symbol, unknown>}
 */
const store = globalThis;

/** @param {ProcessWideSlot} slot */
const keyOf = (slot) => Symbol.for(`duizhao:${slot}`);

/**
 * The process's value in `slot`, made by `create` in whichever copy asks first.
 * @template T
 * @param {ProcessWideSlot} slot
 * @param {() => T} create
 * @returns {T}
 */
export function processWide(slot, create) {
  const key = keyOf(slot);
  if (!(key in store)) store[key] = create();
  return /** @type {T} */ (store[key]);
}

/**
 * The value in `slot` if some copy has made it, for a reader that must not make it (the HTTP
 * server, which only answers from what the app published). Unknown: check its shape.
 * @param {ProcessWideSlot} slot
 * @returns {unknown}
 */
export function existingProcessWide(slot) {
  return store[keyOf(slot)];
}

/**
 * Registers what to close when the server stops (after its last request): the database
 * connection, the Redis client. Run once each, newest first, by `shutDown`.
 * @param {() => Promise<void> | void} close
 */
export function onShutdown(close) {
  processWide('on-shutdown', () => /** @type {Array<() => Promise<void> | void>} */ ([])).push(close);
}

/**
 * Runs what `onShutdown` registered, newest first; one that fails or hangs past `timeoutMs` is
 * reported and does not stop the others.
 * @param {number} [timeoutMs]
 */
export async function shutDown(timeoutMs = 5_000) {
  const closes = processWide('on-shutdown', () => /** @type {Array<() => Promise<void> | void>} */ ([]));
  for (const close of closes.splice(0).reverse()) {
    /** @type {NodeJS.Timeout | undefined} */
    let timer;
    const timedOut = new Promise((resolve) => (timer = setTimeout(() => resolve('timed out'), timeoutMs)));
    try {
      const outcome = await Promise.race([Promise.resolve(close()).then(() => null), timedOut]);
      if (outcome) console.error(`shutdown: a close ${outcome} after ${timeoutMs} ms`);
    } catch (error) {
      console.error('shutdown: a close failed:', error);
    } finally {
      clearTimeout(timer);
    }
  }
}
