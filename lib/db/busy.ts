/**
 * Waiting out a locked SQLite file without blocking the event loop. better-sqlite3's own busy
 * timeout waits synchronously, and some waits SQLite refuses outright (a lock upgrade that could
 * deadlock answers SQLITE_BUSY at once); connections that must not stall the server, or that meet
 * such a refusal, run their statement through `retryWhileBusy` instead.
 */

/** SQLITE_BUSY and SQLITE_LOCKED, with their extended codes (SQLITE_BUSY_SNAPSHOT, ...), as better-sqlite3 reports them. */
export const isSqliteBusy = (error: unknown): boolean =>
  error instanceof Error && 'code' in error && typeof error.code === 'string' && /^SQLITE_(?:BUSY|LOCKED)/.test(error.code);

/** As long as better-sqlite3's busy timeout elsewhere in the app. */
const GIVE_UP_MS = 15_000;

/** Runs `operation`, trying again after a short, growing pause while the file is busy. */
export async function retryWhileBusy<T>(operation: () => T | Promise<T>): Promise<T> {
  const started = Date.now();
  for (let delay = 1; ; delay = Math.min(delay * 2, 50)) {
    try {
      return await operation();
    } catch (error) {
      if (!isSqliteBusy(error) || Date.now() - started > GIVE_UP_MS) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}
