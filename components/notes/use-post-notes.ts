/**
 * The notes of a post as the notes layer holds them: loaded once (from the reading view's first
 * answer when it has one), then kept in step with what the reader writes. Each write resolves to
 * the note the API stored, or a failure to show; nothing is shown as saved before the API says so.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiFailure } from '@/components/api/client';
import { deleteNote, fetchNotes, patchNote, postNote, type NoteResult } from './notes-api';
import { notePatch, type Note, type passageAnnotation, type replyAnnotation } from './notes-model';
import type { NoteDraft } from './note-form';

export type PostNotes = {
  notes: Note[];
  /** Whether the first load has answered. */
  loaded: boolean;
  loadFailed: boolean;
  create: (annotation: ReturnType<typeof passageAnnotation | typeof replyAnnotation>) => Promise<NoteResult>;
  edit: (note: Note, draft: NoteDraft) => Promise<NoteResult>;
  /** Deletes the note, calls `whenDeleted`, then reloads (a deleted note may stay as a placeholder). */
  remove: (note: Note, whenDeleted: () => void) => Promise<ApiFailure | null>;
};

export function usePostNotes(slug: string, initialPage: unknown): PostNotes {
  const [notes, setNotes] = useState<Note[]>([]);
  const [loadFailed, setLoadFailed] = useState(false);
  const [loaded, setLoaded] = useState(false);

  /** The reading view's first answer, used once instead of asking again. */
  const firstPage = useRef(initialPage);
  const reload = useCallback(async () => {
    const fetched = await fetchNotes(slug, firstPage.current);
    firstPage.current = undefined;
    if (Array.isArray(fetched)) {
      setNotes(fetched);
      setLoadFailed(false);
      setLoaded(true);
    } else setLoadFailed(true);
  }, [slug]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const create = useCallback(
    async (annotation: ReturnType<typeof passageAnnotation | typeof replyAnnotation>) => {
      const result = await postNote(slug, annotation);
      if (result.ok) setNotes((all) => [...all, result.note]);
      return result;
    },
    [slug],
  );

  const edit = useCallback(async (note: Note, draft: NoteDraft) => {
    const result = await patchNote(note, notePatch(draft));
    if (result.ok) setNotes((all) => all.map((each) => (each.iri === note.iri ? result.note : each)));
    return result;
  }, []);

  const remove = useCallback(
    async (note: Note, whenDeleted: () => void) => {
      const failure = await deleteNote(note);
      if (failure) return failure;
      whenDeleted();
      await reload();
      return null;
    },
    [reload],
  );

  return { notes, loaded, loadFailed, create, edit, remove };
}
