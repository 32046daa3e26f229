/**
 * One post file read as Jekyll reads it: the site's front matter `defaults`, then the file's own
 * front matter (validated), a title from the file name when it has none, its categories merged
 * as Jekyll merges them, and the URL Jekyll would publish it at under the site's permalink.
 * Anything wrong throws a PostProblemError naming the file and the keys.
 */
import matter from 'gray-matter';
import yaml from 'js-yaml';
import { PostProblemError } from './content-report';
import { parseFrontMatter, type FrontMatter } from './front-matter';
import { jekyllCategories, PermalinkError, permalinkTemplate, postUrl, titleFromSlug, type UrlPost } from './jekyll-url';
import { parsePostFileName } from './post-file';
import { DEFAULT_SITE_CONFIG, type SiteConfig } from './site-config';
import type { PostMeta } from './types';

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

export type PostSource = { fileName: string; body: string; frontMatter: FrontMatter; meta: PostMeta };

/** Front matter defaults whose scope covers a file in `_posts/`, least specific first. */
function defaultsFor(config: SiteConfig): Record<string, unknown> {
  const applying = config.defaults.filter(({ path }) => path === '' || '_posts/'.startsWith(`${path.replace(/\/+$/, '')}/`));
  return Object.assign({}, ...applying.map(({ values }) => values)) as Record<string, unknown>;
}

function readMatter(fileName: string, text: string): { data: Record<string, unknown>; content: string } {
  try {
    const { data, content } = matter(text, { engines: frontMatterEngine });
    return { data, content };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new PostProblemError([{ file: fileName, key: '(front matter)', reason: `is not valid YAML: ${reason}` }]);
  }
}

export function readPostSource(fileName: string, text: string, config: SiteConfig = DEFAULT_SITE_CONFIG): PostSource {
  const file = parsePostFileName(fileName);
  const { data: own, content } = readMatter(fileName, text);
  const data = { ...defaultsFor(config), ...own };
  const frontMatter = parseFrontMatter(data, fileName);
  const publishedOn = frontMatter.date ?? file.date;
  const categories = jekyllCategories(data);
  const urlPost: UrlPost = { date: publishedOn, slug: typeof data.slug === 'string' && data.slug.trim() !== '' ? data.slug : file.fileSlug, categories };
  let permalink: string;
  try {
    permalink = postUrl(frontMatter.permalink ?? permalinkTemplate(config.permalink), urlPost);
  } catch (error) {
    if (!(error instanceof PermalinkError)) throw error;
    throw new PostProblemError([{ file: fileName, key: frontMatter.permalink ? 'permalink' : '_config.yml permalink', reason: error.message }]);
  }
  const meta: PostMeta = {
    slug: file.slug,
    stem: file.stem,
    title: frontMatter.title ?? titleFromSlug(file.fileSlug),
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
    permalink,
  };
  return { fileName, body: content, frontMatter, meta };
}
