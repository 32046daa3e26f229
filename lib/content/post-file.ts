/**
 * Jekyll's post file conventions: `YYYY-MM-DD-slug.md` names, and the default permalink
 * `/:categories/:year/:month/:day/:title.html`.
 */
import { isRealDay } from './front-matter';

const POST_FILE = /^(\d{4}-\d{2}-\d{2})-(.+)\.(?:md|markdown)$/;

export type PostFileName = { stem: string; date: string; slug: string };

export function isPostFile(fileName: string): boolean {
  return /\.(?:md|markdown)$/.test(fileName) && !fileName.startsWith('.');
}

export function parsePostFileName(fileName: string): PostFileName {
  const match = POST_FILE.exec(fileName);
  const date = match?.[1];
  const slug = match?.[2];
  if (!date || !slug || !isRealDay(date) || !/^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u.test(slug)) {
    throw new Error(`Invalid post file name ${fileName}: expected YYYY-MM-DD-slug.md, as in Jekyll's _posts/`);
  }
  return { stem: fileName.replace(/\.(?:md|markdown)$/, ''), date, slug };
}

export function jekyllPermalink(date: string, slug: string, categories: string[]): string {
  const [year, month, day] = date.split('-');
  const prefix = categories.map((category) => `/${category.toLowerCase().replace(/\s+/g, '-')}`).join('');
  return `${prefix}/${year}/${month}/${day}/${slug}.html`;
}
