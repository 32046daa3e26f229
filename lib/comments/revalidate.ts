/**
 * A post's pages are prerendered, so what they show of its thread is as old as the last render.
 * Whatever changes a thread (a moderator's decision, a new comment) throws away every prerendered
 * variant of the post: the default page and each reading-mode page, in both UI languages, and
 * every page the HTTP server keeps in memory (lib/http/page-cache.mjs); on every instance.
 */
import 'server-only';
import { revalidatePath } from 'next/cache';
import { announceChange } from '../db/change-feed';
import { postgresPoolOf, type Db } from '../db/client';
import { allViewSegments } from '../gloss/reading-mode';
import { pagesChanged } from '../http/page-cache-registry.mjs';
import { locales } from '../i18n/config';
import { threadTopic } from './paths';
import { forgetThread } from './thread-cache';

/** Every path a post is prerendered at, e.g. `/zh/posts/x` and `/zh/posts/x/inline-pinyin`. */
export function postPagePaths(slug: string): string[] {
  return locales.flatMap((locale) => {
    const page = `/${locale}/posts/${slug}`;
    return [page, ...allViewSegments.map((view) => `${page}/${view}`)];
  });
}

/** Call from a server action or route handler, after the change is committed. */
export function revalidatePostPages(slug: string): void {
  for (const path of postPagePaths(slug)) revalidatePath(path);
  // A thread's size shows on the post lists too (the cards' comment counts).
  for (const locale of locales) revalidatePath(`/${locale}`);
  revalidatePath('/[locale]/tags/[tag]', 'page');
  // And what the HTTP server keeps of them (feeds and lists included).
  pagesChanged();
}

/**
 * Call once any change to a post's thread is committed: the cached thread and the pages go, here
 * and (on PostgreSQL) on every other instance, which hears of it on the change feed.
 */
export function threadChanged(db: Db, slug: string): void {
  threadChangedElsewhere(db, slug);
  const pool = postgresPoolOf(db);
  if (pool) announceChange(pool, threadTopic(slug)).catch((error: unknown) => console.error(`announcing a change to ${slug} failed:`, error));
}

/** What another instance's change to a thread costs this one: its copies of the thread and pages. */
export function threadChangedElsewhere(db: Db, slug: string): void {
  forgetThread(db, slug);
  revalidatePostPages(slug);
}
