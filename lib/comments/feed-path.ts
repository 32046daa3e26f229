/** Where a post's comments feed lives, and the page metadata that announces it. Pure. */
import type { Metadata } from 'next';

export const commentsFeedPath = (slug: string) => `/feed/${encodeURIComponent(slug)}.xml`;

/**
 * Adds the comments feed to a page's `<link rel="alternate" type="application/atom+xml">`s,
 * beside the site feed the page already announces.
 */
export function withCommentsFeed(metadata: Metadata, slug: string, title: string): Metadata {
  const alternates = metadata.alternates ?? {};
  const existing = alternates.types?.['application/atom+xml'];
  const siteFeeds = typeof existing === 'string' || existing instanceof URL ? [{ url: existing }] : (existing ?? []);
  return {
    ...metadata,
    alternates: { ...alternates, types: { ...alternates.types, 'application/atom+xml': [...siteFeeds, { url: commentsFeedPath(slug), title }] } },
  };
}
