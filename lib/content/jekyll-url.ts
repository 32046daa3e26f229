/**
 * A post's URL as Jekyll 4.3 builds it, so every old address of a blog that moves in can be
 * recognised. Jekyll expands a template (the site's `permalink` style or pattern, or the post's
 * own `permalink`) with the post's placeholders, percent-encodes each value (Addressable's
 * path encoding: a category "edge case" becomes `edge%20case`), squeezes slashes and keeps a
 * trailing slash (`pretty` URLs are folders). Checked against the real Jekyll's output in
 * `test/baselines/jekyll-urls/` (see jekyll-url.test.ts).
 */

/** The named styles of `permalink:` in `_config.yml` (Jekyll's `STYLE_TO_PERMALINK`). */
const STYLES: Readonly<Record<string, string>> = {
  date: '/:categories/:year/:month/:day/:title:output_ext',
  pretty: '/:categories/:year/:month/:day/:title/',
  ordinal: '/:categories/:year/:y_day/:title:output_ext',
  weekdate: '/:categories/:year/W:week/:short_day/:title:output_ext',
  none: '/:categories/:title:output_ext',
};

export const DEFAULT_PERMALINK = 'date';

export function isPermalinkStyle(value: string): boolean {
  return Object.hasOwn(STYLES, value);
}

/** The template a `permalink:` setting stands for: a style name, or the pattern itself. */
export function permalinkTemplate(setting: string): string {
  return STYLES[setting] ?? setting;
}

/** What Jekyll knows of a post when it builds the URL. */
export type UrlPost = {
  /** `YYYY-MM-DD`: front matter `date`, else the file name's. */
  date: string;
  /** The file name's slug (`docker-and-hyper`), or front matter `slug`. */
  slug: string;
  /** As Jekyll merges them (see `jekyllCategories`). */
  categories: string[];
};

export class PermalinkError extends Error {}

// Jekyll's slugify modes: `default` keeps letters, marks and digits; `pretty` also keeps `._~!$&'()+,;=@`.
const NOT_DEFAULT_SLUG = /[^\p{M}\p{L}\p{Nd}]+/gu;
const NOT_PRETTY_SLUG = /[^\p{M}\p{L}\p{Nd}._~!$&'()+,;=@]+/gu;

export function slugify(text: string, mode: 'default' | 'pretty', cased: boolean): string {
  const slug = text.replace(mode === 'pretty' ? NOT_PRETTY_SLUG : NOT_DEFAULT_SLUG, '-').replace(/^-|-$/g, '');
  return cased ? slug : slug.toLowerCase();
}

/** Jekyll's title for a post without one: `hello-world` -> `Hello World` (Ruby's `capitalize`). */
export function titleFromSlug(slug: string): string {
  return slug
    .split('-')
    .map((word) => (word === '' ? '' : word.charAt(0).toUpperCase() + word.slice(1).toLowerCase()))
    .join(' ');
}

type RawValue = unknown;

function asList(value: RawValue): string[] {
  if (value == null) return [];
  return (Array.isArray(value) ? value : [value]).filter((each) => each != null).map(String);
}

/**
 * A post's categories as Jekyll merges them: `categories` (a string is split on spaces), then
 * `category` (taken whole: `category: edge case` is one category, `/edge%20case/` in the URL),
 * without repeats. Checked against Jekyll in the URL baselines.
 */
export function jekyllCategories(frontMatter: { category?: RawValue; categories?: RawValue }): string[] {
  const { category, categories } = frontMatter;
  const listed = typeof categories === 'string' ? categories.split(/\s+/).filter(Boolean) : asList(categories);
  return [...new Set([...listed, ...asList(category)])];
}

/** Characters Addressable leaves alone in a path: unreserved, sub-delims, `:`, `@` and `/`. */
const PATH_SAFE = /[A-Za-z0-9\-._~!$&'()*+,;=:@/]/;

/** Jekyll's `URL.escape_path`. */
export function escapePath(value: string): string {
  if (value === '' || /^[a-zA-Z0-9./-]+$/.test(value)) return value;
  let escaped = '';
  for (const char of value) {
    if (PATH_SAFE.test(char) || char === '%' || char === '?' || char === '#') escaped += char;
    else for (const byte of new TextEncoder().encode(char)) escaped += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return escaped.replace('#', '%23');
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** ISO 8601 week and week-year (`%V`, `%G`): the week holding the Thursday of this one. */
function isoWeek(day: Date): { week: number; year: number } {
  const mondayBased = (date: Date) => (date.getUTCDay() + 6) % 7;
  const thursday = new Date(day);
  thursday.setUTCDate(day.getUTCDate() - mondayBased(day) + 3);
  const year = thursday.getUTCFullYear();
  const january4 = new Date(Date.UTC(year, 0, 4));
  const days = (thursday.getTime() - january4.getTime()) / 86_400_000;
  return { week: 1 + Math.round((days - 3 + mondayBased(january4)) / 7), year };
}

function placeholders(post: UrlPost): Record<string, string> {
  const day = new Date(`${post.date}T00:00:00Z`);
  const start = Date.UTC(day.getUTCFullYear(), 0, 1);
  const { week, year: weekYear } = isoWeek(day);
  return {
    year: String(day.getUTCFullYear()),
    month: pad(day.getUTCMonth() + 1),
    day: pad(day.getUTCDate()),
    i_month: String(day.getUTCMonth() + 1),
    i_day: String(day.getUTCDate()),
    short_year: pad(day.getUTCFullYear() % 100),
    short_month: (MONTHS[day.getUTCMonth()] ?? '').slice(0, 3),
    long_month: MONTHS[day.getUTCMonth()] ?? '',
    short_day: (DAYS[day.getUTCDay()] ?? '').slice(0, 3),
    long_day: DAYS[day.getUTCDay()] ?? '',
    y_day: pad(Math.floor((day.getTime() - start) / 86_400_000) + 1, 3),
    week: pad(week),
    w_year: String(weekYear),
    w_day: String(day.getUTCDay() === 0 ? 7 : day.getUTCDay()),
    hour: '00',
    minute: '00',
    second: '00',
    title: slugify(post.slug, 'pretty', true),
    slug: slugify(post.slug, 'default', false),
    name: slugify(post.slug, 'default', false),
    categories: [...new Set(post.categories.map((category) => category.toLowerCase()))].join('/'),
    slugified_categories: [...new Set(post.categories.map((category) => slugify(category, 'default', false)))].join('/'),
    collection: 'posts',
    output_ext: '.html',
  };
}

/**
 * The URL Jekyll gives a post under `template`. Throws PermalinkError for a placeholder Jekyll
 * does not know, as Jekyll stops with "The URL template doesn't have … keys".
 */
export function postUrl(template: string, post: UrlPost): string {
  const values = placeholders(post);
  const expanded = template.replace(/:([a-z_]+)/g, (_match, name: string) => {
    const key = name in values ? name : name.endsWith('_') && name.slice(0, -1) in values ? name.slice(0, -1) : null;
    if (key === null) throw new PermalinkError(`the permalink "${template}" has no placeholder :${name}`);
    // `:title_` names `title` and keeps the underscore after it, as Jekyll does.
    return escapePath(values[key] ?? '') + (key === name ? '' : '_');
  });
  return `/${expanded}`.replaceAll('..', '/').replaceAll('./', '').replace(/\/{2,}/g, '/');
}
