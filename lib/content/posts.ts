/**
 * Loads the posts in `content/posts/` (Jekyll `_posts/` files, dropped in as they are): front
 * matter validated, Liquid run with Jekyll's vocabulary, markdown rendered. Loaded once per
 * process; every page, feed and sitemap reads from the same result.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
import yaml from 'js-yaml';
import { env } from '../env';
import { parseFrontMatter, type FrontMatter } from './front-matter';
import { createLiquid, renderLiquid, type LiquidSite } from './liquid';
import { renderMarkdownToHtml } from './markdown';
import { isPostFile, jekyllPermalink, parsePostFileName } from './post-file';
import type { Post, PostMeta } from './types';

export type LoadedPost = Post & { html: string };

/**
 * YAML without implicit timestamps: js-yaml's default schema would turn `modified: 2016-13-45` into
 * a real date in 2017 before validation could refuse it. Dates stay text; the schema checks them.
 */
const frontMatterEngine = {
  yaml: (text: string): object => {
    const data = yaml.load(text, { schema: yaml.CORE_SCHEMA });
    return typeof data === 'object' && data !== null ? data : {};
  },
};

type Source = { fileName: string; body: string; frontMatter: FrontMatter; meta: PostMeta };

function toMeta(fileName: string, frontMatter: FrontMatter): PostMeta {
  const file = parsePostFileName(fileName);
  const categories = [...(frontMatter.category ? [frontMatter.category] : []), ...frontMatter.categories];
  const publishedOn = frontMatter.date ?? file.date;
  return {
    slug: file.slug,
    stem: file.stem,
    title: frontMatter.title,
    date: frontMatter.modified ?? publishedOn,
    publishedOn,
    modified: frontMatter.modified ?? null,
    tags: frontMatter.tags,
    categories,
    description: frontMatter.description,
    headline: frontMatter.headline,
    imagefeature: frontMatter.imagefeature,
    comments: frontMatter.comments,
    featured: frontMatter.featured,
    mathjax: frontMatter.mathjax,
    permalink: frontMatter.permalink ?? jekyllPermalink(publishedOn, file.slug, categories),
  };
}

async function readSources(directory: string): Promise<Source[]> {
  const fileNames = (await readdir(directory)).filter(isPostFile).sort();
  const sources = await Promise.all(
    fileNames.map(async (fileName): Promise<Source> => {
      const { data, content } = matter(await readFile(path.join(directory, fileName), 'utf8'), { engines: frontMatterEngine });
      const frontMatter = parseFrontMatter(data, fileName);
      return { fileName, body: content, frontMatter, meta: toMeta(fileName, frontMatter) };
    }),
  );
  const published = sources.filter((source) => source.frontMatter.published);
  const seen = new Map<string, string>();
  for (const { fileName, meta } of published) {
    const other = seen.get(meta.slug);
    if (other) throw new Error(`Two posts share the slug "${meta.slug}": ${other} and ${fileName}`);
    seen.set(meta.slug, fileName);
  }
  return published;
}

/** Newest first, as a blog lists them. */
function byDateDescending(a: PostMeta, b: PostMeta): number {
  return b.publishedOn.localeCompare(a.publishedOn) || a.slug.localeCompare(b.slug);
}

export async function loadPosts(directory: string, origin: string): Promise<LoadedPost[]> {
  const sources = await readSources(directory);
  const permalinks = new Map(sources.map(({ meta }) => [meta.stem, meta.permalink]));
  const site: LiquidSite = {
    url: '',
    baseurl: '',
    origin,
    title: '对照 Duizhao',
    posts: sources
      .map(({ meta }) => meta)
      .sort(byDateDescending)
      .map(({ title, permalink, publishedOn, slug, tags }) => ({ title, url: permalink, date: publishedOn, slug, tags })),
  };
  const liquid = createLiquid(site, permalinks);
  const posts = await Promise.all(
    sources.map(async ({ fileName, body, frontMatter, meta }): Promise<LoadedPost> => {
      const page = { ...frontMatter, ...meta, url: meta.permalink, date: meta.publishedOn };
      const markdown = await renderLiquid(liquid, body, { site, page }, fileName);
      const rendered = await renderMarkdownToHtml(markdown, { mathjax: meta.mathjax });
      return { ...meta, markdown, ...rendered };
    }),
  );
  return posts.sort(byDateDescending);
}

let cached: Promise<LoadedPost[]> | null = null;

/** All published posts of the site, newest first. */
export function getPosts(): Promise<LoadedPost[]> {
  cached ??= loadPosts(env.contentDir, env.siteUrl);
  return cached;
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

/** Finds the post an old Jekyll URL pointed at (with or without `.html`, or a trailing slash). */
export async function findPostByPermalink(pathname: string): Promise<PostMeta | null> {
  const wanted = normalisePermalink(pathname);
  return (await getPosts()).find((post) => normalisePermalink(post.permalink) === wanted) ?? null;
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
