/**
 * What a client may send: a W3C Web Annotation (new, or the whole of one to replace it) or a
 * partial one to edit it. Parsing normalises the many shapes the data model allows (a body or a
 * list of bodies, tags as `tagging` bodies or a `tags` list) into one plain draft; targets are
 * read by target-schema.ts. Every issue's message is the stable error code the client shows
 * translated. Lengths count Unicode code points, so a Chinese note gets as many characters as an
 * English one. Pure and client-safe: the notes UI can check a draft before sending it.
 */
import { z } from 'zod';
import type { ErrorCode } from '../../http/errors';
import { codePoints, storableText } from '../../ugc/text';
import { targetSchema, type TargetInput } from './target-schema';
import type { NoteLang, Visibility } from '../types';
import { ANNO_CONTEXT } from './types';
import { CONTROL_CHARACTER, coded } from './validation';

export const BODY_MAX = 2000;
export const TAGS_MAX = 10;
export const TAG_MAX = 40;

const languageSchema = z
  .string()
  .regex(/^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i)
  .transform((tag, context): NoteLang => {
    const primary = tag.split('-')[0]?.toLowerCase();
    if (primary === 'zh' || primary === 'en') return primary;
    context.addIssue({ code: 'custom', message: 'annotation.invalid', input: tag });
    return z.NEVER;
  });

const noteTextSchema = z
  .string()
  .transform((text) => storableText(text).replace(/\r\n?/g, '\n'))
  .refine((text) => text.trim() !== '', 'annotation.bodyRequired')
  .refine((text) => codePoints(text) <= BODY_MAX, 'annotation.tooLong');

/** The note is markdown; plain text is markdown too. Our own HTML rendering is ignored on the way back. */
const NOTE_FORMATS = ['text/markdown', 'text/plain'];

const textualBodySchema = z.object({
  type: z.literal('TextualBody'),
  value: z.string(),
  format: z.string().optional(),
  language: languageSchema.optional(),
  purpose: z.enum(['commenting', 'replying', 'tagging', 'describing']).optional(),
});

const choiceSchema = z.object({ type: z.literal('Choice'), items: z.array(textualBodySchema).min(1).max(4) });

const bodyItemSchema = z.discriminatedUnion('type', [textualBodySchema, choiceSchema]);

const tagSchema = z
  .string()
  .transform((tag) => tag.toWellFormed().normalize('NFC').trim())
  .refine((tag) => tag !== '' && codePoints(tag) <= TAG_MAX && !CONTROL_CHARACTER.test(tag), 'annotation.tagsInvalid');

/** Trimmed, without duplicates (ignoring case; the first spelling stays), at most TAGS_MAX. */
const tagListSchema = z
  .array(tagSchema)
  .max(TAGS_MAX * 4, 'annotation.tagsInvalid')
  .transform((tags) => tags.filter((tag, index) => tags.findIndex((other) => other.toLowerCase() === tag.toLowerCase()) === index))
  .refine((tags) => tags.length <= TAGS_MAX, 'annotation.tagsInvalid');

export type NoteInput = { text: string; lang: NoteLang | null };
export type BodyInput = { note: NoteInput | null; tags: string[] };

/** One body or a list of them: at most one note (a TextualBody, or a Choice holding one), any tags. */
const bodiesSchema = z
  .union([bodyItemSchema.transform((body) => [body]), z.array(bodyItemSchema).max(TAGS_MAX * 4 + 1)])
  .transform((bodies, context): BodyInput => {
    const fail = (message: ErrorCode) => (context.addIssue({ code: 'custom', message, input: bodies }), z.NEVER);
    const tagging = bodies.flatMap((body) => (body.type === 'TextualBody' && body.purpose === 'tagging' ? [body.value] : []));
    const notes = bodies.flatMap((body) => {
      if (body.type === 'TextualBody') return body.purpose === 'tagging' ? [] : [body];
      return body.items.filter((item) => item.format === undefined || NOTE_FORMATS.includes(item.format)).slice(0, 1);
    });
    if (notes.length > 1) return fail('annotation.invalid');
    const [note] = notes;
    if (note && note.format !== undefined && !NOTE_FORMATS.includes(note.format)) return fail('annotation.invalid');
    const text = note ? noteTextSchema.safeParse(note.value) : null;
    if (text && !text.success) return fail(text.error.issues[0]?.message === 'annotation.tooLong' ? 'annotation.tooLong' : 'annotation.bodyRequired');
    const tags = tagListSchema.safeParse(tagging);
    if (!tags.success) return fail('annotation.tagsInvalid');
    return { note: note && text?.success ? { text: text.data, lang: note.language ?? null } : null, tags: tags.data };
  });

const contextSchema = z.union([
  z.string().refine(isAnnoContext),
  z.array(z.unknown()).refine((contexts) => contexts.some((context) => typeof context === 'string' && isAnnoContext(context))),
]);

function isAnnoContext(value: string): boolean {
  return value.replace(/^https:/, 'http:') === ANNO_CONTEXT;
}

const motivationSchema = z.enum(['commenting', 'replying']);
export const visibilitySchema = z.enum(['public', 'private']) satisfies z.ZodType<Visibility>;

/** An absolute IRI a client gave (`canonical`, `via`), kept as it was sent. */
const keptIriSchema = z
  .string()
  .max(2000, 'annotation.invalid')
  .refine((iri) => !CONTROL_CHARACTER.test(iri) && URL.canParse(iri), 'annotation.invalid');

/**
 * What a new note keeps as `via`: the `via` its client sent, else the client's own `id` for it
 * (the server gives every new note an IRI of its own, as the protocol asks).
 */
export const viaOf = (draft: Pick<NewNote, 'iri' | 'via'>): string | null =>
  draft.via ?? (draft.iri !== null && keptIriSchema.safeParse(draft.iri).success ? draft.iri : null);

/** Properties every form shares; `@context` may be left out by plain-JSON clients. */
const common = {
  '@context': contextSchema.optional(),
  id: z.string().max(2000).optional(),
  canonical: keptIriSchema.optional(),
  via: keptIriSchema.optional(),
  type: z.literal('Annotation').optional(),
  motivation: motivationSchema.optional(),
  visibility: visibilitySchema.optional(),
  tags: coded(tagListSchema, 'annotation.tagsInvalid').optional(),
};

export type NewNote = {
  /** The `id` the client sent, if any: ids are the server's, so it must name the note being edited. */
  iri: string | null;
  /** The `via` the client sent (a new note also keeps its client's `id` there: see `viaOf`). */
  via: string | null;
  canonical: string | null;
  motivation: 'commenting' | 'replying' | null;
  target: TargetInput;
  note: NoteInput;
  /** Null when the client named no tags at all (neither `tagging` bodies nor `tags`). */
  tags: string[] | null;
  visibility: Visibility | null;
};

function mergeTags(fromBodies: string[], fromList: string[] | undefined, context: z.RefinementCtx): string[] | null {
  if (fromList === undefined && fromBodies.length === 0) return null;
  const merged = tagListSchema.safeParse([...fromBodies, ...(fromList ?? [])]);
  if (merged.success) return merged.data;
  context.addIssue({ code: 'custom', message: 'annotation.tagsInvalid', input: fromList });
  return z.NEVER;
}

/** A whole annotation: what POST creates and PUT replaces a note with. */
export const annotationSchema = z
  .object({
    ...common,
    body: coded(bodiesSchema, 'annotation.invalid').optional(),
    target: coded(targetSchema, 'annotation.invalid'),
  })
  .transform((input, context): NewNote => {
    const note = input.body?.note;
    if (!note) {
      context.addIssue({ code: 'custom', message: 'annotation.bodyRequired', path: ['body'], input: input.body });
      return z.NEVER;
    }
    const tags = mergeTags(input.body?.tags ?? [], input.tags, context);
    return {
      iri: input.id ?? null,
      via: input.via ?? null,
      canonical: input.canonical ?? null,
      motivation: input.motivation ?? null,
      target: input.target,
      note,
      tags,
      visibility: input.visibility ?? null,
    };
  });

export type NoteEdit = {
  iri: string | null;
  /** Set once: a note that has a `canonical` or a `via` keeps it (a different one is refused). */
  canonical: string | null;
  via: string | null;
  motivation: 'commenting' | 'replying' | null;
  /** When given, must name what the note already targets. */
  target: TargetInput | null;
  note: NoteInput | null;
  tags: string[] | null;
  visibility: Visibility | null;
  /** The admin's moderation decision. */
  status: 'published' | 'spam' | null;
};

/**
 * A partial annotation for PATCH: a new note text (a body), new tags (`tagging` bodies or a
 * `tags` list; `[]` clears them), a visibility, and for the admin a status. Whatever else a client
 * sends back of the annotation it read (`created`, `creator`, ...) is ignored.
 */
export const annotationPatchSchema = z
  .object({
    ...common,
    body: coded(bodiesSchema, 'annotation.invalid').optional(),
    target: coded(targetSchema, 'annotation.invalid').optional(),
    status: z.enum(['published', 'spam']).optional(),
  })
  .transform((input, context): NoteEdit => {
    if (input.body && !input.body.note) {
      context.addIssue({ code: 'custom', message: 'annotation.bodyRequired', path: ['body'], input: input.body });
      return z.NEVER;
    }
    return {
      iri: input.id ?? null,
      canonical: input.canonical ?? null,
      via: input.via ?? null,
      motivation: input.motivation ?? null,
      target: input.target ?? null,
      note: input.body?.note ?? null,
      tags: mergeTags(input.body?.tags ?? [], input.tags, context),
      visibility: input.visibility ?? null,
      status: input.status ?? null,
    };
  });
