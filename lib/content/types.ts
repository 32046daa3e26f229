/**
 * The typed shape the rest of the app sees of a post. Everything Jekyll-specific (file names,
 * front matter, Liquid) is resolved inside `lib/content` before a `Post` leaves it.
 */

/** A calendar date as `YYYY-MM-DD`; kept as a string so no timezone can shift it. */
export type CalendarDate = string;

export type BlockKind = 'h' | 'p' | 'q' | 'fig' | 'ul' | 'ol' | 'dl' | 'code' | 'table' | 'hr' | 'math' | 'fn' | 'html';

/** A top-level block of a rendered post, addressed by its `data-block` id. */
export type PostBlock = {
  id: string;
  kind: BlockKind;
  /** The block's text content, whitespace collapsed, as a reader sees it. */
  text: string;
};

export type PostHeading = { id: string; depth: number; text: string };

export type PostMeta = {
  slug: string;
  /** The post's file name without extension (`2016-05-20-docker-and-hyper`), as Jekyll's `post_url` names it. */
  stem: string;
  title: string;
  /** The date a reader is shown: `modified` when present, else `date`, else the file name's. */
  date: CalendarDate;
  /** The date in the Jekyll file name, which Jekyll uses for the permalink. */
  publishedOn: CalendarDate;
  modified: CalendarDate | null;
  tags: string[];
  categories: string[];
  description: string | null;
  headline: string | null;
  imagefeature: string | null;
  comments: boolean;
  featured: boolean;
  mathjax: boolean;
  /** The URL path Jekyll would have published the post at, e.g. `/2016/05/20/docker-and-hyper.html`. */
  permalink: string;
};

export type Post = PostMeta & {
  /** Markdown after Liquid has run: the input of the markdown pipeline. */
  markdown: string;
  blocks: PostBlock[];
  headings: PostHeading[];
};
