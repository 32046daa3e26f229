'use client';
/**
 * The thread's order and its other pages. Each is a plain link to the comments page, so all of it
 * works without JavaScript; with it, a plain click loads in place (use-thread-pages.ts).
 */
import type { MouseEvent } from 'react';
import { commentOrders, type CommentOrder } from '@/lib/comments/thread-pages';
import type { CommentLabels } from './labels';
import type { PagerStatus } from './use-thread-pages';

/** The comments page at one page of the thread, in one order. */
export function threadPageHref(pagePath: string, order: CommentOrder, page?: number): string {
  const search = new URLSearchParams(page === undefined ? { order } : { page: String(page), order });
  return `${pagePath}?${search}#comments`;
}

/** Follows a link in place when JavaScript runs, unless the reader asked for a new tab or window. */
function inPlace(event: MouseEvent<HTMLAnchorElement>, action: () => void) {
  if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  action();
}

type OrderProps = { labels: CommentLabels; pagePath: string; order: CommentOrder; hydrated: boolean; onOrder: (order: CommentOrder) => void };

export function CommentOrderLinks({ labels, pagePath, order, hydrated, onOrder }: OrderProps) {
  return (
    <div className="comment-order" role="group" aria-label={labels.order.label}>
      {commentOrders.map((option) => (
        <a
          key={option}
          href={threadPageHref(pagePath, option)}
          aria-current={order === option ? 'true' : undefined}
          onClick={hydrated ? (event) => inPlace(event, () => onOrder(option)) : undefined}
        >
          {labels.order[option]}
        </a>
      ))}
    </div>
  );
}

type PageLinkProps = {
  labels: CommentLabels;
  pagePath: string;
  order: CommentOrder;
  /** The page the link fetches, or null for none. */
  page: number | null;
  hydrated: boolean;
  onPage: (page: number) => void;
};

function pageLink({ pagePath, order, page, hydrated, onPage }: Omit<PageLinkProps, 'labels'>, text: string, className: string) {
  if (page === null) return null;
  return (
    <a className={className} href={threadPageHref(pagePath, order, page)} onClick={hydrated ? (event) => inPlace(event, () => onPage(page)) : undefined}>
      {text}
    </a>
  );
}

/** Above the list, on a page after the first: the page before it. */
export function PreviousPageLink(props: PageLinkProps) {
  if (props.page === null) return null;
  return <p className="comment-previous">{pageLink(props, props.labels.pager.previous, 'comment-previous-link')}</p>;
}

/** Under the list: the next page, and what became of loading it. */
export function CommentPager(props: PageLinkProps & { status: PagerStatus }) {
  const { labels, status } = props;
  return (
    <nav className="comment-pager" aria-label={labels.pager.label} hidden={props.page === null && status === 'idle'}>
      {pageLink(props, labels.pager.more, 'comment-more')}
      <span className="comment-pager-status" role="status">
        {status === 'loading' ? labels.pager.loading : status === 'failed' ? labels.pager.failed : ''}
      </span>
    </nav>
  );
}
