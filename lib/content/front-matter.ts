/**
 * Validates a Jekyll post's YAML front matter. Jekyll is lenient (an empty `description:` is
 * null, `tags` may be a list or a space-separated string, dates may be YAML dates); this schema
 * accepts what Jekyll accepts and turns it into one clean shape, or fails naming the key.
 */
import { z } from 'zod';
import { PostProblemError } from './content-report';

/** YAML dates arrive as JS Dates at UTC midnight (gray-matter/js-yaml); keep the calendar day. */
const calendarDate = z
  .union([z.date(), z.string()])
  .transform((value, ctx) => {
    if (value instanceof Date) {
      if (Number.isNaN(value.getTime())) {
        ctx.addIssue({ code: 'custom', message: 'is not a valid date' });
        return z.NEVER;
      }
      return value.toISOString().slice(0, 10);
    }
    const match = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2})?(?:\s*(?:Z|[+-]\d{2}:?\d{2}))?)?$/.exec(value.trim());
    if (!match || !isRealDay(`${match[1]}-${match[2]}-${match[3]}`)) {
      ctx.addIssue({ code: 'custom', message: `"${value}" is not a date (expected YYYY-MM-DD)` });
      return z.NEVER;
    }
    return `${match[1]}-${match[2]}-${match[3]}`;
  });

const optionalText = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((value) => {
    const text = value == null ? '' : String(value).trim();
    return text === '' ? null : text;
  });

/** Jekyll takes a YAML list or a space-separated string for tags and categories. */
const wordList = z
  .union([z.array(z.union([z.string(), z.number()])), z.string()])
  .nullish()
  .transform((value) => {
    if (value == null) return [];
    const items = Array.isArray(value) ? value.map(String) : value.split(/\s+/);
    return items.map((item) => item.trim()).filter((item) => item !== '');
  });

const flag = (fallback: boolean) => z.boolean().nullish().transform((value) => value ?? fallback);

export const frontMatterSchema = z
  .object({
    layout: optionalText,
    /** Optional: Jekyll takes a missing title from the file name (see post-source.ts). */
    title: optionalText,
    description: optionalText,
    headline: optionalText,
    date: calendarDate.nullish(),
    modified: calendarDate.nullish(),
    category: optionalText,
    categories: wordList,
    tags: wordList,
    imagefeature: optionalText,
    mathjax: flag(false),
    chart: z.unknown().optional(),
    comments: flag(false),
    featured: flag(false),
    published: flag(true),
    /** A path or a pattern with placeholders (`/:year/:title/`); Jekyll adds a missing leading `/`. */
    permalink: optionalText,
  })
  .loose();

export type FrontMatter = z.output<typeof frontMatterSchema>;

function isRealDay(day: string): boolean {
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day;
}

/** Parses front matter or throws a PostProblemError naming the file and every offending key. */
export function parseFrontMatter(data: unknown, fileName: string): FrontMatter {
  const result = frontMatterSchema.safeParse(data);
  if (result.success) return result.data;
  throw new PostProblemError(
    result.error.issues.map((issue) => ({ file: fileName, key: issue.path.join('.') || '(front matter)', reason: issue.message })),
  );
}

export { isRealDay };
