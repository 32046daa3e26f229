/**
 * The public view of each post's thread (what a reader who wrote none of it sees), kept in
 * memory as the JSON the API answers, so reading a thread costs no query and no serialisation
 * between writes.
 *
 * Every write through this instance drops the post's entry at once (`forgetThread`, called by
 * `threadChanged`); an entry also expires after `THREAD_CACHE_MS`, which bounds how long a change
 * made elsewhere (another instance on the same PostgreSQL, `npm run comments:import`) takes to
 * show. Concurrent misses share one query; a query still running when a write lands is dropped
 * with the entry, so its answer goes only to the readers who asked before the write.
 *
 * Once an entry's query is done, and while the entry is current, the app's HTTP server answers
 * `GET /api/posts/<slug>/comments` from it directly (lib/http/memory-answers.ts).
 */
import 'server-only';
import type { Db } from '../db/client';
import { publishAnswer, withdrawAnswer } from '../http/memory-answers';
import { PERSONAL_COOKIES } from '../http/personal-cookies.mjs';
import { processWide } from '../process-wide.mjs';
import { THREAD_CACHE_MS } from './limits';
import { threadApiPath } from './paths';
import { countShown } from './thread';
import { listComments } from './queries';
import { anonymousViewer, type CommentDto } from './types';

export { THREAD_CACHE_MS };

type Entry = { comments: Promise<CommentDto[]>; json: Promise<string>; expires: number };
// A reader with comments of their own in the thread, or the admin, sees another thread than this
// (lib/http/personal-cookies.mjs).
const caches = processWide('thread-cache', () => new WeakMap<Db, Map<string, Entry>>());

function cacheOf(db: Db): Map<string, Entry> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  return cache;
}

function entryFor(db: Db, slug: string, now: number): Entry {
  const cache = cacheOf(db);
  const cached = cache.get(slug);
  if (cached && cached.expires > now) return cached;
  const comments = listComments(db, slug, anonymousViewer);
  const json = comments.then((list) => JSON.stringify({ comments: list, count: countShown(list) }));
  const entry: Entry = { comments, json, expires: now + THREAD_CACHE_MS };
  cache.set(slug, entry);
  json.then(
    (text) => {
      if (cache.get(slug) === entry) publishAnswer(threadApiPath(slug), text, entry.expires, { personalCookies: PERSONAL_COOKIES });
    },
    () => undefined,
  );
  // A failed read is not kept: the next reader tries again.
  json.catch(() => {
    if (cache.get(slug) === entry) cache.delete(slug);
  });
  return entry;
}

/** `{"comments": [...], "count": n}` as an anonymous reader sees the thread. */
export function publicThreadJson(db: Db, slug: string, now = Date.now()): Promise<string> {
  return entryFor(db, slug, now).json;
}

/** The thread as an anonymous reader sees it, in posting order (shared with publicThreadJson; do not change it). */
export function publicThread(db: Db, slug: string, now = Date.now()): Promise<readonly CommentDto[]> {
  return entryFor(db, slug, now).comments;
}

/** Drops a post's cached thread; call once a change to it is committed. */
export function forgetThread(db: Db, slug: string): void {
  cacheOf(db).delete(slug);
  withdrawAnswer(threadApiPath(slug));
}
