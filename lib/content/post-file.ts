/**
 * Jekyll's post file names: `YYYY-MM-DD-title.md` (or `.markdown`) in `_posts/`. The part after
 * the date is the post's Jekyll slug (its `:title` in permalinks) and, made URL-safe, the post's
 * slug here (`/zh/posts/<slug>`).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { isRealDay } from './front-matter';
import { PostProblemError } from './content-report';

const POST_FILE = /^(\d{4}-\d{2}-\d{2})-(.+)\.(?:md|markdown)$/;
const SAFE_SLUG = /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u;

export type PostFileName = {
  stem: string;
  date: string;
  /** The slug as written in the file name, as Jekyll uses it for `:title`. */
  fileSlug: string;
  /** The same, made safe for a URL segment. */
  slug: string;
};

export function isPostFile(fileName: string): boolean {
  return /\.(?:md|markdown)$/.test(fileName) && !fileName.startsWith('.');
}

export function parsePostFileName(fileName: string): PostFileName {
  const match = POST_FILE.exec(fileName);
  const date = match?.[1];
  const fileSlug = match?.[2];
  const problem = (reason: string) => new PostProblemError([{ file: fileName, key: '(file name)', reason }]);
  if (!date || !fileSlug) throw problem("expected YYYY-MM-DD-title.md, as in Jekyll's _posts/");
  if (!isRealDay(date)) throw problem(`${date} is not a day of the calendar`);
  const slug = SAFE_SLUG.test(fileSlug) ? fileSlug : fileSlug.replace(/[^\p{L}\p{N}._]+/gu, '-').replace(/^[-._]+|-+$/g, '');
  if (slug === '') throw problem('the title part of the name has no letter or digit');
  return { stem: fileName.replace(/\.(?:md|markdown)$/, ''), date, fileSlug, slug };
}

/** The posts of a content folder: a whole Jekyll site's `_posts/` when it has one, else the folder itself. */
export function postsFolder(contentDir: string): string {
  const posts = path.join(contentDir, '_posts');
  return existsSync(/* turbopackIgnore: true */ posts) ? posts : contentDir;
}
