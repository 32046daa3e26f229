/**
 * A note as the API shows it outside `lib/notes`: a W3C Web Annotation (JSON-LD, the
 * `http://www.w3.org/ns/anno.jsonld` context) plus a few extension properties of ours. Never the
 * reader id, the address hash, or anything of another reader's private note. Pure.
 */
import type { Visibility } from '../types';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** The Linked Data Platform's context, which the container's description uses with ANNO_CONTEXT. */
export const LDP_CONTEXT = 'http://www.w3.org/ns/ldp.jsonld';
/** The media type of every answer, as the Web Annotation Protocol asks. */
export const ANNO_CONTENT_TYPE = `application/ld+json; profile="${ANNO_CONTEXT}"`;

export type TextQuoteSelector = { type: 'TextQuoteSelector'; exact: string; prefix?: string; suffix?: string };
export type TextPositionSelector = { type: 'TextPositionSelector'; start: number; end: number };
/** `[data-block="<id>"]` (the Chinese) or `#gloss-<id> > .gloss-text` (the English gloss). */
export type CssSelector = { type: 'CssSelector'; value: string; refinedBy: TextPositionSelector };
export type AnnotationSelector = TextQuoteSelector | CssSelector;

/** A passage of a post: the post's IRI and two selectors that each locate the passage. */
export type PassageTarget = { source: string; selector: AnnotationSelector[] };

export type TextualBody = { type: 'TextualBody'; value: string; format?: string; language?: string; purpose?: string };
/** The note in two formats: the sanitised HTML to show first, the markdown the reader wrote second. */
export type NoteBody = { type: 'Choice'; items: TextualBody[] };
export type TagBody = { type: 'TextualBody'; purpose: 'tagging'; value: string };

export type AnnotationDto = {
  /** The annotation's IRI, under its container: `${SITE_URL}/api/posts/{slug}/annotations/{id}`. */
  id: string;
  type: 'Annotation';
  /** The IRI its client had given it, when it came from elsewhere. */
  via?: string;
  /** The `canonical` IRI its client gave it, unchanged. */
  canonical?: string;
  /** `commenting` on a passage, `replying` to another note. */
  motivation: 'commenting' | 'replying';
  created: string;
  modified: string;
  /** A pseudonym of the anonymous reader, stable across their notes; absent on deleted ones. */
  creator?: { id: string; type: 'Person' };
  /** The note (first) and its tags; absent on a deleted note kept for its replies. */
  body?: Array<NoteBody | TagBody>;
  /** A passage of the post, or the IRI of the note replied to. */
  target: PassageTarget | string;
  visibility: Visibility;
  /** Only on the requesting reader's own notes. */
  mine?: true;
  /** Only on a deleted note kept as a placeholder because it has replies. */
  deleted?: true;
  /** Only shown to the admin, on a note marked as spam. */
  status?: 'spam';
};

export type AnnotationDocument = { '@context': typeof ANNO_CONTEXT } & AnnotationDto;

/** A page of the container: the annotations in full, or only their IRIs. */
export type AnnotationPage = {
  id: string;
  type: 'AnnotationPage';
  partOf: { id: string; type: 'AnnotationCollection'; total: number; first: string; last: string };
  startIndex: number;
  next?: string;
  prev?: string;
  items: AnnotationDto[] | string[];
};

export type AnnotationPageDocument = { '@context': typeof ANNO_CONTEXT } & AnnotationPage;

/**
 * A post's notes as the container describes itself: an LDP BasicContainer that is also an
 * AnnotationCollection, with its first page embedded, or only linked when the client asked for
 * the minimal container.
 */
export type AnnotationCollectionDocument = {
  '@context': [typeof ANNO_CONTEXT, typeof LDP_CONTEXT];
  id: string;
  type: ['BasicContainer', 'AnnotationCollection'];
  label: string;
  total: number;
  modified?: string;
  first: AnnotationPage | string;
  last: string;
};
