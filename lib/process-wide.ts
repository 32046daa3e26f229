/**
 * One value per server process, whichever copy of a module asks for it. Next's server build may
 * bundle a module into several chunks (route handlers, pages, server actions), each with module
 * state of its own; what must exist once — the database connection, the migration queue, caches
 * that writes invalidate — lives on `globalThis` under a registered symbol instead.
 */
export function processWide<T>(name: string, create: () => T): T {
  const store = globalThis as unknown as Record<symbol, T | undefined>;
  const key = Symbol.for(`duizhao:${name}`);
  return (store[key] ??= create());
}
