/**
 * What a comment may be, as plain values: the browser's comment form needs these, and importing
 * them from here keeps the validation schemas (and zod) out of the page's first JavaScript.
 */
export const AUTHOR_MAX = 50;
export const BODY_MAX = 5000;

export const commentLangs = ['zh', 'en'] as const;
export type CommentLang = (typeof commentLangs)[number];
