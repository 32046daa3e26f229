/**
 * Writing the hostile-input payloads through the API as readers do: each payload as a comment's
 * name, website and body, as its reply's name and body, and as a public note's body and tag. One
 * request puts the payload in every field it can; when the API refuses one field (its error code
 * says which), that field is recorded as refused and the request is sent again with a plain value
 * there, so every field gets its own answer. Every refusal must be a 4xx with the API's JSON error.
 */
import { threadApiPath } from '../../lib/comments/paths';
import { z } from 'zod';
import { errorCodes } from '../../lib/http/errors';
import { Reader, type ApiResponse } from './http-client';
import { COMMENT_CODE_FIELD, NOTE_CODE_FIELD, type Field } from './hostile-input-oracle';
import type { Payload } from './hostile-input-payloads';
import { seedNote } from './seed-note';
import { OPEN_POST } from './server';

export const THREAD_PATH = threadApiPath(OPEN_POST);
const NOTES_PATH = `/api/posts/${OPEN_POST}/annotations`;

const errorAnswer = z.object({ error: z.object({ code: z.enum(errorCodes), message: z.string() }) });
const commentAnswer = z.object({ comment: z.looseObject({ id: z.string(), pending: z.literal(true).optional() }) });
const noteAnswer = z.looseObject({ id: z.string() });

/** What the server answered for one payload in one field. */
export type FieldAnswer = { kind: 'stored' } | { kind: 'refused'; code: string; status: number };

export type WrittenPayload = {
  payload: Payload;
  /** The writer, whose cookies prove authorship (and so may read the markdown back). */
  author: Reader;
  rootId: string | null;
  /** Held for the moderator (more than three links): not public, so not flagged. */
  rootPending: boolean;
  replyId: string | null;
  noteId: string | null;
  answers: Partial<Record<Field, FieldAnswer>>;
  /** What was sent where a field was refused, so the stored row can still be checked. */
  plain: { rootName: string; rootBody: string; replyName: string; replyBody: string; noteBody: string; tag: string };
};

/** A reply's body must differ from its root's: the same body twice on a post is a duplicate. */
export const replyBody = (payload: Payload) => `${payload.text}\n\n↩ ${payload.id}`;

type Attempt<K extends string> = { values: Record<K, string>; answers: Partial<Record<K, FieldAnswer>>; created: ApiResponse | null };

/**
 * Sends `values` until the write is stored, replacing each field the API refuses by its plain
 * value. An answer that is not a 201 or a 4xx JSON error naming a not-yet-refused field is a
 * problem (recorded, and the write given up).
 */
async function writeField<K extends string>(
  send: (values: Record<K, string>) => Promise<ApiResponse>,
  values: Record<K, string>,
  plain: Record<K, string>,
  fieldOf: (code: string) => K | undefined,
  problems: string[],
  what: string,
): Promise<Attempt<K>> {
  const current = { ...values };
  const answers: Partial<Record<K, FieldAnswer>> = {};
  for (let attempt = 0; attempt <= Object.keys(values).length; attempt += 1) {
    const response = await send(current);
    if (response.status === 201) {
      for (const key of Object.keys(values) as K[]) answers[key] ??= { kind: 'stored' };
      return { values: current, answers, created: response };
    }
    const error = errorAnswer.safeParse(response.json);
    const field = error.success ? fieldOf(error.data.error.code) : undefined;
    if (response.status < 400 || response.status >= 500 || !error.success || field === undefined || answers[field] !== undefined) {
      problems.push(`${what}: answered ${response.status} ${response.text.slice(0, 200)}`);
      return { values: current, answers, created: null };
    }
    answers[field] = { kind: 'refused', code: error.data.error.code, status: response.status };
    current[field] = plain[field];
  }
  problems.push(`${what}: never stored`);
  return { values: current, answers, created: null };
}

/** The payload in every field a reader writes through the API. */
export async function writePayload(baseUrl: string, payload: Payload, problems: string[]): Promise<WrittenPayload> {
  const author = new Reader(baseUrl);
  const plain = {
    rootName: `评论者 ${payload.id}`,
    rootBody: `探针评论 ${payload.id}`,
    replyName: `回复者 ${payload.id}`,
    replyBody: `探针回复 ${payload.id}`,
    noteBody: `探针批注 ${payload.id}`,
    tag: `标签${payload.id}`,
  };
  const written: WrittenPayload = { payload, author, rootId: null, rootPending: false, replyId: null, noteId: null, answers: {}, plain };

  const root = await writeField(
    (values) => author.post(THREAD_PATH, { author: values.name, body: values.body, website: values.website }),
    { name: payload.text, body: payload.text, website: payload.text },
    { name: plain.rootName, body: plain.rootBody, website: '' },
    (code) => COMMENT_CODE_FIELD[code],
    problems,
    `comment with payload ${payload.id}`,
  );
  written.answers['comment.name'] = root.answers.name;
  written.answers['comment.body'] = root.answers.body;
  written.answers['comment.website'] = root.answers.website;
  const created = root.created ? commentAnswer.parse(root.created.json).comment : null;
  written.rootId = created?.id ?? null;
  written.rootPending = created?.pending === true;

  if (written.rootId !== null) {
    const parentId = written.rootId;
    const reply = await writeField(
      (values) => author.post(THREAD_PATH, { author: values.name, body: values.body, parentId }),
      { name: payload.text, body: replyBody(payload) },
      { name: plain.replyName, body: plain.replyBody },
      (code) => {
        const field = COMMENT_CODE_FIELD[code];
        return field === 'website' ? undefined : field;
      },
      problems,
      `reply with payload ${payload.id}`,
    );
    written.answers['reply.name'] = reply.answers.name;
    written.answers['reply.body'] = reply.answers.body;
    written.replyId = reply.created ? commentAnswer.parse(reply.created.json).comment.id : null;
  }

  const note = await writeField(
    (values) => author.post(NOTES_PATH, { ...seedNote(values.body, 'public'), tags: [values.tags] }),
    { body: payload.text, tags: payload.text },
    { body: plain.noteBody, tags: plain.tag },
    (code) => NOTE_CODE_FIELD[code],
    problems,
    `note with payload ${payload.id}`,
  );
  written.answers['note.body'] = note.answers.body;
  written.answers['note.tags'] = note.answers.tags;
  written.noteId = note.created ? new URL(noteAnswer.parse(note.created.json).id).pathname : null;
  return written;
}

/** Runs `task` over `items`, at most `limit` at a time. */
export async function inPool<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
