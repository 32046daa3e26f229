/**
 * The API's answers as the browser parses them: what the comment components read back from
 * `/api/posts/{slug}/comments` and `/api/comments/*`. Pure and client-safe, hence zod/mini (the
 * small build of zod) and no import of the validation schemas.
 */
import * as z from '../browser-zod';
import { commentLangs } from './limits';
import { commentOrders } from './thread-pages';
import type { CommentDto } from './types';

export const commentDtoSchema = z.object({
  id: z.string(),
  author: z.string(),
  website: z.nullable(z.string()),
  bodyHtml: z.string(),
  lang: z.enum(commentLangs),
  parentId: z.nullable(z.string()),
  createdAt: z.string(),
  editedAt: z.nullable(z.string()),
  deleted: z.boolean(),
  pending: z.optional(z.literal(true)),
  editableUntil: z.optional(z.string()),
  bodySource: z.optional(z.string()),
}) satisfies z.ZodMiniType<CommentDto>;

export const threadResponseSchema = z.object({ comments: z.array(commentDtoSchema), count: z.number() });
/** One page of the thread (`?page=`, `?order=`, `?comment=`): see lib/comments/thread-pages.ts. */
export const threadPageResponseSchema = z.object({
  comments: z.array(commentDtoSchema),
  count: z.number(),
  page: z.number(),
  pages: z.number(),
  order: z.enum(commentOrders),
});
export const commentResponseSchema = z.object({ comment: commentDtoSchema });
export const deleteResponseSchema = z.object({ deleted: z.literal(true), placeholder: z.boolean() });
export const previewResponseSchema = z.object({ html: z.string() });
export const formTokenResponseSchema = z.object({ token: z.string() });
export const flagResponseSchema = z.object({ flagged: z.literal(true) });
