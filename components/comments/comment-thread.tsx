'use client';
/**
 * A post's thread and its form. The server renders it with the published comments, so it reads
 * without JavaScript (the language filter then works through `:target` links, see globals.css).
 * Once hydrated it fetches the thread again when it comes near the screen, which adds what the
 * prerendered page cannot know: the reader's own comments awaiting moderation and which of
 * theirs they may still edit. The filter becomes buttons, replies open in place.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { threadResponseSchema } from '@/lib/comments/dto-schema';
import { editingState, type CommentFormState } from '@/lib/comments/form-state';
import { threadApiPath } from '@/lib/comments/paths';
import { buildThread, countShown } from '@/lib/comments/thread';
import type { CommentDto } from '@/lib/comments/types';
import { fill } from '@/lib/i18n/fill';
import { callApi } from '@/components/api/client';
import { CommentForm } from './comment-form';
import { CommentItem, type CommentHandlers } from './comment-item';
import type { CommentLabels } from './labels';

type Filter = 'all' | 'zh' | 'en';
const FILTERS: readonly Filter[] = ['all', 'zh', 'en'];
const FILTER_LANG: Record<Filter, string | undefined> = { all: undefined, zh: 'zh-Hans', en: 'en' };

type Props = {
  slug: string;
  labels: CommentLabels;
  initialComments: CommentDto[];
  /** Fetch the reader's view of the thread after hydration (the prerendered post page). */
  live: boolean;
  /** The post's comments page: where replying and posting go without JavaScript. */
  pagePath: string;
  formState: CommentFormState;
  /** A message to announce on arrival (the comments page after a no-JavaScript post). */
  notice?: string;
};

/** Keeps the reader's own comments a refresh does not know about yet (it may have started before they posted). */
function mergeFresh(fresh: CommentDto[], current: CommentDto[]): CommentDto[] {
  const known = new Set(fresh.map((comment) => comment.id));
  return [...fresh, ...current.filter((comment) => comment.editableUntil !== undefined && !known.has(comment.id))];
}

export function CommentThread({ slug, labels, initialComments, live, pagePath, formState, notice: arrivalNotice }: Props) {
  const [comments, setComments] = useState(initialComments);
  const [hydrated, setHydrated] = useState(false);
  const [now, setNow] = useState(0);
  const [filter, setFilter] = useState<Filter>('all');
  const [replyingTo, setReplyingTo] = useState<string | null>(null);
  const [notice, setNotice] = useState(arrivalNotice ?? '');
  const rootRef = useRef<HTMLDivElement>(null);
  /** What to move focus to once the list has changed: a new comment, or the heading after a removal. */
  const focusNext = useRef<string | null>(null);

  // What only the browser knows (that JavaScript runs, the time, the address's fragment) is taken
  // in after hydration, so the first render matches the server's HTML.
  /* eslint-disable react-hooks/set-state-in-effect -- state the server cannot render, set once after hydration */
  useEffect(() => {
    setHydrated(true);
    setNow(Date.now());
    const chosen = /^#comments-(zh|en)$/.exec(window.location.hash)?.[1];
    if (chosen === 'zh' || chosen === 'en') setFilter(chosen);
  }, []);
  /* eslint-enable react-hooks/set-state-in-effect */

  useEffect(() => {
    const root = rootRef.current;
    if (!live || !root) return;
    const controller = new AbortController();
    const load = () =>
      callApi(threadApiPath(slug), threadResponseSchema, { method: 'GET', signal: controller.signal }).then(
        (result) => {
          if (result.ok) setComments((current) => mergeFresh(result.data.comments, current));
        },
        () => undefined,
      );
    if (window.location.hash.startsWith('#comment')) {
      void load();
      return () => controller.abort();
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        void load();
      },
      { rootMargin: '600px 0px' },
    );
    observer.observe(root);
    return () => {
      observer.disconnect();
      controller.abort();
    };
  }, [live, slug]);

  // Edit and delete buttons go away when the window closes.
  useEffect(() => {
    if (!hydrated) return;
    const closing = comments.map((comment) => Date.parse(comment.editableUntil ?? '')).filter((until) => until > Date.now());
    if (closing.length === 0) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.min(...closing) - Date.now() + 500);
    return () => clearTimeout(timer);
  }, [comments, hydrated, now]);

  useEffect(() => {
    const selector = focusNext.current;
    if (!selector) return;
    focusNext.current = null;
    rootRef.current?.querySelector<HTMLElement>(selector)?.focus();
  }, [comments]);

  const onPosted = useCallback(
    (comment: CommentDto) => {
      focusNext.current = `#comment-${CSS.escape(comment.id)} > .comment-card`;
      setComments((current) => [...current, comment]);
      setReplyingTo(null);
      setFilter((current) => (current === 'all' || current === comment.lang ? current : 'all'));
      setNotice(comment.pending ? labels.form.pending : labels.form.published);
    },
    [labels],
  );

  const nodes = useMemo(() => buildThread(comments), [comments]);
  const answered = useMemo(() => new Set(comments.flatMap((comment) => (comment.parentId ? [comment.parentId] : []))), [comments]);
  const permalink = `${pagePath}#comment-form`;

  const handlers: CommentHandlers = {
    hydrated,
    now,
    answered,
    replyingTo,
    replyHref: (id) => `${pagePath}?reply=${encodeURIComponent(id)}#comment-form`,
    onReply: setReplyingTo,
    renderReplyForm: (parent) => (
      <CommentForm
        slug={slug}
        labels={labels}
        permalink={permalink}
        initialState={editingState({}, formState.token)}
        hydrated={hydrated}
        onPosted={onPosted}
        parent={{ id: parent.id, author: parent.author }}
        onCancel={() => setReplyingTo(null)}
      />
    ),
    onChanged: (changed) => setComments((current) => current.map((comment) => (comment.id === changed.id ? changed : comment))),
    onRemoved: (id, placeholder) => {
      focusNext.current = '#comments-title';
      setComments((current) =>
        placeholder
          ? current.map((comment) => (comment.id === id ? { ...comment, deleted: true, author: '', website: null, bodyHtml: '', editableUntil: undefined, bodySource: undefined } : comment))
          : current.filter((comment) => comment.id !== id),
      );
    },
    onNotice: setNotice,
  };

  return (
    <div ref={rootRef} className="comment-thread" data-live={hydrated ? '' : undefined} data-filter={hydrated ? filter : undefined}>
      <h2 id="comments-title" tabIndex={-1}>
        {fill(labels.heading, { count: countShown(comments) })}
      </h2>
      {comments.length > 0 ? (
        <div className="comment-filter" role="group" aria-label={labels.filter.label}>
          {FILTERS.map((option) =>
            hydrated ? (
              <button key={option} type="button" lang={FILTER_LANG[option]} aria-pressed={filter === option} onClick={() => setFilter(option)}>
                {labels.filter[option]}
              </button>
            ) : (
              <a key={option} href={option === 'all' ? '#comments' : `#comments-${option}`} lang={FILTER_LANG[option]}>
                {labels.filter[option]}
              </a>
            ),
          )}
        </div>
      ) : null}
      <p className="comment-notice" role="status">
        {notice}
      </p>
      {nodes.length === 0 ? (
        <p className="comment-empty">{labels.none}</p>
      ) : (
        <ol className="comment-list">
          {nodes.map((node) => (
            <CommentItem key={node.comment.id} node={node} labels={labels} handlers={handlers} />
          ))}
        </ol>
      )}
      <CommentForm
        id="comment-form"
        slug={slug}
        labels={labels}
        permalink={permalink}
        initialState={formState}
        hydrated={hydrated}
        onPosted={onPosted}
        cancelReplyHref={`${pagePath}#comment-form`}
      />
    </div>
  );
}
