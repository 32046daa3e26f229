/**
 * The moderator's side of comments, apart from Next: reading a moderation form, and carrying out
 * a decision for a signed-in admin. The server action (moderation-actions.ts) only wires these
 * to redirects and revalidation.
 */
import 'server-only';
import { z } from 'zod';
import { localeField } from '../admin/forms';
import type { Db } from '../db/client';
import { AppError } from '../http/errors';
import { moderateComment } from './actions';

export const moderationDecisions = ['approve', 'spam', 'delete'] as const;
export type ModerationDecision = (typeof moderationDecisions)[number];

export const moderationFormSchema = z.object({
  locale: localeField,
  id: z.string().regex(/^[\w-]{1,40}$/),
  decision: z.enum(moderationDecisions),
});

/**
 * Carries out a moderator's decision, checking the session itself: a form can be posted by
 * anyone, whatever page it came from. Returns the post's slug, whose pages are now stale.
 */
export async function moderateAsAdmin(
  session: { db: Db; isAdmin: boolean },
  id: string,
  decision: ModerationDecision,
): Promise<{ slug: string }> {
  if (!session.isAdmin) throw new AppError('admin.unauthorized', 401, 'sign in as the admin to moderate');
  const row = await session.db.comment.findUnique({ where: { id }, select: { postSlug: true, deleted: true } });
  if (!row || row.deleted) throw new AppError('comment.notFound', 404, 'no such comment');
  await moderateComment(session.db, id, decision);
  return { slug: row.postSlug };
}
