/**
 * Other instances' changes to threads, on this one: each instance on the same PostgreSQL
 * announces what it changed (lib/db/change-feed.ts, from `threadChanged`), and this instance,
 * hearing it, drops its copies of that thread and its pages as it does for its own writes. Pages
 * can only be dropped inside a request, so the instance asks its own server to do it
 * (lib/http/self-request.ts). A post's page therefore shows another instance's comment as soon as
 * it is rendered again, not when its prerendered copy expires.
 */
import 'server-only';
import { z } from 'zod';
import { followChanges } from '../db/change-feed';
import { getDb } from '../db/client';
import { databaseTarget } from '../db/target';
import { env } from '../env';
import { postToSelf } from '../http/self-request';
import { AppError } from '../http/errors';
import { slugOfThreadTopic, THREAD_CHANGED_PATH } from './paths';
import { threadChangedElsewhere } from './revalidate';

const threadChangedBody = z.object({ slug: z.string().min(1).max(200) });

/** Started once with the server (instrumentation.ts); does nothing on SQLite. */
export function followRemoteThreadChanges(): void {
  const target = databaseTarget(env.databaseUrl);
  if (target.provider !== 'postgres') return;
  followChanges(target.url, (topic) => {
    const slug = slugOfThreadTopic(topic);
    if (slug === null) return;
    postToSelf(THREAD_CHANGED_PATH, threadChangedBody.parse({ slug })).catch((error: unknown) =>
      console.error(`another instance changed ${slug}, and dropping this one's copies failed:`, error),
    );
  });
}

/** For the route the server's own request reaches: drops this instance's copies of the thread. */
export async function forgetRemoteThreadChange(body: unknown): Promise<void> {
  const parsed = threadChangedBody.safeParse(body);
  if (!parsed.success) throw new AppError('request.invalid', 400, 'expected { slug }');
  threadChangedElsewhere(await getDb(), parsed.data.slug);
}
