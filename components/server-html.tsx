'use client';
/**
 * An element whose content is HTML the server wrote into the page, and that React leaves alone in
 * the browser: the post body, which is most of the page and never changes while it is read. The
 * server component leaves the HTML in the store under a key (server-html-store.ts) and passes only
 * the key, so the HTML is in the page once and not again in the RSC payload.
 *
 * The element says which HTML it holds (`data-server-html`, written by the server render only). A
 * page reached by a navigation inside the app, or given other HTML under the same element, does
 * not hold it: that HTML exists only in the server's page, so the browser loads that page.
 */
import { memo, useEffect, useRef, type HTMLAttributes } from 'react';
import { readServerHtml } from './server-html-store';

/** In the browser React never writes this element's content: the server's stays. */
const KEEP = { __html: '' };

type ServerHtmlProps = HTMLAttributes<HTMLDivElement> & { htmlKey: string };

function serverRender(htmlKey: string): { __html: string } {
  const html = readServerHtml(htmlKey);
  // A page without its text must never be served or prerendered: fail the render instead.
  if (html === undefined) throw new Error(`no server HTML under ${htmlKey}`);
  return { __html: html };
}

function ServerHtmlElement({ htmlKey, ...attributes }: ServerHtmlProps) {
  const ref = useRef<HTMLDivElement>(null);
  const onServer = typeof window === 'undefined';
  useEffect(() => {
    if (ref.current && ref.current.dataset.serverHtml !== htmlKey) window.location.reload();
  }, [htmlKey]);
  return (
    <div
      ref={ref}
      {...attributes}
      data-server-html={onServer ? htmlKey : undefined}
      dangerouslySetInnerHTML={onServer ? serverRender(htmlKey) : KEEP}
      // The browser's render differs from the server's on purpose: it keeps the server's content.
      suppressHydrationWarning
    />
  );
}

export const ServerHtml = memo(ServerHtmlElement);
