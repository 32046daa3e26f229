/**
 * What a comment may be, as plain values: the browser's comment form needs these, and importing
 * them from here keeps the validation schemas (and zod) out of the page's first JavaScript.
 */
export const AUTHOR_MAX = 50;
export const BODY_MAX = 5000;

/**
 * How long an instance may answer a thread from memory (lib/comments/thread-cache.ts): the bound
 * on how late a comment written through another instance, or a script, shows on this one.
 */
export const THREAD_CACHE_MS = 2000;

export const commentLangs = ['zh', 'en'] as const;
export type CommentLang = (typeof commentLangs)[number];
