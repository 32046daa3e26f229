/**
 * The notes layer's calls to the notes API: every page of a post's notes, and writing (a new
 * note or reply, a change, a deletion), each note answered read into the layer's `Note`. The
 * paths come from lib/notes/paths.ts and the notes' own IRIs. Client-safe.
 */
import * as z from '@/lib/browser-zod';
import { callApi, type ApiFailure } from '@/components/api/client';
import { annotationDocumentSchema, annotationPageSchema } from '@/lib/notes/w3c/dto-schema';
import { notesApiPath, notesPageApiPath } from '@/lib/notes/paths';
import { toNote, type Note, type notePatch, type passageAnnotation, type replyAnnotation } from './notes-model';

/** A post has at most this many pages of notes: a guard against an answer that never ends. */
const MAX_PAGES = 1000;
const anything = z.unknown();

export type NoteResult = { ok: true; note: Note } | { ok: false; error: ApiFailure };

/** Every page of the post's notes; `first`, when given, is the answer for page 0 already in hand. */
export async function fetchNotes(slug: string, first: unknown): Promise<Note[] | ApiFailure> {
  const notes: Note[] = [];
  let page = 0;
  const known = first === undefined ? null : annotationPageSchema.safeParse(first);
  if (known?.success) {
    notes.push(...known.data.items.map(toNote));
    if (!known.data.next) return notes;
    page = 1;
  }
  for (; page < MAX_PAGES; page++) {
    const result = await callApi(notesPageApiPath(slug, page), annotationPageSchema);
    if (!result.ok) return result.error;
    notes.push(...result.data.items.map(toNote));
    if (!result.data.next) break;
  }
  return notes;
}

/** Adds a note on a passage, or a reply, to the post's notes. */
export async function postNote(slug: string, annotation: ReturnType<typeof passageAnnotation | typeof replyAnnotation>): Promise<NoteResult> {
  const result = await callApi(notesApiPath(slug), annotationDocumentSchema, { method: 'POST', json: annotation });
  return result.ok ? { ok: true, note: toNote(result.data) } : result;
}

export async function patchNote(note: Note, patch: ReturnType<typeof notePatch>): Promise<NoteResult> {
  const result = await callApi(note.path, annotationDocumentSchema, { method: 'PATCH', json: patch });
  return result.ok ? { ok: true, note: toNote(result.data) } : result;
}

/** null once the note is deleted. */
export async function deleteNote(note: Note): Promise<ApiFailure | null> {
  const result = await callApi(note.path, anything, { method: 'DELETE' });
  return result.ok ? null : result.error;
}
