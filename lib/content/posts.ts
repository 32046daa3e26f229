/**
 * Loads the posts in `content/posts/` (Jekyll `_posts/` files, dropped in as they are): front
 * matter validated, Liquid run with Jekyll's vocabulary, markdown rendered. Loaded once per
 * process; every page, feed and sitemap reads from the same result.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { env } from '../env';
import { formatContentReport, problemsOf, type ContentProblem } from './content-report';
import { createLiquid, renderLiquid, type LiquidSite } from './liquid';
import { renderMarkdownToHtml } from './markdown';
import { isPostFile, postsFolder } from './post-file';
import { readPostSource, type PostSource } from './post-source';
import { readSiteConfig, type SiteConfig } from './site-config';
import type { KramdownOptions } from './remark-kramdown-options';
import type { Post, PostMeta } from './types';

export type LoadedPost = Post & { html: string };

/** Everything read from the content folder: the posts that build, and what could not be taken over. */
export type LoadedSite = {
  posts: LoadedPost[];
  config: SiteConfig;
  problems: ContentProblem[];
  /** Files of posts left out because of a problem. */
  leftOut: string[];
};

async function readSources(directory: string, config: SiteConfig, problems: ContentProblem[]): Promise<PostSource[]> {
  const fileNames = (await readdir(directory)).filter(isPostFile).sort();
  const read = await Promise.all(
    fileNames.map(async (fileName) => {
      try {
        return readPostSource(fileName, await readFile(path.join(directory, fileName), 'utf8'), config);
      } catch (error) {
        problems.push(...problemsOf(error, fileName));
        return null;
      }
    }),
  );
  const published: PostSource[] = [];
  const seen = new Map<string, string>();
  for (const source of read) {
    if (!source?.frontMatter.published) continue;
    const other = seen.get(source.meta.slug);
    if (other) {
      problems.push({ file: source.fileName, key: '(file name)', reason: `its slug "${source.meta.slug}" is already taken by ${other}` });
      continue;
    }
    seen.set(source.meta.slug, source.fileName);
    published.push(source);
  }
  return published;
}

/** Newest first, as a blog lists them. */
function byDateDescending(a: PostMeta, b: PostMeta): number {
  return b.publishedOn.localeCompare(a.publishedOn) || a.slug.localeCompare(b.slug);
}

/**
 * The site's kramdown options go before the post's text as kramdown's own `{::options /}`, so a
 * post that sets an option itself still wins, as in kramdown.
 */
function withSiteOptions(markdown: string, options: KramdownOptions): string {
  const attributes = [
    ...(options.autoIds === undefined ? [] : [`auto_ids="${String(options.autoIds)}"`]),
    ...(options.tocLevels === undefined ? [] : [`toc_levels="${options.tocLevels.join(',')}"`]),
  ];
  return attributes.length === 0 ? markdown : `{::options ${attributes.join(' ')} /}\n\n${markdown}`;
}

/** Reads and renders every post; a post that cannot be built is reported and left out. */
export async function loadSite(contentDir: string, origin: string): Promise<LoadedSite> {
  const directory = postsFolder(contentDir);
  const { config, problems } = readSiteConfig(directory);
  const sources = await readSources(directory, config, problems);
  const permalinks = new Map(sources.map(({ meta }) => [meta.stem, meta.permalink]));
  // Duizhao serves the blog at the root of its own origin: `{{ site.url }}` and `{{ site.baseurl }}`
  // stay empty so `{{ site.baseurl }}/images/x.png` is the image under public/, not the old host.
  const site: LiquidSite = {
    url: '',
    baseurl: '',
    origin,
    title: config.title ?? '对照 Duizhao',
    description: config.description ?? '',
    posts: sources
      .map(({ meta }) => meta)
      .sort(byDateDescending)
      .map(({ title, permalink, publishedOn, slug, tags }) => ({ title, url: permalink, date: publishedOn, slug, tags })),
  };
  const liquid = createLiquid(site, permalinks);
  const built = await Promise.all(
    sources.map(async ({ fileName, body, frontMatter, meta }): Promise<LoadedPost | null> => {
      try {
        const page = { ...frontMatter, ...meta, url: meta.permalink, date: meta.publishedOn };
        const markdown = withSiteOptions(await renderLiquid(liquid, body, { site, page }, fileName), config.kramdown);
        const rendered = await renderMarkdownToHtml(markdown, { mathjax: meta.mathjax });
        return { ...meta, markdown, ...rendered };
      } catch (error) {
        problems.push(...problemsOf(error, fileName));
        return null;
      }
    }),
  );
  const posts = built.filter((post) => post !== null).sort(byDateDescending);
  const kept = new Set(posts.map((post) => `${post.stem}`));
  const leftOut = [...new Set(problems.map((problem) => problem.file))].filter((file) => isPostFile(file) && !kept.has(file.replace(/\.(?:md|markdown)$/, '')));
  return { posts, config, problems, leftOut };
}

/** The published posts that build, newest first. */
export async function loadPosts(contentDir: string, origin: string): Promise<LoadedPost[]> {
  return (await loadSite(contentDir, origin)).posts;
}

/** The content report as printed before a build, or null when every post and setting was taken. */
export async function contentReport(contentDir: string, origin: string): Promise<string | null> {
  const { posts, problems, leftOut } = await loadSite(contentDir, origin);
  return formatContentReport(problems, leftOut, posts.length);
}

let cached: Promise<LoadedSite> | null = null;

/** The site as loaded once per process. */
export function getSite(): Promise<LoadedSite> {
  cached ??= loadSite(env.contentDir, env.siteUrl);
  return cached;
}

/** All published posts of the site that build, newest first. */
export async function getPosts(): Promise<LoadedPost[]> {
  return (await getSite()).posts;
}

export async function getPost(slug: string): Promise<LoadedPost | null> {
  return (await getPosts()).find((post) => post.slug === slug) ?? null;
}

/** The post list: featured posts first, then newest first. */
export async function listPosts(tag?: string): Promise<LoadedPost[]> {
  const posts = (await getPosts()).filter((post) => tag === undefined || post.tags.includes(tag));
  return [...posts].sort((a, b) => Number(b.featured) - Number(a.featured) || byDateDescending(a, b));
}

export async function listTags(): Promise<Array<{ tag: string; count: number }>> {
  const counts = new Map<string, number>();
  for (const post of await getPosts()) for (const tag of post.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}

/**
 * Finds the post an old Jekyll URL pointed at: its permalink under the blog's `_config.yml`, with
 * or without the old `baseurl`, `.html`, `index.html` or a trailing slash, escaped or not.
 */
export async function findPostByPermalink(pathname: string): Promise<PostMeta | null> {
  const { posts, config } = await getSite();
  const candidates = [normalisePermalink(pathname)];
  const base = config.baseurl.toLowerCase();
  if (base !== '' && candidates[0]?.startsWith(`${base}/`)) candidates.push(candidates[0].slice(base.length));
  return posts.find((post) => candidates.includes(normalisePermalink(post.permalink))) ?? null;
}

function normalisePermalink(pathname: string): string {
  let decoded = pathname;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    // A malformed escape is simply not a permalink of ours.
  }
  return decoded.replace(/\/index\.html$/, '/').replace(/\.html$/, '').replace(/\/+$/, '').toLowerCase();
}
