/**
 * What pages show of the comments. The prerendered pages: a post's published thread (placeholders for
 * deleted comments, nothing awaiting moderation) and the count per post. Read when a page is
 * rendered: at build time, then whenever a write revalidates the page (lib/comments/revalidate.ts)
 * or the page's `revalidate` interval passes (the backstop for writes this instance did not see:
 * another instance behind the proxy, a script). The database is created on first use, so a build
 * on a fresh machine reads an empty thread; it must be the database the server will use
 * (the same DATABASE_URL), since the build's pages are served until a write revalidates them.
 */
import 'server-only';
import { getDb } from '../db/client';
import type { CookieSource } from '../http/session';
import { issueFormToken } from './form-token';
import { countComments, listComments } from './queries';
import { commentViewerOf, readCommentSession } from './session';
import { anonymousViewer, type CommentDto } from './types';

export async function readPublishedThread(slug: string): Promise<CommentDto[]> {
  return listComments(await getDb(), slug, anonymousViewer);
}

export async function readCommentCounts(slugs: readonly string[]): Promise<Record<string, number>> {
  if (slugs.length === 0) return {};
  return countComments(await getDb(), slugs);
}

/**
 * For the comments page, rendered per request: the thread as this reader sees it (with their own
 * comments awaiting moderation, and which of theirs they may still edit) and a fresh form token.
 */
export async function readThreadForReader(
  slug: string,
  headers: Headers,
  cookies: CookieSource,
): Promise<{ comments: CommentDto[]; formToken: string }> {
  const session = await readCommentSession(headers, cookies);
  return { comments: await listComments(session.db, slug, commentViewerOf(session)), formToken: issueFormToken(session.secret) };
}
