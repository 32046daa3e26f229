/**
 * The notes layer's view of the notes API: the W3C annotations it answers read into notes (a
 * passage's anchor, the note's HTML and markdown, tags, replies by parent), and the W3C
 * annotations the layer sends back. Client-safe.
 */
import type { Anchor } from '@/lib/notes/anchoring';
import { fromW3CSelectors, toW3CSelectors } from '@/lib/notes/w3c/selectors';
import { annotationHtml, annotationTags } from '@/lib/notes/w3c/dto-schema';
import type { Visibility } from '@/lib/notes/types';
import { ANNO_CONTEXT, type AnnotationDto } from '@/lib/notes/w3c/types';

export type Note = {
  /** The note's IRI, which the API also answers at. */
  iri: string;
  /** The API path of the note (same origin as the page). */
  path: string;
  parentIri: string | null;
  /** Where the note is, for a note on a passage; null for a reply. */
  anchor: Anchor | null;
  html: string;
  source: string;
  tags: string[];
  visibility: Visibility;
  mine: boolean;
  deleted: boolean;
  created: string;
};

function markdownSource(annotation: AnnotationDto): string {
  for (const body of annotation.body ?? []) {
    if (body.type === 'Choice') return body.items.find((item) => item.format === 'text/markdown')?.value ?? '';
  }
  return '';
}

export function toNote(annotation: AnnotationDto): Note {
  const target = annotation.target;
  return {
    iri: annotation.id,
    path: new URL(annotation.id).pathname,
    parentIri: typeof target === 'string' ? target : null,
    anchor: typeof target === 'string' ? null : fromW3CSelectors(target.selector),
    html: annotationHtml(annotation) ?? '',
    source: markdownSource(annotation),
    tags: annotationTags(annotation),
    visibility: annotation.visibility,
    mine: annotation.mine === true,
    deleted: annotation.deleted === true,
    created: annotation.created,
  };
}

/** The id of a note's element in the panel, from its IRI. */
export const noteElementId = (iri: string) => `note-${iri.split('/').pop() ?? ''}`;

/** Tags as a reader types them: comma-separated (Latin or Chinese commas), trimmed, no repeats. */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(/[,，、]/).map((tag) => tag.trim()).filter(Boolean))];
}

const noteBodies = (text: string, tags: readonly string[]) => [
  { type: 'TextualBody', value: text, format: 'text/markdown' },
  ...tags.map((value) => ({ type: 'TextualBody', purpose: 'tagging', value })),
];

/** A new note on a passage, as the W3C annotation the API takes. */
export function passageAnnotation(postIri: string, anchor: Anchor, note: { text: string; visibility: Visibility; tags: readonly string[] }) {
  return {
    '@context': ANNO_CONTEXT,
    type: 'Annotation',
    motivation: 'commenting',
    body: noteBodies(note.text, note.tags),
    target: { source: postIri, selector: toW3CSelectors(anchor) },
    visibility: note.visibility,
  };
}

/** A reply to a note. */
export function replyAnnotation(parentIri: string, text: string) {
  return { '@context': ANNO_CONTEXT, type: 'Annotation', motivation: 'replying', body: noteBodies(text, []), target: parentIri };
}

/** A change to a note: its text, who sees it, its tags (the passage stays). */
export function notePatch(note: { text: string; visibility: Visibility; tags: readonly string[] }) {
  return { body: noteBodies(note.text, []), tags: [...note.tags], visibility: note.visibility };
}
