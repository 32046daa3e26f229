/**
 * The API's answers as a client parses them (zod): what the notes UI reads back from
 * `/api/posts/{slug}/annotations/?page=n` and `/api/posts/{slug}/annotations/{id}`, and the two things it needs most
 * from an annotation: the note's HTML and its tags. Pure and client-safe.
 */
import { z } from 'zod';
import { ANNO_CONTEXT, type AnnotationDto } from './types';

const textualBodySchema = z.object({
  type: z.literal('TextualBody'),
  value: z.string(),
  format: z.string().optional(),
  language: z.string().optional(),
  purpose: z.string().optional(),
});
const tagBodySchema = z.object({ type: z.literal('TextualBody'), purpose: z.literal('tagging'), value: z.string() });
const noteBodySchema = z.object({ type: z.literal('Choice'), items: z.array(textualBodySchema) });

const textQuoteSelectorSchema = z.object({ type: z.literal('TextQuoteSelector'), exact: z.string(), prefix: z.string().optional(), suffix: z.string().optional() });
const cssSelectorSchema = z.object({
  type: z.literal('CssSelector'),
  value: z.string(),
  refinedBy: z.object({ type: z.literal('TextPositionSelector'), start: z.number(), end: z.number() }),
});

export const annotationDtoSchema = z.strictObject({
  id: z.url(),
  type: z.literal('Annotation'),
  via: z.string().optional(),
  canonical: z.string().optional(),
  motivation: z.enum(['commenting', 'replying']),
  creator: z.strictObject({ id: z.string(), type: z.literal('Person') }).optional(),
  created: z.iso.datetime(),
  modified: z.iso.datetime(),
  body: z.array(z.union([noteBodySchema, tagBodySchema])).optional(),
  target: z.union([z.url(), z.strictObject({ source: z.url(), selector: z.array(z.discriminatedUnion('type', [textQuoteSelectorSchema, cssSelectorSchema])) })]),
  visibility: z.enum(['public', 'private']),
  mine: z.literal(true).optional(),
  deleted: z.literal(true).optional(),
  status: z.literal('spam').optional(),
}) satisfies z.ZodType<AnnotationDto>;

export const annotationDocumentSchema = annotationDtoSchema.extend({ '@context': z.literal(ANNO_CONTEXT) });

/** A page of whole annotations, as the notes UI reads them (the container's default pages). */
export const annotationPageSchema = z.strictObject({
  '@context': z.literal(ANNO_CONTEXT),
  id: z.url(),
  type: z.literal('AnnotationPage'),
  partOf: z.strictObject({ id: z.url(), type: z.literal('AnnotationCollection'), total: z.int().min(0), first: z.url(), last: z.url() }),
  startIndex: z.int().min(0),
  next: z.url().optional(),
  prev: z.url().optional(),
  items: z.array(annotationDtoSchema),
});

/** The note as sanitised HTML, safe to inject; null on a deleted note. */
export function annotationHtml(annotation: AnnotationDto): string | null {
  for (const body of annotation.body ?? []) {
    if (body.type === 'Choice') return body.items.find((item) => item.format === 'text/html')?.value ?? null;
  }
  return null;
}

export function annotationTags(annotation: AnnotationDto): string[] {
  return (annotation.body ?? []).flatMap((body) => (body.type === 'TextualBody' ? [body.value] : []));
}
