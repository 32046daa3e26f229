/**
 * What a reader may send when writing or editing a comment. Lengths count Unicode code points, so
 * a Chinese comment gets as many characters as an English one. Each issue's message is the
 * stable error code the client shows translated.
 */
import { z } from 'zod';
import { cleanName, codePoints, normalWebsite, storableText } from '../ugc/text';
import { AUTHOR_MAX, BODY_MAX, commentLangs } from './limits';
import { commentOrders } from './thread-pages';

export { AUTHOR_MAX, BODY_MAX, type CommentLang } from './limits';

const optionalText = z
  .string()
  .trim()
  .nullish()
  .transform((value) => (value ? value : null));

export const commentLangSchema = z.enum(commentLangs);

export const commentBodySchema = z
  .string({ message: 'comment.bodyRequired' })
  .transform((body) => storableText(body).replace(/\r\n?/g, '\n'))
  .refine((body) => body.trim() !== '', 'comment.bodyRequired')
  .refine((body) => codePoints(body) <= BODY_MAX, 'comment.tooLong');

export const newCommentSchema = z.object({
  author: z
    .string({ message: 'comment.authorRequired' })
    .transform(cleanName)
    .refine((author) => author !== '', 'comment.authorRequired')
    .refine((author) => codePoints(author) <= AUTHOR_MAX, 'comment.authorTooLong'),
  body: commentBodySchema,
  email: optionalText.refine((email) => email === null || (email.length <= 254 && z.email().safeParse(email).success), 'comment.emailInvalid'),
  website: optionalText
    .transform((website) => (website === null ? null : (normalWebsite(website) ?? false)))
    .refine((website) => website !== false, 'comment.websiteInvalid')
    .transform((website) => website || null),
  parentId: optionalText.refine((id) => id === null || /^[\w-]{1,40}$/.test(id), 'comment.parentNotFound'),
  lang: commentLangSchema.nullish().transform((lang) => lang ?? null),
});

export type NewComment = z.output<typeof newCommentSchema>;

export const commentEditSchema = z.object({ body: commentBodySchema, lang: commentLangSchema.optional() });
export type CommentEdit = z.output<typeof commentEditSchema>;

export function countLinks(markdown: string): number {
  return markdown.match(/(?:https?:\/\/|www\.)[^\s)\]>]+/gi)?.length ?? 0;
}

/** A thread page's query string (`?page=2&order=oldest`, `?comment={id}`); every part optional. */
export const threadPageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).optional(),
  order: z.enum(commentOrders).optional(),
  comment: z.string().regex(/^[\w-]{1,40}$/).optional(),
});
