// @ts-check
/**
 * The contract between the HTTP server's page cache (lib/http/page-cache.mjs, made by
 * scripts/server.mjs) and the app, which must drop the kept pages when it changes what they show:
 * a process-wide slot (see lib/process-wide.mjs) both import. Under `next start` or in tests there
 * is no page cache, and `pagesChanged` does nothing.
 */
import { existingProcessWide, processWide } from '../process-wide.mjs';

/**
 * For the server: makes `cache` the process's page cache.
 * @template {{ invalidate: () => void }} T
 * @param {T} cache
 * @returns {T}
 */
export function registerPageCache(cache) {
  return processWide('page-cache', () => cache);
}

/** For the app: every kept page may show what just changed; call before the change is reported done. */
export function pagesChanged() {
  const cache = existingProcessWide('page-cache');
  if (typeof cache === 'object' && cache !== null && 'invalidate' in cache && typeof cache.invalidate === 'function') cache.invalidate();
}
