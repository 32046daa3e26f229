/**
 * A comment as another comment system exported it, in one neutral shape: the Disqus, Waline and
 * Valine readers produce it, and `to-records.ts` turns it into Duizhao's own comment records.
 */
import { normalWebsite } from '../../ugc/text';

export type ForeignSystem = 'disqus' | 'waline' | 'valine';

/** How the other system left the comment. */
export type ForeignState = 'published' | 'pending' | 'deleted' | 'spam';

export type ForeignThread = {
  /** Every address the thread was known by (absolute or a path), in the order to try them. */
  urls: string[];
  title: string | null;
};

export type ForeignComment = {
  /** The other system's id, unique within its export. */
  sourceId: string;
  thread: ForeignThread;
  parentSourceId: string | null;
  authorName: string;
  email: string | null;
  website: string | null;
  /** The body as Duizhao stores what readers write: markdown. */
  bodyMarkdown: string;
  createdAt: Date;
  state: ForeignState;
};

export type ForeignExport = { system: ForeignSystem; comments: ForeignComment[] };

/** A file that is not an export of a known system, or is damaged; the message says which and where. */
export class ForeignExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ForeignExportError';
  }
}

export const SYSTEM_NAMES: Record<ForeignSystem, string> = { disqus: 'Disqus export', waline: 'Waline export', valine: 'Valine export' };

/**
 * A website as a reader gave it (systems often keep it without a scheme): kept only when it is
 * one the comment form would take (normalWebsite), else dropped with the comment kept.
 */
export function websiteOf(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const text = value.trim();
  return normalWebsite(/^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `http://${text}`);
}

export const textOf = (value: unknown): string => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '');
