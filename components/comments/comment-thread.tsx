'use client';
/**
 * A post's thread and its form. The server renders one page of the thread (thread-pages.ts), so
 * it reads without JavaScript (the language filter then works through `:target` links, see
 * globals.css, and the order and other pages are links to the comments page). Once hydrated, the
 * thread's pages load in place (use-thread-pages.ts), the filter becomes buttons and replies open
 * in place.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { editingState, type CommentFormState } from '@/lib/comments/form-state';
import { buildThread, isCounted } from '@/lib/comments/thread';
import { inOrder, type ThreadPage } from '@/lib/comments/thread-pages';
import type { CommentDto } from '@/lib/comments/types';
import { fill } from '@/lib/i18n/fill';
import { CommentForm } from './comment-form';
import { CommentItem, type CommentHandlers } from './comment-item';
import { CommentOrderLinks, CommentPager, PreviousPageLink } from './comment-pager';
import type { CommentLabels } from './labels';
import { useThreadPages } from './use-thread-pages';

type Filter = 'all' | 'zh' | 'en';
const FILTERS: readonly Filter[] = ['all', 'zh', 'en'];
const FILTER_LANG: Record<Filter, string | undefined> = { all: undefined, zh: 'zh-Hans', en: 'en' };

type Props = {
  slug: string;
  labels: CommentLabels;
  /** The page of the thread the server rendered. */
  initialPage: ThreadPage;
  /** Fetch the reader's view of the thread after hydration (the prerendered post page). */
  live: boolean;
  /** The post's comments page: where replying and posting go without JavaScript. */
  pagePath: string;
  formState: CommentFormState;
  /** A message to announce on arrival (the comments page after a no-JavaScript post). */
  notice?: string;
};

export function CommentThread({ slug, labels, initialPage, live, pagePath, formState, notice: arrivalNotice }: Props) {
  const [hydrated, setHydrated] = useState(false);
  const [now, setNow] = useState(0);
  const [filter, setFilter] = useState<Filter>('all');
  const [replyingTo, setReplyingTo] = useState<string | null>(null);
  const [notice, setNotice] = useState(arrivalNotice ?? '');
  const rootRef = useRef<HTMLDivElement>(null);
  const { comments, setComments, view, status, loadPage, changeOrder, adjustCount, nextPage, previousPage } = useThreadPages({ slug, initialPage, live, rootRef });
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
      if (isCounted(comment)) adjustCount(1);
      setReplyingTo(null);
      setFilter((current) => (current === 'all' || current === comment.lang ? current : 'all'));
      setNotice(comment.pending ? labels.form.pending : labels.form.published);
    },
    [labels, setComments, adjustCount],
  );

  const nodes = useMemo(() => inOrder(buildThread(comments), view.order), [comments, view.order]);
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
      const removed = comments.find((comment) => comment.id === id);
      if (removed && isCounted(removed)) adjustCount(-1);
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
        {fill(labels.heading, { count: view.count })}
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
      {comments.length > 1 || view.pages > 1 ? <CommentOrderLinks labels={labels} pagePath={pagePath} order={view.order} hydrated={hydrated} onOrder={changeOrder} /> : null}
      <p className="comment-notice" role="status">
        {notice}
      </p>
      <PreviousPageLink labels={labels} pagePath={pagePath} order={view.order} page={previousPage} hydrated={hydrated} onPage={loadPage} />
      {nodes.length === 0 ? (
        <p className="comment-empty">{labels.none}</p>
      ) : (
        <ol className="comment-list">
          {nodes.map((node) => (
            <CommentItem key={node.comment.id} node={node} labels={labels} handlers={handlers} />
          ))}
        </ol>
      )}
      <CommentPager labels={labels} pagePath={pagePath} order={view.order} page={nextPage} status={status} hydrated={hydrated} onPage={loadPage} />
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
