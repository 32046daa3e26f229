/**
 * A flat list of comments (posting order) as the nested thread readers see: replies under their
 * parent, indented at most MAX_DEPTH levels. Replies deeper than that sit flat at the last level,
 * right after the comment they answer, and name its author ("@name") so the exchange stays
 * legible on a phone. A reply whose parent is not shown (awaiting moderation, removed as spam)
 * starts a thread of its own. Pure and client-safe.
 */
import type { CommentDto } from './types';

export const MAX_DEPTH = 5;

export type ThreadNode = {
  comment: CommentDto;
  /** 1 for a top-level comment, at most MAX_DEPTH. */
  depth: number;
  /** Set on replies flattened at the last level: whom they answer. `author` is null when that comment was deleted. */
  replyTo: { id: string; author: string | null } | null;
  replies: ThreadNode[];
};

export function buildThread(comments: readonly CommentDto[]): ThreadNode[] {
  const shown = new Set(comments.map((comment) => comment.id));
  const childrenOf = new Map<string | null, CommentDto[]>();
  for (const comment of comments) {
    const parent = comment.parentId !== null && shown.has(comment.parentId) ? comment.parentId : null;
    const siblings = childrenOf.get(parent);
    if (siblings) siblings.push(comment);
    else childrenOf.set(parent, [comment]);
  }
  const children = (id: string) => childrenOf.get(id) ?? [];

  const flatten = (comment: CommentDto, parent: CommentDto, mention: boolean, out: ThreadNode[]) => {
    const replyTo = mention ? { id: parent.id, author: parent.deleted ? null : parent.author } : null;
    out.push({ comment, depth: MAX_DEPTH, replyTo, replies: [] });
    for (const child of children(comment.id)) flatten(child, comment, true, out);
  };

  const build = (comment: CommentDto, depth: number): ThreadNode => {
    const node: ThreadNode = { comment, depth, replyTo: null, replies: [] };
    if (depth + 1 < MAX_DEPTH) node.replies = children(comment.id).map((child) => build(child, depth + 1));
    else for (const child of children(comment.id)) flatten(child, comment, false, node.replies);
    return node;
  };

  return (childrenOf.get(null) ?? []).map((comment) => build(comment, 1));
}

/** Whether the heading counts a comment: published, not a placeholder or the reader's own awaiting approval. */
export const isCounted = (comment: CommentDto): boolean => !comment.deleted && !comment.pending;

/** What the heading counts. */
export function countShown(comments: readonly CommentDto[]): number {
  return comments.filter(isCounted).length;
}
