/**
 * The comment form's browser-side helpers: the minimum-time token (asked for when the reader
 * first comes to the form), the live preview (rendered by the server's own markdown renderer, so
 * it shows exactly what will be posted) and the commenter's name, email and website, kept in
 * this browser for the next comment.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import * as z from '@/lib/browser-zod';
import { formTokenResponseSchema, previewResponseSchema } from '@/lib/comments/dto-schema';
import { callApi } from '@/components/api/client';

/** A token older than this is renewed when the reader comes back to the form... */
const TOKEN_RENEW_MS = 60 * 60 * 1000;
/** ...and one older than this is not sent at all (the server refuses tokens after a day). */
const TOKEN_MAX_AGE_MS = 23 * 60 * 60 * 1000;
const PREVIEW_DELAY_MS = 400;
const COMMENTER_KEY = 'duizhao:commenter';

const commenterSchema = z.object({ author: z.string(), email: z.string(), website: z.string() });
export type Commenter = z.infer<typeof commenterSchema>;

/** `start` on focus; `current` on submit: the token, or null when there is none fit to send. */
export function useFormClock(serverToken: string | null) {
  const token = useRef<{ value: Promise<string | null>; at: number } | null>(null);
  useEffect(() => {
    if (serverToken) token.current = { value: Promise.resolve(serverToken), at: Date.now() };
  }, [serverToken]);
  const start = useCallback(() => {
    if (token.current && Date.now() - token.current.at < TOKEN_RENEW_MS) return;
    const value = callApi('/api/comments/form-token', formTokenResponseSchema).then(
      (result) => (result.ok ? result.data.token : null),
      () => null,
    );
    token.current = { value, at: Date.now() };
  }, []);
  const current = useCallback(async () => (token.current && Date.now() - token.current.at < TOKEN_MAX_AGE_MS ? token.current.value : null), []);
  return { start, current };
}

/** The body as the thread will show it, fetched a moment after the reader stops typing. */
export function usePreview(body: string, enabled: boolean, initial: string | null) {
  const [preview, setPreview] = useState(initial);
  // An emptied body has no preview, and the last one does not come back when typing resumes.
  const emptied = enabled && body.trim() === '';
  if (emptied && preview !== null) setPreview(null);
  useEffect(() => {
    if (!enabled || body.trim() === '') return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      callApi('/api/comments/preview', previewResponseSchema, { method: 'POST', json: { body }, signal: controller.signal }).then(
        (result) => {
          if (result.ok) setPreview(result.data.html);
        },
        () => undefined,
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [body, enabled]);
  return emptied ? null : preview;
}

export function readCommenter(): Commenter | null {
  try {
    const parsed = commenterSchema.safeParse(JSON.parse(localStorage.getItem(COMMENTER_KEY) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function rememberCommenter(commenter: Commenter): void {
  try {
    localStorage.setItem(COMMENTER_KEY, JSON.stringify(commenter));
  } catch {
    // Storage full or blocked: the reader types their name again next time.
  }
}
