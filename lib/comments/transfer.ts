/**
 * Comments export and import: every column of every comment and flag as one JSON document, so a
 * site can be backed up, or moved between SQLite and PostgreSQL, without losing anything.
 * Exporting, importing into an empty database and exporting again gives the same JSON (bar
 * `exportedAt`). Import checks the whole file before writing, upserts by id (so running it twice
 * changes nothing), writes parents before their replies, and commits all or nothing.
 */
import 'server-only';
import { z } from 'zod';
import type { Db } from '../db/client';
import type { Comment, CommentFlag } from '../db/generated/sqlite/client';
import { bodyHashOf } from './body-hash';
import { commentLangSchema } from './schema';

export const EXPORT_VERSION = 1;

/** A file that cannot be imported as it is; the message names the entry and what is wrong. */
export class CommentImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommentImportError';
  }
}

const commentId = z.string().regex(/^[\w-]{1,40}$/, 'must be 1-40 letters, digits, "_" or "-"');
const timestamp = z.iso.datetime({ offset: true });
const count = z.int().min(0).max(2_147_483_647);

const commentRecordSchema = z.strictObject({
  id: commentId,
  postSlug: z.string().min(1).max(200),
  parentId: commentId.nullable(),
  authorName: z.string(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  bodySource: z.string(),
  bodyHtml: z.string(),
  lang: commentLangSchema,
  status: z.enum(['published', 'pending', 'spam']),
  deleted: z.boolean(),
  ipHash: z.string(),
  linkCount: count,
  flagCount: count,
  createdAt: timestamp,
  editedAt: timestamp.nullable(),
});

const flagRecordSchema = z.strictObject({
  commentId,
  reporterHash: z.string().min(1),
  createdAt: timestamp,
});

export const commentExportSchema = z.strictObject({
  version: z.literal(EXPORT_VERSION),
  exportedAt: timestamp,
  comments: z.array(commentRecordSchema),
  flags: z.array(flagRecordSchema),
});

export type CommentRecord = z.infer<typeof commentRecordSchema>;
export type FlagRecord = z.infer<typeof flagRecordSchema>;
export type CommentExport = z.infer<typeof commentExportSchema>;
export type ImportSummary = { comments: number; flags: number };

/** Columns computed from others: left out of the file, computed again on import. */
type DerivedColumn = 'bodyHash';

// `satisfies` with every key: a column added to the model fails to compile until it is exported.
function commentRecord(row: Comment): CommentRecord {
  return {
    id: row.id,
    postSlug: row.postSlug,
    parentId: row.parentId,
    authorName: row.authorName,
    email: row.email,
    website: row.website,
    bodySource: row.bodySource,
    bodyHtml: row.bodyHtml,
    lang: commentLangSchema.parse(row.lang),
    status: commentRecordSchema.shape.status.parse(row.status),
    deleted: row.deleted,
    ipHash: row.ipHash,
    linkCount: row.linkCount,
    flagCount: row.flagCount,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
  } satisfies Record<Exclude<keyof Comment, DerivedColumn>, unknown>;
}

function flagRecord(row: CommentFlag): FlagRecord {
  return { commentId: row.commentId, reporterHash: row.reporterHash, createdAt: row.createdAt.toISOString() } satisfies Record<
    keyof CommentFlag,
    unknown
  >;
}

// Sorted here rather than by the database: PostgreSQL's collation orders ids differently from
// SQLite's, and the same data must export to the same bytes from either.
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export async function exportComments(db: Db, now = new Date()): Promise<CommentExport> {
  const [comments, flags] = await Promise.all([db.comment.findMany(), db.commentFlag.findMany()]);
  comments.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || byCodePoint(a.id, b.id));
  flags.sort((a, b) => byCodePoint(a.commentId, b.commentId) || byCodePoint(a.reporterHash, b.reporterHash));
  return { version: EXPORT_VERSION, exportedAt: now.toISOString(), comments: comments.map(commentRecord), flags: flags.map(flagRecord) };
}

export function serializeCommentExport(data: CommentExport): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** `comments[3] (id "abc").createdAt` for an issue inside an entry; the path alone otherwise. */
function entryName(raw: unknown, path: readonly PropertyKey[]): string {
  const [section, index, ...rest] = path;
  const field = rest.length > 0 ? `.${rest.map(String).join('.')}` : '';
  if ((section === 'comments' || section === 'flags') && typeof index === 'number') {
    const entries = z.object({ [section]: z.array(z.unknown()) }).safeParse(raw);
    const entry = z.object({ id: z.string() }).safeParse(entries.success ? entries.data[section]?.[index] : undefined);
    return `${section}[${index}]${entry.success ? ` (id "${entry.data.id}")` : ''}${field}`;
  }
  return path.length > 0 ? path.map(String).join('.') : 'the file';
}

/** The file's text, parsed and checked; throws CommentImportError naming each problem found (up to 10). */
export function parseCommentExport(text: string): CommentExport {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new CommentImportError(`not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = commentExportSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 10).map((issue) => `${entryName(raw, issue.path)}: ${issue.message}`);
    throw new CommentImportError(problems.join('\n'));
  }
  return parsed.data;
}

/**
 * The comments with every parent before its replies, whatever order the file lists them in.
 * A parent outside the file must already be in the database (`known`).
 */
export function orderParentsFirst(comments: readonly CommentRecord[], known: ReadonlySet<string> = new Set()): CommentRecord[] {
  const byId = new Map<string, { record: CommentRecord; index: number }>();
  comments.forEach((record, index) => {
    const twin = byId.get(record.id);
    if (twin) throw new CommentImportError(`comments[${index}] (id "${record.id}"): the same id is also comments[${twin.index}]`);
    byId.set(record.id, { record, index });
  });
  const ordered: CommentRecord[] = [];
  const placed = new Set<string>();
  for (const start of comments) {
    // Walk up to the first ancestor already placed (or outside the file), then place downwards.
    const chain: { record: CommentRecord; index: number }[] = [];
    const onChain = new Set<string>();
    let current = byId.get(start.id);
    while (current && !placed.has(current.record.id)) {
      const { record, index } = current;
      if (onChain.has(record.id)) throw new CommentImportError(`comments[${index}] (id "${record.id}"): replies form a loop through parentId`);
      onChain.add(record.id);
      chain.push(current);
      const parentId = record.parentId;
      if (parentId === null) break;
      current = byId.get(parentId);
      if (!current && !known.has(parentId)) {
        throw new CommentImportError(`comments[${index}] (id "${record.id}"): parent "${parentId}" is neither in the file nor in the database`);
      }
    }
    for (const { record } of chain.reverse()) {
      ordered.push(record);
      placed.add(record.id);
    }
  }
  return ordered;
}

function commentRow(record: CommentRecord): Comment {
  return {
    ...record,
    bodyHash: record.deleted ? null : bodyHashOf(record.bodySource),
    createdAt: new Date(record.createdAt),
    editedAt: record.editedAt === null ? null : new Date(record.editedAt),
  };
}

/** Writes the file into the database (upserting by id), all or nothing. */
export async function importComments(db: Db, data: CommentExport): Promise<ImportSummary> {
  const inFile = new Set(data.comments.map((record) => record.id));
  const outside = new Set<string>();
  for (const record of data.comments) if (record.parentId !== null && !inFile.has(record.parentId)) outside.add(record.parentId);
  for (const flag of data.flags) if (!inFile.has(flag.commentId)) outside.add(flag.commentId);
  const existing = outside.size === 0 ? [] : await db.comment.findMany({ where: { id: { in: [...outside] } }, select: { id: true } });
  const known = new Set(existing.map((row) => row.id));
  const ordered = orderParentsFirst(data.comments, known);
  const seenFlags = new Set<string>();
  data.flags.forEach((flag, index) => {
    const name = `flags[${index}] (comment "${flag.commentId}")`;
    if (!inFile.has(flag.commentId) && !known.has(flag.commentId)) throw new CommentImportError(`${name}: the comment is neither in the file nor in the database`);
    const key = JSON.stringify([flag.commentId, flag.reporterHash]);
    if (seenFlags.has(key)) throw new CommentImportError(`${name}: the same reporter flags this comment twice`);
    seenFlags.add(key);
  });

  await db.$transaction(
    async (tx) => {
      for (const record of ordered) {
        const row = commentRow(record);
        // A body already on the post under another id (an export often has two "Thanks!"): this
        // copy is kept without a hash, as duplicates stored before the unique index are.
        if (row.bodyHash !== null && (await tx.comment.findFirst({ where: { postSlug: row.postSlug, bodyHash: row.bodyHash, id: { not: row.id } }, select: { id: true } }))) {
          row.bodyHash = null;
        }
        await tx.comment.upsert({ where: { id: row.id }, create: row, update: row });
      }
      for (const flag of data.flags) {
        const createdAt = new Date(flag.createdAt);
        await tx.commentFlag.upsert({
          where: { commentId_reporterHash: { commentId: flag.commentId, reporterHash: flag.reporterHash } },
          create: { commentId: flag.commentId, reporterHash: flag.reporterHash, createdAt },
          update: { createdAt },
        });
      }
    },
    // A one-off command over possibly thousands of rows: Prisma's 5 s default is for requests.
    { maxWait: 30_000, timeout: 10 * 60_000 },
  );
  return { comments: ordered.length, flags: data.flags.length };
}
