/**
 * A long thread in pages, as the post page and the comments page show it: a page is up to
 * COMMENTS_PER_PAGE top-level comments, each with every reply under it, so a conversation is
 * never cut in two. Top-level comments come newest first (where the conversation is now, and
 * where a comment just posted lands) or oldest first, as the reader chooses; replies always read
 * in the order they were written. The count is the whole thread's, whatever page is shown.
 * Pure and client-safe.
 */
import { countShown } from './thread';
import type { CommentDto } from './types';

export const COMMENTS_PER_PAGE = 30;

export const commentOrders = ['newest', 'oldest'] as const;
export type CommentOrder = (typeof commentOrders)[number];
export const defaultCommentOrder: CommentOrder = 'newest';

export type ThreadPage = {
  /** The page's comments, in posting order (as buildThread takes them). */
  comments: CommentDto[];
  /** 1-based; the page asked for, brought into range, or the one holding the comment asked for. */
  page: number;
  /** At least 1, also for an empty thread. */
  pages: number;
  order: CommentOrder;
  /** Published comments in the whole thread (what the heading says). */
  count: number;
};

/** What a request may ask of a thread (parsed in schema.ts): a page, an order, or the page that holds one comment. */
export type ThreadPageQuery = { page?: number; order?: CommentOrder; comment?: string };

/**
 * The top-level comment each comment hangs under. A reply whose parent is not in the list (awaiting
 * moderation, removed as spam) starts a thread of its own, as in buildThread.
 */
function rootsOf(comments: readonly CommentDto[]): Map<string, string> {
  const byId = new Map(comments.map((comment) => [comment.id, comment]));
  const roots = new Map<string, string>();
  const rootOf = (comment: CommentDto): string => {
    const known = roots.get(comment.id);
    if (known) return known;
    const parent = comment.parentId === null ? undefined : byId.get(comment.parentId);
    // A parent is always older than its reply, so following parents ends.
    const root = parent && parent !== comment ? rootOf(parent) : comment.id;
    roots.set(comment.id, root);
    return root;
  };
  for (const comment of comments) rootOf(comment);
  return roots;
}

export function threadPage(comments: readonly CommentDto[], query: ThreadPageQuery = {}): ThreadPage {
  const order = query.order ?? defaultCommentOrder;
  const roots = rootsOf(comments);
  const topLevel = comments.filter((comment) => roots.get(comment.id) === comment.id).map((comment) => comment.id);
  if (order === 'newest') topLevel.reverse();
  const pages = Math.max(1, Math.ceil(topLevel.length / COMMENTS_PER_PAGE));
  const holding = query.comment === undefined ? -1 : topLevel.indexOf(roots.get(query.comment) ?? '');
  const page = holding >= 0 ? Math.floor(holding / COMMENTS_PER_PAGE) + 1 : Math.min(query.page ?? 1, pages);
  const shown = new Set(topLevel.slice((page - 1) * COMMENTS_PER_PAGE, page * COMMENTS_PER_PAGE));
  return {
    comments: comments.filter((comment) => shown.has(roots.get(comment.id) ?? '')),
    page,
    pages,
    order,
    count: countShown(comments),
  };
}

/** Top-level nodes in the order chosen; `nodes` come from buildThread, oldest first. */
export function inOrder<T>(nodes: readonly T[], order: CommentOrder): T[] {
  return order === 'newest' ? [...nodes].reverse() : [...nodes];
}

/**
 * Pages loaded one after another into one list: `fresh` wins for a comment both hold (it may have
 * been edited, deleted or approved since), and the result is in posting order again.
 */
export function mergeComments(current: readonly CommentDto[], fresh: readonly CommentDto[]): CommentDto[] {
  const byId = new Map(current.map((comment) => [comment.id, comment]));
  for (const comment of fresh) byId.set(comment.id, comment);
  return [...byId.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/**
 * Where "more" goes: the first page after the first one loaded that is not loaded yet (after the
 * page that opened the list, and past a page loaded out of turn for a permalink), or null.
 */
export function nextPageToLoad(loaded: readonly number[], pages: number): number | null {
  for (let page = Math.min(...loaded); page <= pages; page += 1) if (!loaded.includes(page)) return page;
  return null;
}

/** The page before the first one loaded, or null when that is page 1. */
export function previousPageToLoad(loaded: readonly number[]): number | null {
  const first = Math.min(...loaded);
  return first > 1 ? first - 1 : null;
}
