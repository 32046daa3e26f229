/**
 * A reader's note as the rest of the app speaks of it: who may see it, which text it is on, the
 * language it is written in, and who is asking. What the API sends and takes is the W3C Web
 * Annotation form of a note (lib/notes/w3c/); the database keeps notes in the `Annotation` table
 * for the same reason. Pure.
 */

export type Visibility = 'public' | 'private';
/** Which text a note is on: the post's Chinese (`zh`) or its English gloss (`en`). */
export type NoteLayer = 'zh' | 'en';
export type NoteLang = 'zh' | 'en';

export type NoteViewer = {
  /** The reader's anonymous id, from their signed cookie; null before their first note. */
  readerId: string | null;
  isAdmin: boolean;
};
