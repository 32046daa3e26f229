/** What a comment looks like outside `lib/comments`: never the email, the address hash or the source of someone else's comment. */
import type { CommentLang } from './limits';

export type CommentDto = {
  id: string;
  author: string;
  website: string | null;
  bodyHtml: string;
  lang: CommentLang;
  parentId: string | null;
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
  /** Only on the reader's own comment awaiting approval (and in the moderation queue). */
  pending?: true;
  /** Only on the reader's own comment: until when they may edit or delete it, and its markdown. */
  editableUntil?: string;
  bodySource?: string;
};

export type CommentViewer = {
  /** Ids of comments this browser wrote, from its signed cookie. */
  authored: ReadonlySet<string>;
  isAdmin: boolean;
};

export const anonymousViewer: CommentViewer = { authored: new Set(), isAdmin: false };
