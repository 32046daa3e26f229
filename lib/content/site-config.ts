/**
 * A Jekyll blog's `_config.yml`, dropped into the content folder with its posts. Read leniently,
 * as Jekyll reads it: the settings that change a post's URL or text are honoured (`permalink`,
 * `baseurl`, `url`, `title`, `description`, the kramdown options the pipeline knows, front matter
 * `defaults` for posts); settings that would change them but are not supported are named in the
 * content report, so a blogger knows what differs; everything else (theme, plugins, sass, …)
 * concerns pages Duizhao draws itself and is ignored.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { z } from 'zod';
import type { ContentProblem } from './content-report';
import { DEFAULT_PERMALINK, permalinkTemplate } from './jekyll-url';
import { parseTocLevels, type KramdownOptions } from './remark-kramdown-options';

export const CONFIG_FILE = '_config.yml';

/** Front matter defaults that apply to posts under `path` (relative to the site, e.g. `_posts/`). */
export type PostDefaults = { path: string; values: Record<string, unknown> };

export type SiteConfig = {
  /** The URL template for posts, after style names are expanded. */
  permalink: string;
  /** The path the old site lived under (`/blog`), or ''. */
  baseurl: string;
  /** The old site's origin (`https://old.example.com`), to recognise its absolute URLs. */
  url: string | null;
  title: string | null;
  description: string | null;
  kramdown: KramdownOptions;
  defaults: PostDefaults[];
};

export const DEFAULT_SITE_CONFIG: SiteConfig = {
  permalink: permalinkTemplate(DEFAULT_PERMALINK),
  baseurl: '',
  url: null,
  title: null,
  description: null,
  kramdown: {},
  defaults: [],
};

const text = z.union([z.string(), z.number()]).transform(String).nullish().catch(null);
const record = z.record(z.string(), z.unknown());

/** Settings that change posts' URLs or text in Jekyll and that Duizhao does not follow. */
const UNHONOURED: Record<string, string> = {
  timezone: 'post dates are taken as written, in no time zone',
  future: 'posts dated in the future are published',
  unpublished: 'posts with `published: false` are left out',
  show_drafts: '_drafts are not read',
  collections: 'only posts are read, with the site-wide permalink',
  excerpt_separator: 'the summary is the first paragraph',
};
const KRAMDOWN_DEFAULTS: Record<string, unknown> = {
  input: 'GFM',
  hard_wrap: false,
  auto_ids: true,
  toc_levels: '1..6',
  syntax_highlighter: 'rouge',
  math_engine: 'mathjax',
  entity_output: 'as_char',
  smart_quotes: 'lsquo,rsquo,ldquo,rdquo',
  footnote_nr: 1,
  show_warnings: false,
};
/** kramdown options that only concern warnings or output Duizhao draws itself. */
const KRAMDOWN_IGNORED = new Set(['show_warnings', 'syntax_highlighter_opts', 'template', 'guess_lang', 'line_width', 'remove_block_html_tags', 'remove_span_html_tags']);

const same = (value: unknown, fallback: unknown) => JSON.stringify(value) === JSON.stringify(fallback) || String(value) === String(fallback);

function readKramdown(raw: unknown, report: (key: string, reason: string) => void): KramdownOptions {
  const options: KramdownOptions = {};
  const parsed = record.safeParse(raw);
  if (!parsed.success) return options;
  for (const [key, value] of Object.entries(parsed.data)) {
    if (key === 'auto_ids') options.autoIds = value !== false && value !== 'false';
    else if (key === 'toc_levels') {
      const levels = Array.isArray(value) ? value.map(Number) : parseTocLevels(String(value));
      if (levels && levels.every((level) => Number.isInteger(level) && level >= 1 && level <= 6)) options.tocLevels = levels;
      else report('kramdown.toc_levels', `"${String(value)}" is not a list of heading levels; all levels are used`);
    } else if (!KRAMDOWN_IGNORED.has(key) && !(key in KRAMDOWN_DEFAULTS && same(value, KRAMDOWN_DEFAULTS[key]))) {
      report(`kramdown.${key}`, `not supported; posts render with kramdown's default (${String(KRAMDOWN_DEFAULTS[key] ?? 'none')})`);
    }
  }
  return options;
}

function readDefaults(raw: unknown, report: (key: string, reason: string) => void): PostDefaults[] {
  if (!Array.isArray(raw)) return [];
  const defaults: PostDefaults[] = [];
  for (const [index, entry] of raw.entries()) {
    const scope = record.safeParse(record.safeParse(entry).data?.scope ?? {}).data ?? {};
    const values = record.safeParse(record.safeParse(entry).data?.values).data;
    if (!values) continue;
    const type = scope.type == null ? 'posts' : String(scope.type);
    const scopePath = scope.path == null ? '' : String(scope.path);
    if (type !== 'posts') continue;
    if (/[*?[]/.test(scopePath)) {
      report(`defaults[${index}].scope.path`, `the pattern "${scopePath}" is not supported; these defaults are not applied`);
      continue;
    }
    defaults.push({ path: scopePath.replace(/^\.?\/+/, ''), values });
  }
  // Jekyll lets a longer (more specific) scope path win.
  return defaults.sort((a, b) => a.path.length - b.path.length);
}

/** Parses the text of a `_config.yml`. Never throws: a problem is reported and the default kept. */
export function parseSiteConfig(source: string, file = CONFIG_FILE): { config: SiteConfig; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const report = (key: string, reason: string) => problems.push({ file, key, reason });
  let data: Record<string, unknown> = {};
  try {
    data = record.safeParse(yaml.load(source, { schema: yaml.CORE_SCHEMA })).data ?? {};
  } catch (error) {
    report('(file)', `is not valid YAML (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); Jekyll's defaults are used`);
  }
  const permalink = text.parse(data.permalink) ?? DEFAULT_PERMALINK;
  const baseurl = (text.parse(data.baseurl) ?? '').replace(/\/+$/, '');
  const url = (text.parse(data.url) ?? '').replace(/\/+$/, '');
  for (const [key, reason] of Object.entries(UNHONOURED)) if (data[key] != null && data[key] !== false) report(key, `not supported: ${reason}`);
  if (data.markdown != null && String(data.markdown).toLowerCase() !== 'kramdown') report('markdown', `"${String(data.markdown)}" is not supported; posts render with kramdown`);
  return {
    config: {
      permalink: permalinkTemplate(permalink),
      baseurl: baseurl === '' || baseurl.startsWith('/') ? baseurl : `/${baseurl}`,
      url: /^https?:\/\/[^/]+/i.test(url) ? url : null,
      title: text.parse(data.title) ?? null,
      description: text.parse(data.description) ?? null,
      kramdown: readKramdown(data.kramdown, report),
      defaults: readDefaults(data.defaults, report),
    },
    problems,
  };
}

/** Where a blog's `_config.yml` may sit: beside the posts, or one level up from a `posts`/`_posts` folder. */
export function findSiteConfig(postsDir: string): string | null {
  const candidates = [path.join(postsDir, CONFIG_FILE)];
  if (['posts', '_posts'].includes(path.basename(postsDir))) candidates.push(path.join(path.dirname(postsDir), CONFIG_FILE));
  return candidates.find((candidate) => existsSync(/* turbopackIgnore: true */ candidate)) ?? null;
}

export function readSiteConfig(postsDir: string): { config: SiteConfig; problems: ContentProblem[] } {
  const file = findSiteConfig(postsDir);
  if (!file) return { config: DEFAULT_SITE_CONFIG, problems: [] };
  // The content folder is a setting (CONTENT_DIR), read at build time: nothing here to trace.
  return parseSiteConfig(readFileSync(/* turbopackIgnore: true */ file, 'utf8'), path.basename(file));
}
