/**
 * The comment form's browser-side helpers: the minimum-time token (asked for when the reader
 * first comes to the form), the live preview (rendered by the server's own markdown renderer, so
 * it shows exactly what will be posted) and the commenter's name, email and website, kept in
 * this browser for the next comment. The requests themselves, and the checks of what they and
 * the browser's storage give back, are in form-requests.ts, loaded when the reader first comes
 * to the form: a reader who only reads never loads them.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

/** A token older than this is renewed when the reader comes back to the form... */
const TOKEN_RENEW_MS = 60 * 60 * 1000;
/** ...and one older than this is not sent at all (the server refuses tokens after a day). */
const TOKEN_MAX_AGE_MS = 23 * 60 * 60 * 1000;
const PREVIEW_DELAY_MS = 400;
const COMMENTER_KEY = 'duizhao:commenter';

export type Commenter = { author: string; email: string; website: string };

/** The form's requests, loaded once, on the first focus, input or submit. */
export const loadFormRequests = () => import('./form-requests');

/** `start` on focus; `current` on submit: the token, or null when there is none fit to send. */
export function useFormClock(serverToken: string | null) {
  const token = useRef<{ value: Promise<string | null>; at: number } | null>(null);
  useEffect(() => {
    if (serverToken) token.current = { value: Promise.resolve(serverToken), at: Date.now() };
  }, [serverToken]);
  const start = useCallback(() => {
    if (token.current && Date.now() - token.current.at < TOKEN_RENEW_MS) return;
    const value = loadFormRequests()
      .then((requests) => requests.fetchFormToken())
      .catch(() => null);
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
      loadFormRequests()
        .then((requests) => requests.fetchPreview(body, controller.signal))
        .then(
          (html) => {
            if (html !== null) setPreview(html);
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

/** The commenter this browser remembers; the check of what was stored loads only when something was. */
export async function readCommenter(): Promise<Commenter | null> {
  let stored: string | null;
  try {
    stored = localStorage.getItem(COMMENTER_KEY);
  } catch {
    return null;
  }
  if (!stored) return null;
  try {
    return (await loadFormRequests()).parseCommenter(stored);
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
