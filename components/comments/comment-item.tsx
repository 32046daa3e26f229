'use client';
/**
 * One comment in the thread, with its replies: author (linked to their site as user-generated
 * content), time, language, edited and awaiting-moderation marks, then the body and actions
 * (comment-body.tsx), or the placeholder of a deleted comment.
 */
import type { ReactNode } from 'react';
import type { ThreadNode } from '@/lib/comments/thread';
import type { CommentDto } from '@/lib/comments/types';
import type { Locale } from '@/lib/i18n/config';
import { fill } from '@/lib/i18n/fill';
import { formatDateTime } from '@/lib/i18n/format';
import { CommentBody, LANG_TAGS } from './comment-body';
import type { CommentLabels } from './labels';

export type CommentHandlers = {
  hydrated: boolean;
  /** The current time once hydrated (0 before): what the edit window is measured against. */
  now: number;
  answered: ReadonlySet<string>;
  replyingTo: string | null;
  replyHref: (id: string) => string;
  onReply: (id: string | null) => void;
  renderReplyForm: (parent: CommentDto) => ReactNode;
  onChanged: (comment: CommentDto) => void;
  onRemoved: (id: string, placeholder: boolean) => void;
  onNotice: (text: string) => void;
};

type Props = { node: ThreadNode; labels: CommentLabels; handlers: CommentHandlers };

export function CommentItem({ node, labels, handlers }: Props) {
  const { comment, depth, replyTo, replies } = node;
  const locale: Locale = labels.locale;
  const cardId = `comment-${comment.id}-by`;
  return (
    <li id={`comment-${comment.id}`} className="comment" data-lang={comment.lang} data-depth={depth}>
      <article className="comment-card" tabIndex={-1} aria-labelledby={comment.deleted ? undefined : cardId} aria-label={comment.deleted ? labels.deleted : undefined}>
        {comment.deleted ? (
          <p className="comment-deleted">{labels.deleted}</p>
        ) : (
          <>
            <header className="comment-meta">
              <span className="comment-author" id={cardId}>
                {comment.website ? (
                  <a href={comment.website} rel="ugc nofollow noopener">
                    {comment.author}
                  </a>
                ) : (
                  comment.author
                )}
              </span>
              <a className="comment-permalink" href={`#comment-${comment.id}`} title={labels.permalink}>
                <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt, locale)}</time>
              </a>
              <span className="comment-lang" lang={LANG_TAGS[comment.lang]} title={labels.langLabel}>
                {labels.langName[comment.lang]}
              </span>
              {comment.editedAt ? (
                <span className="comment-edited" title={fill(labels.editedAt, { time: formatDateTime(comment.editedAt, locale) })}>
                  {labels.edited}
                </span>
              ) : null}
              {comment.pending ? <span className="comment-badge">{labels.pending}</span> : null}
            </header>
            {replyTo ? (
              <p className="comment-reply-to">
                <a href={`#comment-${replyTo.id}`}>@{replyTo.author ?? labels.deletedAuthor}</a>
              </p>
            ) : null}
            <CommentBody comment={comment} labels={labels} handlers={handlers} />
          </>
        )}
      </article>
      {handlers.replyingTo === comment.id ? handlers.renderReplyForm(comment) : null}
      {replies.length > 0 ? (
        <ol className="comment-replies">
          {replies.map((reply) => (
            <CommentItem key={reply.comment.id} node={reply} labels={labels} handlers={handlers} />
          ))}
        </ol>
      ) : null}
    </li>
  );
}
