/**
 * What the app must make of each payload in each field, from its documented cleaning
 * (lib/ugc/text.ts, lib/comments/schema.ts, lib/notes/w3c/schema.ts, lib/comments/import): the
 * text it stores, or the stable error code it refuses the field with. The hostile-input suite
 * compares what the server stored and answered against this.
 */
import { normalWebsite, cleanName, codePoints, storableText } from '../../lib/ugc/text';
import { websiteOf } from '../../lib/comments/import/foreign';
import { CONTROL_CHARACTER } from '../../lib/notes/w3c/validation';
import { AUTHOR_MAX, BODY_MAX } from '../../lib/comments/limits';
import { BODY_MAX as NOTE_BODY_MAX, TAG_MAX } from '../../lib/notes/w3c/schema';

export type CommentField = 'comment.name' | 'comment.website' | 'comment.body' | 'reply.name' | 'reply.body';
export type NoteField = 'note.body' | 'note.tags';
export type ImportField = 'import.name' | 'import.website' | 'import.body';
export type Field = CommentField | NoteField | ImportField;
export const FIELDS: readonly Field[] = ['comment.name', 'comment.website', 'comment.body', 'reply.name', 'reply.body', 'note.body', 'note.tags', 'import.name', 'import.website', 'import.body'];

/** Stored as `value` (null: nothing stored, as for an empty website), or refused with `code`. */
export type Expected = { stored: string | null } | { refused: string };

const stored = (value: string | null): Expected => ({ stored: value });
const refused = (code: string): Expected => ({ refused: code });

/** A reader's markdown as comments and notes store it. */
const storedMarkdown = (text: string) => storableText(text).replace(/\r\n?/g, '\n');

export function expectedName(text: string): Expected {
  const name = cleanName(text);
  if (name === '') return refused('comment.authorRequired');
  return codePoints(name) > AUTHOR_MAX ? refused('comment.authorTooLong') : stored(name);
}

export function expectedCommentBody(text: string): Expected {
  const body = storedMarkdown(text);
  if (body.trim() === '') return refused('comment.bodyRequired');
  return codePoints(body) > BODY_MAX ? refused('comment.tooLong') : stored(body);
}

/** An empty website is no website; anything else is the URL parser's form or refused. */
export function expectedWebsite(text: string): Expected {
  const trimmed = text.trim();
  if (trimmed === '') return stored(null);
  const website = normalWebsite(trimmed);
  return website === null ? refused('comment.websiteInvalid') : stored(website);
}

export function expectedNoteBody(text: string): Expected {
  const body = storedMarkdown(text);
  if (body.trim() === '') return refused('annotation.bodyRequired');
  return codePoints(body) > NOTE_BODY_MAX ? refused('annotation.tooLong') : stored(body);
}

export function expectedTag(text: string): Expected {
  const tag = text.toWellFormed().normalize('NFC').trim();
  return tag === '' || codePoints(tag) > TAG_MAX || CONTROL_CHARACTER.test(tag) ? refused('annotation.tagsInvalid') : stored(tag);
}

/** Imports never refuse a field: a name with nothing visible becomes "Anonymous", a bad website is dropped. */
export const expectedImportName = (text: string) => cleanName(text.trim()) || 'Anonymous';
export const expectedImportWebsite = (text: string) => websiteOf(text.trim());
export const expectedImportBody = (text: string) => storableText(text.trim());

/** Which field a refusal code belongs to, for the writes that put a payload in several fields at once. */
export const COMMENT_CODE_FIELD: Record<string, 'name' | 'body' | 'website'> = {
  'comment.authorRequired': 'name',
  'comment.authorTooLong': 'name',
  'comment.bodyRequired': 'body',
  'comment.tooLong': 'body',
  'comment.duplicate': 'body',
  'comment.websiteInvalid': 'website',
};
export const NOTE_CODE_FIELD: Record<string, 'body' | 'tags'> = {
  'annotation.bodyRequired': 'body',
  'annotation.tooLong': 'body',
  'annotation.tagsInvalid': 'tags',
};
