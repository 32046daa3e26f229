/**
 * What the comment form does with JavaScript beyond rendering: ask for the minimum-time token,
 * fetch the live preview, post the comment as JSON, and read back the commenter this browser
 * remembers. None of it is needed until a reader comes to the form, so form-hooks.ts imports
 * this module (and with it zod and the answer schemas) on the form's first focus, input or
 * submit, or when there is a remembered commenter to fill in.
 */
import * as z from '@/lib/browser-zod';
import { commentResponseSchema, formTokenResponseSchema, previewResponseSchema } from '@/lib/comments/dto-schema';
import { threadApiPath } from '@/lib/comments/paths';
import { callApi } from '@/components/api/client';
import type { CommentLang } from '@/lib/comments/limits';
import type { Commenter } from './form-hooks';

const commenterSchema = z.object({ author: z.string(), email: z.string(), website: z.string() }) satisfies z.ZodMiniType<Commenter>;

/** What the form sends to the thread's API (lib/comments/schema.ts checks it there). */
export type CommentPost = Commenter & { body: string; lang: CommentLang | null; parentId: string | null; honeypot: string; formToken: string | null };

/** A fresh signed token, or null when none could be had (the server then asks the reader to confirm). */
export async function fetchFormToken(): Promise<string | null> {
  const result = await callApi('/api/comments/form-token', formTokenResponseSchema);
  return result.ok ? result.data.token : null;
}

/** The body rendered by the server's own markdown renderer, or null when it could not say. */
export async function fetchPreview(body: string, signal: AbortSignal): Promise<string | null> {
  const result = await callApi('/api/comments/preview', previewResponseSchema, { method: 'POST', json: { body }, signal });
  return result.ok ? result.data.html : null;
}

export function postComment(slug: string, comment: CommentPost) {
  return callApi(threadApiPath(slug), commentResponseSchema, { method: 'POST', json: comment });
}

/** The commenter as stored by rememberCommenter (form-hooks.ts), or null when it is not one. */
export function parseCommenter(stored: string): Commenter | null {
  try {
    const parsed = commenterSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
