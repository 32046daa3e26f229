/**
 * The API's answers as the browser parses them (zod): what the comment components read back
 * from `/api/posts/{slug}/comments` and `/api/comments/*`. Pure and client-safe.
 */
import { z } from 'zod';
import { commentLangSchema } from './schema';
import type { CommentDto } from './types';

export const commentDtoSchema = z.object({
  id: z.string(),
  author: z.string(),
  website: z.string().nullable(),
  bodyHtml: z.string(),
  lang: commentLangSchema,
  parentId: z.string().nullable(),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  deleted: z.boolean(),
  pending: z.literal(true).optional(),
  editableUntil: z.string().optional(),
  bodySource: z.string().optional(),
}) satisfies z.ZodType<CommentDto>;

export const threadResponseSchema = z.object({ comments: z.array(commentDtoSchema), count: z.number() });
export const commentResponseSchema = z.object({ comment: commentDtoSchema });
export const deleteResponseSchema = z.object({ deleted: z.literal(true), placeholder: z.boolean() });
export const previewResponseSchema = z.object({ html: z.string() });
export const formTokenResponseSchema = z.object({ token: z.string() });
export const flagResponseSchema = z.object({ flagged: z.literal(true) });
