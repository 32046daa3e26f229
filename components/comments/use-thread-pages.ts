'use client';
/**
 * A thread's pages in the browser. The server's HTML holds one page (lib/comments/thread-pages.ts);
 * once hydrated, the thread is fetched again when it comes near the screen (which adds what a
 * prerendered page cannot know: the reader's own comments awaiting moderation, which of theirs
 * they may still edit), in the order this reader chose last time. More pages load in place, a
 * new order replaces the list, and an address naming a comment that is not on the page
 * (`#comment-{id}`) loads the page that holds it and scrolls to it.
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { threadApiPath } from '@/lib/comments/paths';
import { commentOrders, mergeComments, nextPageToLoad, previousPageToLoad, type CommentOrder, type ThreadPage, type ThreadPageQuery } from '@/lib/comments/thread-pages';
import type { CommentDto } from '@/lib/comments/types';
import { callApi } from '@/components/api/client';
import { threadPageAnswer } from './answers';

const ORDER_KEY = 'duizhao:comment-order';

function storedOrder(): CommentOrder | null {
  try {
    const value = localStorage.getItem(ORDER_KEY);
    return commentOrders.find((order) => order === value) ?? null;
  } catch {
    return null;
  }
}

/** Keeps the reader's own comments a refresh does not know about yet (it may have started before they posted). */
function withOwn(fresh: readonly CommentDto[], current: readonly CommentDto[]): CommentDto[] {
  const known = new Set(fresh.map((comment) => comment.id));
  return mergeComments(
    fresh,
    current.filter((comment) => comment.editableUntil !== undefined && !known.has(comment.id)),
  );
}

type View = { order: CommentOrder; pages: number; loaded: number[]; count: number };
export type PagerStatus = 'idle' | 'loading' | 'failed';

type Options = {
  slug: string;
  initialPage: ThreadPage;
  /** Refresh after hydration (the prerendered post page); the comments page is already the reader's. */
  live: boolean;
  rootRef: RefObject<HTMLElement | null>;
};

export function useThreadPages({ slug, initialPage, live, rootRef }: Options) {
  const [comments, setComments] = useState(initialPage.comments);
  const [view, setView] = useState<View>({ order: initialPage.order, pages: initialPage.pages, loaded: [initialPage.page], count: initialPage.count });
  const [status, setStatus] = useState<PagerStatus>('idle');
  /** A comment to scroll to once its page is on screen. */
  const scrollTo = useRef<string | null>(null);
  const inFlight = useRef<AbortController | null>(null);

  /** Fetches one page; `replace` starts the list afresh (a new order), otherwise the page joins what is there. */
  const load = useCallback(
    async (query: ThreadPageQuery & { order: CommentOrder }, replace: boolean, quiet = false) => {
      inFlight.current?.abort();
      const controller = new AbortController();
      inFlight.current = controller;
      const search = new URLSearchParams({ order: query.order });
      if (query.comment) search.set('comment', query.comment);
      else search.set('page', String(query.page ?? 1));
      if (!quiet) setStatus('loading');
      try {
        const result = await callApi(`${threadApiPath(slug)}?${search}`, threadPageAnswer, { method: 'GET', signal: controller.signal });
        if (!result.ok) {
          if (!quiet) setStatus('failed');
          return;
        }
        const page = result.data;
        setComments((current) => (replace ? withOwn(page.comments, current) : mergeComments(current, page.comments)));
        setView((current) => ({
          order: page.order,
          pages: page.pages,
          loaded: replace || current.order !== page.order ? [page.page] : [...new Set([...current.loaded, page.page])],
          count: page.count,
        }));
        setStatus('idle');
      } catch {
        // Aborted by a newer request, which reports for both.
      }
    },
    [slug],
  );

  useEffect(() => {
    const root = rootRef.current;
    if (!live || !root) return;
    const order = storedOrder() ?? initialPage.order;
    const named = /^#comment-([\w-]{1,40})$/.exec(window.location.hash)?.[1];
    if (named && !document.getElementById(`comment-${named}`)) {
      scrollTo.current = named;
      // eslint-disable-next-line react-hooks/set-state-in-effect -- a quiet load sets state only once its fetch has answered
      void load({ order, comment: named }, order !== initialPage.order, true);
      return () => inFlight.current?.abort();
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        void load({ order, page: 1 }, order !== initialPage.order, true);
      },
      { rootMargin: '600px 0px' },
    );
    observer.observe(root);
    return () => {
      observer.disconnect();
      inFlight.current?.abort();
    };
  }, [live, load, rootRef, initialPage.order]);

  useEffect(() => {
    const id = scrollTo.current;
    const target = id ? document.getElementById(`comment-${id}`) : null;
    if (!target) return;
    scrollTo.current = null;
    target.scrollIntoView({ block: 'start' });
    target.querySelector<HTMLElement>('.comment-card')?.focus({ preventScroll: true });
  }, [comments]);

  const loadPage = useCallback((page: number) => void load({ order: view.order, page }, false), [load, view.order]);

  const changeOrder = useCallback(
    (order: CommentOrder) => {
      try {
        localStorage.setItem(ORDER_KEY, order);
      } catch {
        // A browser that keeps nothing still switches this time.
      }
      if (order !== view.order) void load({ order, page: 1 }, true);
    },
    [load, view.order],
  );

  /** A comment posted, removed or restored here changes the count before the next refresh does. */
  const adjustCount = useCallback((delta: number) => setView((current) => ({ ...current, count: current.count + delta })), []);

  return {
    comments,
    setComments,
    view,
    status,
    loadPage,
    changeOrder,
    adjustCount,
    nextPage: nextPageToLoad(view.loaded, view.pages),
    previousPage: previousPageToLoad(view.loaded),
  };
}
