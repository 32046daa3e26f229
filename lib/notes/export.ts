/**
 * A post's notes, or every post's, as one W3C AnnotationCollection in JSON-LD (`npm run
 * notes:export`): its first page embedded with every note in the order they were written,
 * replies and placeholders of deleted notes with replies included, so another W3C server (or
 * `notes:import`) can read them whole. Private notes only when asked for; notes marked as spam
 * never. Authors stay pseudonymous, as the API shows them.
 */
import 'server-only';
import type { Db } from '../db/client';
import { ANNO_CONTEXT, type AnnotationDto } from './w3c/types';
import { collectionIri } from './w3c/iri';
import { toAnnotationDto } from './w3c/dto';

export type NotesExport = {
  '@context': typeof ANNO_CONTEXT;
  id?: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { type: 'AnnotationPage'; startIndex: 0; items: AnnotationDto[] };
};

export type ExportOptions = {
  /** One post's notes; every post's when null. */
  slug: string | null;
  includePrivate: boolean;
  label: string;
  siteUrl: string;
  secret: string;
};

export async function exportNotes(db: Db, { slug, includePrivate, label, siteUrl, secret }: ExportOptions): Promise<NotesExport> {
  const rows = await db.note.findMany({
    where: { status: 'published', ...(slug === null ? {} : { postSlug: slug }), ...(includePrivate ? {} : { visibility: 'public' }) },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  const viewer = { readerId: null, isAdmin: false };
  const items = rows.map((row) => toAnnotationDto(row, { siteUrl, secret, viewer }));
  return {
    '@context': ANNO_CONTEXT,
    ...(slug === null ? {} : { id: collectionIri(siteUrl, slug) }),
    type: 'AnnotationCollection',
    label,
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}
