/**
 * A foreign export turned into Duizhao's own comment records (lib/comments/transfer.ts), ready to
 * be written like any import. Each comment's id comes from its system and its id there, so a second
 * run finds them present and adds nothing. Replies keep their parents: a deleted or spam comment
 * that has replies worth keeping becomes the placeholder Duizhao leaves for a deleted comment;
 * without such replies it is skipped and counted. Comments of threads that match no post are
 * counted and listed, never written. Bodies are stored and rendered as a reader's markdown is.
 */
import { createHash } from 'node:crypto';
import { detectLang } from '../../ugc/language';
import { renderReaderMarkdown } from '../../ugc/render-markdown';
import { cleanName, storableText } from '../../ugc/text';
import { countLinks } from '../schema';
import type { CommentRecord } from '../transfer';
import type { ForeignComment, ForeignExport, ForeignSystem } from './foreign';
import { createThreadMatcher, type SiteForImport, type ThreadMatch } from './thread-match';

const ID_PREFIX: Record<ForeignSystem, string> = { disqus: 'dsq', waline: 'wl', valine: 'vl' };
/** Where an imported comment came from, in place of the hashed address a comment written here has. */
const importedFrom = (system: ForeignSystem) => `imported:${system}`;
export const NAMELESS_AUTHOR = 'Anonymous';

/** `dsq-2001`; an id that does not fit Duizhao's (1-40 of `[\w-]`) is hashed instead. */
export function importedId(system: ForeignSystem, sourceId: string): string {
  const plain = `${ID_PREFIX[system]}-${sourceId}`;
  if (/^[\w-]{1,40}$/.test(plain)) return plain;
  return `${ID_PREFIX[system]}-${createHash('sha256').update(sourceId).digest('base64url').slice(0, 32)}`;
}

export type UnmatchedThread = { address: string; comments: number };

export type ImportPlan = {
  records: CommentRecord[];
  replies: number;
  pending: number;
  placeholders: number;
  skippedDeleted: number;
  skippedSpam: number;
  skippedEmpty: number;
  unmatched: UnmatchedThread[];
  /** Threads placed by their title alone, for the summary to name. */
  byTitle: Array<{ title: string; slug: string }>;
};

function record(comment: ForeignComment, system: ForeignSystem, slug: string, parentId: string | null): CommentRecord {
  const body = storableText(comment.bodyMarkdown);
  return {
    id: importedId(system, comment.sourceId),
    postSlug: slug,
    parentId,
    authorName: cleanName(comment.authorName) || NAMELESS_AUTHOR,
    email: comment.email,
    website: comment.website,
    bodySource: body,
    bodyHtml: renderReaderMarkdown(body),
    lang: detectLang(body),
    status: comment.state === 'pending' ? 'pending' : 'published',
    deleted: false,
    ipHash: importedFrom(system),
    linkCount: countLinks(body),
    flagCount: 0,
    createdAt: comment.createdAt.toISOString(),
    editedAt: null,
  };
}

function placeholder(comment: ForeignComment, system: ForeignSystem, slug: string, parentId: string | null): CommentRecord {
  return { ...record(comment, system, slug, parentId), authorName: '', email: null, website: null, bodySource: '', bodyHtml: '', linkCount: 0, lang: 'zh', deleted: true };
}

export function planImport(source: ForeignExport, site: SiteForImport): ImportPlan {
  const match = createThreadMatcher(site);
  const matches = new Map<object, ThreadMatch | null>();
  const threadOf = (comment: ForeignComment) => {
    if (!matches.has(comment.thread)) matches.set(comment.thread, match(comment.thread));
    return matches.get(comment.thread) ?? null;
  };
  const plan: ImportPlan = { records: [], replies: 0, pending: 0, placeholders: 0, skippedDeleted: 0, skippedSpam: 0, skippedEmpty: 0, unmatched: [], byTitle: [] };

  const bySourceId = new Map(source.comments.map((comment) => [comment.sourceId, comment]));
  const shown = (comment: ForeignComment) => (comment.state === 'published' || comment.state === 'pending') && comment.bodyMarkdown.trim() !== '';
  // A comment is written when it is shown, or when a reply below it is (then as a placeholder).
  const written = new Set<string>();
  for (const comment of source.comments) {
    if (!shown(comment) || !threadOf(comment)) continue;
    const seen = new Set<string>();
    for (let at: ForeignComment | undefined = comment; at && !seen.has(at.sourceId); at = at.parentSourceId === null ? undefined : bySourceId.get(at.parentSourceId)) {
      seen.add(at.sourceId);
      written.add(at.sourceId);
    }
  }

  const unmatched = new Map<string, number>();
  for (const comment of source.comments) {
    const thread = threadOf(comment);
    if (!thread) {
      const address = comment.thread.urls[0] ?? comment.thread.title ?? '(no address)';
      unmatched.set(address, (unmatched.get(address) ?? 0) + 1);
      continue;
    }
    if (!written.has(comment.sourceId)) {
      if (comment.state === 'spam') plan.skippedSpam += 1;
      else if (comment.state === 'deleted') plan.skippedDeleted += 1;
      else plan.skippedEmpty += 1;
      continue;
    }
    if (thread.by === 'title' && !plan.byTitle.some((each) => each.slug === thread.slug)) plan.byTitle.push({ title: comment.thread.title ?? '', slug: thread.slug });
    const parent = comment.parentSourceId === null ? undefined : bySourceId.get(comment.parentSourceId);
    // A reply to a comment the file lacks, or on another post, starts a thread of its own.
    const parentId = parent && written.has(parent.sourceId) && threadOf(parent)?.slug === thread.slug ? importedId(source.system, parent.sourceId) : null;
    if (shown(comment)) {
      plan.records.push(record(comment, source.system, thread.slug, parentId));
      if (parentId !== null) plan.replies += 1;
      if (comment.state === 'pending') plan.pending += 1;
    } else {
      plan.records.push(placeholder(comment, source.system, thread.slug, parentId));
      plan.placeholders += 1;
    }
  }
  plan.unmatched = [...unmatched].map(([address, comments]) => ({ address, comments }));
  return plan;
}
