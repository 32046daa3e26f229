/**
 * Reading the hostile-input payloads back through the API and comparing with the oracle: a field
 * refused must have been refused with the code the oracle names; a field stored must read back as
 * exactly the text the app's documented cleaning gives (the comment's author reads its markdown
 * back with the authorship cookie; a note's markdown is in its annotation).
 */
import { z } from 'zod';
import { countLinks } from '../../lib/comments/schema';
import { Reader } from './http-client';
import { expectedCommentBody, expectedName, expectedNoteBody, expectedTag, expectedWebsite, type Expected, type Field } from './hostile-input-oracle';
import { replyBody, THREAD_PATH, type FieldAnswer, type WrittenPayload } from './hostile-input-writes';

const apiComment = z.looseObject({ id: z.string(), author: z.string(), website: z.string().nullable(), bodySource: z.string().optional(), pending: z.literal(true).optional() });
const threadPage = z.looseObject({ comments: z.array(apiComment) });
const textualBody = z.looseObject({ type: z.literal('TextualBody'), value: z.string(), format: z.string().optional(), purpose: z.string().optional() });
const noteDocument = z.looseObject({
  body: z.array(z.union([z.looseObject({ type: z.literal('Choice'), items: z.array(textualBody) }), textualBody])),
});

export type ApiComment = z.infer<typeof apiComment>;

/** The oracle of every field for one payload. */
export function expectationsFor(written: WrittenPayload): Record<Exclude<Field, `import.${string}`>, Expected> {
  const text = written.payload.text;
  return {
    'comment.name': expectedName(text),
    'comment.website': expectedWebsite(text),
    'comment.body': expectedCommentBody(text),
    'reply.name': expectedName(text),
    'reply.body': expectedCommentBody(replyBody(written.payload)),
    'note.body': expectedNoteBody(text),
    'note.tags': expectedTag(text),
  };
}

/**
 * Whether the answer is what the oracle expects. `duplicates` holds the bodies several payloads
 * clean to (a lone high and a lone low surrogate both become U+FFFD): one of them is stored, the
 * others are refused as duplicates.
 */
function answerMatches(expected: Expected, answer: FieldAnswer | undefined, duplicates: ReadonlySet<string>): boolean {
  if (answer === undefined) return false;
  if ('refused' in expected) return answer.kind === 'refused' && answer.code === expected.refused && answer.status < 500;
  if (answer.kind === 'stored') return true;
  return answer.code === 'comment.duplicate' && expected.stored !== null && duplicates.has(expected.stored);
}

/** The stored value a field should read back as: the cleaned payload, or the plain stand-in sent after a refusal. */
const storedOr = (expected: Expected, answer: FieldAnswer | undefined, standIn: string | null) =>
  'stored' in expected && answer?.kind === 'stored' ? expected.stored : standIn;

export async function checkReadBack(baseUrl: string, written: WrittenPayload, duplicates: ReadonlySet<string>, problems: string[]): Promise<void> {
  const { payload, answers, plain } = written;
  const expected = expectationsFor(written);
  const say = (what: string) => void problems.push(`payload ${payload.id} ${JSON.stringify(payload.text.slice(0, 60))}: ${what}`);
  for (const [field, wanted] of Object.entries(expected) as Array<[keyof typeof expected, Expected]>) {
    if (!answerMatches(wanted, answers[field], duplicates)) say(`${field} expected ${JSON.stringify(wanted).slice(0, 120)}, answered ${JSON.stringify(answers[field])}`);
  }

  if (written.rootId !== null) {
    const response = await written.author.get(`${THREAD_PATH}?comment=${written.rootId}`);
    const comments = new Map(threadPage.parse(response.json).comments.map((comment) => [comment.id, comment]));
    const compare = (id: string | null, name: string, want: { author: string | null; website: string | null; body: string | null }) => {
      const got = id === null ? undefined : comments.get(id);
      if (!got) {
        say(`${name} ${id} not in the thread its author reads`);
        return;
      }
      if (got.author !== want.author) say(`${name} author read back ${JSON.stringify(got.author)}, expected ${JSON.stringify(want.author)}`);
      if (got.website !== want.website) say(`${name} website read back ${JSON.stringify(got.website)}, expected ${JSON.stringify(want.website)}`);
      const pending = countLinks(want.body ?? '') > 3;
      if ((got.pending === true) !== pending) say(`${name} ${pending ? 'not ' : ''}held for the moderator, with ${countLinks(want.body ?? '')} links`);
      if (got.bodySource !== want.body) say(`${name} body read back ${JSON.stringify(got.bodySource?.slice(0, 80))}, expected ${JSON.stringify(want.body?.slice(0, 80))}`);
    };
    compare(written.rootId, 'comment', {
      author: storedOr(expected['comment.name'], answers['comment.name'], plain.rootName),
      website: storedOr(expected['comment.website'], answers['comment.website'], null),
      body: storedOr(expected['comment.body'], answers['comment.body'], plain.rootBody),
    });
    compare(written.replyId, 'reply', {
      author: storedOr(expected['reply.name'], answers['reply.name'], plain.replyName),
      website: null,
      body: storedOr(expected['reply.body'], answers['reply.body'], plain.replyBody),
    });
  }

  if (written.noteId !== null) {
    const response = await new Reader(baseUrl).get(written.noteId);
    if (response.status !== 200) {
      say(`note ${written.noteId} answered ${response.status}`);
      return;
    }
    const bodies = noteDocument.parse(response.json).body;
    const markdown = bodies.flatMap((body) => (body.type === 'Choice' ? body.items : [])).find((item) => item.format === 'text/markdown')?.value;
    const tags = bodies.flatMap((body) => (body.type === 'TextualBody' && body.purpose === 'tagging' ? [body.value] : []));
    const wantBody = storedOr(expected['note.body'], answers['note.body'], plain.noteBody);
    const wantTag = storedOr(expected['note.tags'], answers['note.tags'], plain.tag);
    if (markdown !== wantBody) say(`note body read back ${JSON.stringify(markdown?.slice(0, 80))}, expected ${JSON.stringify(wantBody?.slice(0, 80))}`);
    if (JSON.stringify(tags) !== JSON.stringify(wantTag === null ? [] : [wantTag])) say(`note tags read back ${JSON.stringify(tags)}, expected ${JSON.stringify(wantTag)}`);
  }
}

/** Cleaned bodies more than one payload gives, per field: where a duplicate refusal is right. */
export function sharedBodies(written: readonly WrittenPayload[]): Set<string> {
  const seen = new Map<string, number>();
  for (const each of written) {
    const expected = expectationsFor(each);
    for (const field of ['comment.body', 'reply.body'] as const) {
      const wanted = expected[field];
      if ('stored' in wanted && wanted.stored !== null) seen.set(wanted.stored, (seen.get(wanted.stored) ?? 0) + 1);
    }
  }
  return new Set([...seen].filter(([, count]) => count > 1).map(([body]) => body));
}
