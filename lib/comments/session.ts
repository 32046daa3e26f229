/**
 * A request's session as the comment code needs it: lib/http's session (who is asking) plus the
 * comments this browser wrote, from the authorship cookie only comments read (authorship.ts).
 */
import 'server-only';
import { readSession, type CookieSource, type Session } from '../http/session';
import { AUTHORSHIP_COOKIE, readAuthorship } from './authorship';
import type { CommentViewer } from './types';

export type CommentSession = Session & {
  /** The ids of the comments this browser wrote within the edit window, with when. */
  authored: Map<string, number>;
};

export async function readCommentSession(headers: Headers, cookies: CookieSource): Promise<CommentSession> {
  const session = await readSession(headers, cookies);
  return { ...session, authored: readAuthorship(cookies.get(AUTHORSHIP_COOKIE)?.value, session.secret) };
}

/** What the session may see and do in a thread. */
export const commentViewerOf = (session: CommentSession): CommentViewer => ({ authored: new Set(session.authored.keys()), isAdmin: session.isAdmin });
