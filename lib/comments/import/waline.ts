/**
 * Waline's and Valine's exports.
 *
 * Waline (admin > export): `{"type":"waline","version":1,"time":…,"tables":[…],"data":{"Comment":
 * […],"Counter":[…],"Users":[…]}}`, sometimes inside the API's `{"errno":0,"data":…}`. A comment has
 * `objectId`, `nick`, `mail`, `link`, `comment` (the markdown the reader wrote; Waline renders it
 * when serving), `url` (the page's path), `status` (`approved`, `waiting` or `spam`), `pid` (the
 * comment replied to), `rid` (the thread's first comment), `insertedAt`, and `user_id` for a
 * signed-in reader, whose name, mail and site are in `Users` (`display_name`, `email`, `url`).
 * Dates are ISO strings, LeanCloud's `{"__type":"Date","iso":…}`, or MySQL's `YYYY-MM-DD HH:mm:ss`.
 *
 * Valine stored its comments in LeanCloud's `Comment` class, exported as a JSON array, as
 * `{"results":[…]}` or as JSON lines: the same fields without `status`, and `comment` holding the
 * HTML Valine rendered in the browser before saving.
 */
import { z } from 'zod';
import { ForeignExportError, textOf, websiteOf, type ForeignComment, type ForeignExport, type ForeignState } from './foreign';
import { htmlToMarkdown } from './html-to-markdown';

const id = z.union([z.string(), z.number()]).transform(String);
const looseText = z.unknown().optional().transform(textOf);

const commentSchema = z
  .object({
    objectId: id,
    nick: looseText,
    mail: looseText,
    link: looseText,
    comment: looseText,
    url: looseText,
    status: looseText,
    pid: z.union([z.string(), z.number()]).nullish(),
    user_id: z.union([z.string(), z.number()]).nullish(),
    isSpam: z.unknown().optional(),
    insertedAt: z.unknown().optional(),
    createdAt: z.unknown().optional(),
  })
  .loose();
type RawComment = z.infer<typeof commentSchema>;

const userSchema = z.object({ objectId: id, display_name: looseText, email: looseText, url: looseText }).loose();

export function dateOf(value: unknown): Date | null {
  const iso = z.object({ iso: z.string() }).safeParse(value);
  const raw = iso.success ? iso.data.iso : typeof value === 'string' || typeof value === 'number' ? value : null;
  if (raw === null) return null;
  // MySQL's `2020-01-02 03:04:05` carries no zone: taken as UTC.
  const text = typeof raw === 'string' && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?$/.test(raw) ? `${raw.replace(' ', 'T')}Z` : raw;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}

const WALINE_STATES: Record<string, ForeignState> = { approved: 'published', waiting: 'pending', spam: 'spam' };

function foreignComment(raw: RawComment, index: number, system: 'waline' | 'valine', user?: z.infer<typeof userSchema>): ForeignComment {
  const name = `Comment ${index + 1} (objectId "${raw.objectId}")`;
  const createdAt = dateOf(raw.insertedAt) ?? dateOf(raw.createdAt);
  if (!createdAt) throw new ForeignExportError(`${name} has no valid insertedAt or createdAt`);
  const parent = raw.pid == null || String(raw.pid) === '' ? null : String(raw.pid);
  const spam = raw.isSpam === true || raw.isSpam === 'true';
  const state: ForeignState = spam ? 'spam' : system === 'waline' ? (WALINE_STATES[raw.status] ?? 'published') : 'published';
  return {
    sourceId: raw.objectId,
    thread: { urls: raw.url === '' ? [] : [raw.url], title: null },
    parentSourceId: parent,
    authorName: user?.display_name || raw.nick,
    email: user?.email || raw.mail || null,
    website: websiteOf(user?.url || raw.link),
    bodyMarkdown: system === 'waline' ? raw.comment : htmlToMarkdown(raw.comment),
    createdAt,
    state,
  };
}

function parseComments(entries: unknown[], system: 'waline' | 'valine', users: Map<string, z.infer<typeof userSchema>>): ForeignComment[] {
  return entries.map((entry, index) => {
    const parsed = commentSchema.safeParse(entry);
    if (!parsed.success) throw new ForeignExportError(`Comment ${index + 1} has no objectId`);
    const userId = parsed.data.user_id == null ? undefined : String(parsed.data.user_id);
    return foreignComment(parsed.data, index, system, userId === undefined ? undefined : users.get(userId));
  });
}

const walineSchema = z.object({ type: z.literal('waline'), data: z.object({ Comment: z.array(z.unknown()), Users: z.array(z.unknown()).default([]) }).loose() }).loose();

/** The Waline export inside `data`, whether or not the API's envelope is around it. */
function walineOf(raw: unknown) {
  const direct = walineSchema.safeParse(raw);
  if (direct.success) return direct.data;
  const wrapped = z.object({ data: walineSchema }).safeParse(raw);
  return wrapped.success ? wrapped.data.data : null;
}

/** LeanCloud's `Comment` class: a JSON array, `{"results": […]}`, or one JSON object per line. */
function valineEntries(source: string, raw: unknown): unknown[] | null {
  if (Array.isArray(raw)) return raw;
  const results = z.object({ results: z.array(z.unknown()) }).safeParse(raw);
  if (results.success) return results.data.results;
  if (raw !== undefined) return null;
  const lines = source.split('\n').filter((line) => line.trim() !== '');
  try {
    return lines.map((line) => JSON.parse(line) as unknown);
  } catch {
    return null;
  }
}

const isValineComment = (entry: unknown) => z.object({ objectId: id, comment: z.string(), url: z.string() }).safeParse(entry).success;

/** Reads a Waline or a Valine export, or returns null when the text is neither. */
export function parseWalineOrValine(source: string): ForeignExport | null {
  let raw: unknown;
  try {
    raw = JSON.parse(source);
  } catch {
    raw = undefined;
  }
  const waline = walineOf(raw);
  if (waline) {
    const users = new Map(waline.data.Users.flatMap((entry) => {
      const user = userSchema.safeParse(entry);
      return user.success ? [[user.data.objectId, user.data] as const] : [];
    }));
    return { system: 'waline', comments: parseComments(waline.data.Comment, 'waline', users) };
  }
  const entries = valineEntries(source, raw);
  if (entries && entries.length > 0 && entries.every(isValineComment)) return { system: 'valine', comments: parseComments(entries, 'valine', new Map()) };
  return null;
}
