/**
 * Rows to W3C Web Annotations: IRIs from SITE_URL, the note as a Choice of its sanitised HTML and
 * its markdown source, tags as `tagging` bodies, the passage as a TextQuoteSelector and a
 * CssSelector refined by a TextPositionSelector. The reader id and the address hash stay here:
 * the creator is a keyed hash of the reader id, the same on all their notes and useless to forge
 * a cookie with.
 */
import 'server-only';
import { createHmac } from 'node:crypto';
import { z } from 'zod';
import type { Note as NoteRow } from '../../db/generated/sqlite/client';
import { cssSelectorFor, isBlockId } from '../anchoring/css-selector';
import { noteIri, collectionIri, pageIri, postIri } from './iri';
import { isOwnNote, type NoteListing } from '../queries';
import type { NoteViewer } from '../types';
import {
  ANNO_CONTEXT,
  LDP_CONTEXT,
  type AnnotationCollectionDocument,
  type AnnotationDocument,
  type AnnotationPage,
  type AnnotationDto,
  type AnnotationPageDocument,
  type AnnotationSelector,
  type PassageTarget,
  type TagBody,
  type TextualBody,
} from './types';

export type DtoContext = { siteUrl: string; secret: string; viewer: NoteViewer };

const tagsSchema = z.array(z.string()).catch([]);

export function readTags(stored: string): string[] {
  try {
    return tagsSchema.parse(JSON.parse(stored));
  } catch {
    return [];
  }
}

export function creatorId(readerId: string, secret: string): string {
  return `urn:duizhao:reader:${createHmac('sha256', secret).update(`reader:${readerId}`).digest('base64url').slice(0, 16)}`;
}

function passageTarget(row: NoteRow, siteUrl: string): PassageTarget {
  const selector: AnnotationSelector[] = [];
  if (row.exact !== null) {
    selector.push({ type: 'TextQuoteSelector', exact: row.exact, ...(row.prefix ? { prefix: row.prefix } : {}), ...(row.suffix ? { suffix: row.suffix } : {}) });
  }
  if (row.blockId !== null && isBlockId(row.blockId) && row.start !== null && row.end !== null) {
    const value = cssSelectorFor(row.blockId, row.layer === 'en' ? 'en' : 'zh');
    selector.push({ type: 'CssSelector', value, refinedBy: { type: 'TextPositionSelector', start: row.start, end: row.end } });
  }
  return { source: postIri(siteUrl, row.postSlug), selector };
}

export function toAnnotationDto(row: NoteRow, { siteUrl, secret, viewer }: DtoContext): AnnotationDto {
  const head = {
    id: noteIri(siteUrl, row.postSlug, row.id),
    type: 'Annotation' as const,
    ...(row.via === null ? {} : { via: row.via }),
    ...(row.canonical === null ? {} : { canonical: row.canonical }),
    motivation: row.parentId === null ? ('commenting' as const) : ('replying' as const),
  };
  const tail = {
    target: row.parentId === null ? passageTarget(row, siteUrl) : noteIri(siteUrl, row.postSlug, row.parentId),
    visibility: row.visibility === 'private' ? ('private' as const) : ('public' as const),
  };
  const times = { created: row.createdAt.toISOString(), modified: row.updatedAt.toISOString() };
  if (row.deleted) return { ...head, ...times, ...tail, deleted: true };
  const language = row.lang === 'en' ? 'en' : 'zh';
  const note: TextualBody[] = [
    { type: 'TextualBody', value: row.bodyHtml, format: 'text/html', language },
    { type: 'TextualBody', value: row.bodySource, format: 'text/markdown', language },
  ];
  const tags = readTags(row.tags).map((value): TagBody => ({ type: 'TextualBody', purpose: 'tagging', value }));
  const mine = isOwnNote(row, viewer);
  return {
    ...head,
    creator: { id: creatorId(row.readerId, secret), type: 'Person' },
    ...times,
    body: [{ type: 'Choice', items: note }, ...tags],
    ...tail,
    ...(mine ? { mine: true as const } : {}),
    ...(row.status === 'spam' ? { status: 'spam' as const } : {}),
  };
}

/** One annotation on its own, with its JSON-LD context. */
export function toAnnotationDocument(row: NoteRow, context: DtoContext): AnnotationDocument {
  return { '@context': ANNO_CONTEXT, ...toAnnotationDto(row, context) };
}

export type PageWhere = { slug: string; page: number; pageSize: number; iris: boolean };

const lastPage = (total: number, pageSize: number) => Math.max(0, Math.ceil(total / pageSize) - 1);

/** A page of a post's annotation collection; pages are numbered from 0, the last may be empty only if all are. */
function annotationPage(listing: NoteListing, where: PageWhere, context: DtoContext): AnnotationPage {
  const { siteUrl } = context;
  const { slug, page, iris } = where;
  const last = lastPage(listing.total, where.pageSize);
  const items = listing.rows.map((row) => toAnnotationDto(row, context));
  return {
    id: pageIri(siteUrl, slug, page, iris),
    type: 'AnnotationPage',
    partOf: { id: collectionIri(siteUrl, slug, iris), type: 'AnnotationCollection', total: listing.total, first: pageIri(siteUrl, slug, 0, iris), last: pageIri(siteUrl, slug, last, iris) },
    startIndex: page * where.pageSize,
    ...(page < last ? { next: pageIri(siteUrl, slug, page + 1, iris) } : {}),
    ...(page > 0 ? { prev: pageIri(siteUrl, slug, Math.min(page - 1, last), iris) } : {}),
    items: iris ? items.map((item) => item.id) : items,
  };
}

export function toAnnotationPage(listing: NoteListing, where: PageWhere, context: DtoContext): AnnotationPageDocument {
  return { '@context': ANNO_CONTEXT, ...annotationPage(listing, where, context) };
}

export type CollectionWhere = PageWhere & { label: string; modified: Date | null; minimal: boolean };

/**
 * The container's description: its first page embedded (`listing` is page 0), or only linked
 * when the client asked for the minimal container; its IRI says whether its pages hold IRIs only.
 */
export function toAnnotationCollection(listing: NoteListing, where: CollectionWhere, context: DtoContext): AnnotationCollectionDocument {
  const { siteUrl } = context;
  const { slug, iris } = where;
  return {
    '@context': [ANNO_CONTEXT, LDP_CONTEXT],
    id: collectionIri(siteUrl, slug, iris),
    type: ['BasicContainer', 'AnnotationCollection'],
    label: where.label,
    total: listing.total,
    ...(where.modified ? { modified: where.modified.toISOString() } : {}),
    first: where.minimal ? pageIri(siteUrl, slug, 0, iris) : annotationPage(listing, { ...where, page: 0 }, context),
    last: pageIri(siteUrl, slug, lastPage(listing.total, where.pageSize), iris),
  };
}
