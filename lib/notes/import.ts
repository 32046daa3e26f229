/**
 * Reading a W3C AnnotationCollection (from `notes:export`, or from any W3C annotation server) into
 * the notes of this site (`npm run notes:import`). Each annotation is matched to a post by the
 * path of its target's source (`/posts/{slug}`, `/zh/posts/{slug}`, on any site), its passage
 * anchored in the post's text as it is now (anchor-selection.ts; the page's own pair must still
 * find its words), and written with its id when that is free (else a new one, the old IRI kept
 * as `via`), its times, visibility, tags and replies. What could not be taken is reported by
 * reason, not written. Running it again adds nothing: an id already present is skipped.
 */
import 'server-only';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../db/client';
import type { LoadedPost } from '../content/posts';
import { renderReaderMarkdown } from '../ugc/render-markdown';
import { detectLang } from '../ugc/language';
import { anchor, describe, type Anchor } from './anchoring';
import { anchorSelection } from './anchor-selection';
import { postText } from './post-text';
import { isNoteIdTaken } from './queries';
import { pathIds } from './w3c/iri';
import { annotationSchema, viaOf, visibilitySchema } from './w3c/schema';
import { targetSchema } from './w3c/target-schema';
import type { Selection } from './w3c/client-selectors';

/** A file that is not an annotation collection at all. */
export class NotesImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotesImportError';
  }
}

const pageSchema = z.looseObject({ items: z.array(z.unknown()) });
const collectionSchema = z.union([
  z.looseObject({ first: pageSchema }).transform((collection) => collection.first.items),
  pageSchema.transform((page) => page.items),
  z.array(z.unknown()),
]);

const timestamp = z.iso.datetime({ offset: true }).transform((value) => new Date(value));
const itemSchema = z.looseObject({
  id: z.string().max(2000).optional(),
  created: timestamp.optional(),
  modified: timestamp.optional(),
  creator: z.union([z.string().max(2000), z.looseObject({ id: z.string().max(2000).optional() })]).optional(),
  visibility: visibilitySchema.optional(),
  deleted: z.literal(true).optional(),
  target: z.unknown(),
});

export type Skipped = { iri: string; reason: 'invalid' | 'noPost' | 'notAnchored' | 'noParent'; detail: string };
export type ImportReport = { imported: number; alreadyPresent: number; skipped: Skipped[] };

const newId = () => randomBytes(9).toString('base64url');

/**
 * The passage a note of the collection is on, in the post as it is now: the page's own pair only
 * where its words still are (where they were, or moved), any other form as the API anchors it.
 */
function placePassage(doc: Parameters<typeof anchorSelection>[0], selection: Selection): Anchor | null {
  const { quote, block, inBlock } = selection;
  if (quote && block && inBlock && inBlock.end - inBlock.start === quote.exact.length) {
    const stored: Anchor = { ...block, ...inBlock, exact: quote.exact, prefix: quote.prefix ?? '', suffix: quote.suffix ?? '' };
    const found = anchor(doc, stored);
    if (!found || found.method === 'fuzzy') return null;
    return found.method === 'position' ? stored : describe(doc, found.blockId, found.layer, found.start, found.end);
  }
  return anchorSelection(doc, selection);
}

type Pending = { iri: string; id: string | null; item: z.output<typeof itemSchema>; raw: unknown };

/** `siteUrl`: this site's, whose IRIs name the same notes here; another site's IRI is kept as `via`. */
export async function importNotes(db: Db, text: string, { posts, siteUrl }: { posts: readonly LoadedPost[]; siteUrl: string }): Promise<ImportReport> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new NotesImportError(`not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const items = collectionSchema.safeParse(parsed);
  if (!items.success) throw new NotesImportError('not an AnnotationCollection with its first page embedded, an AnnotationPage, or a list of annotations');
  const report: ImportReport = { imported: 0, alreadyPresent: 0, skipped: [] };
  const skip = (iri: string, reason: Skipped['reason'], detail: string) => report.skipped.push({ iri, reason, detail });
  /** Old IRI (and old id) of each note written or already present, to the id it has here. */
  const ids = new Map<string, string>();
  let pending: Pending[] = [];
  for (const [index, raw] of items.data.entries()) {
    const item = itemSchema.safeParse(raw);
    const iri = (item.success && item.data.id) || `#${index}`;
    if (!item.success) skip(iri, 'invalid', item.error.issues[0]?.message ?? 'not an annotation');
    else pending.push({ iri, id: item.data.id ? pathIds(item.data.id).noteId : null, item: item.data, raw });
  }
  // Notes on passages first, then replies whose note is written, until no more can be.
  for (let progress = true; progress && pending.length > 0; ) {
    progress = false;
    const waiting: Pending[] = [];
    for (const entry of pending) {
      const outcome = await importOne(db, entry, { posts, siteUrl }, ids);
      if (outcome === 'waiting') waiting.push(entry);
      else {
        progress = true;
        if (outcome === 'imported') report.imported += 1;
        else if (outcome === 'present') report.alreadyPresent += 1;
        else skip(entry.iri, outcome.reason, outcome.detail);
      }
    }
    pending = waiting;
  }
  for (const entry of pending) skip(entry.iri, 'noParent', 'the note it replies to was not imported');
  return report;
}

type Outcome = 'imported' | 'present' | 'waiting' | { reason: Skipped['reason']; detail: string };

const sameOrigin = (iri: string, siteUrl: string) => URL.canParse(iri) && URL.canParse(siteUrl) && new URL(iri).origin === new URL(siteUrl).origin;

async function importOne(db: Db, { iri, id, item, raw }: Pending, { posts, siteUrl }: { posts: readonly LoadedPost[]; siteUrl: string }, ids: Map<string, string>): Promise<Outcome> {
  if (id !== null && (await db.note.findUnique({ where: { id }, select: { id: true } }))) {
    ids.set(iri, id);
    return 'present';
  }
  const target = targetSchema.safeParse(item.target);
  if (!target.success) return { reason: 'invalid', detail: target.error.issues[0]?.message ?? 'no target' };
  const draft = item.deleted ? null : annotationSchema.safeParse(raw);
  if (draft && !draft.success) return { reason: 'invalid', detail: draft.error.issues[0]?.message ?? 'not an annotation' };
  const note = draft?.data ?? null;

  let placement;
  let postSlug: string;
  if (target.data.kind === 'reply') {
    const known = pathIds(target.data.parentIri).noteId;
    const parentId = ids.get(target.data.parentIri) ?? (known !== null && (await db.note.findUnique({ where: { id: known }, select: { id: true } })) ? known : null);
    if (parentId === null) return 'waiting';
    const parent = await db.note.findUnique({ where: { id: parentId }, select: { postSlug: true, visibility: true } });
    if (!parent) return { reason: 'noParent', detail: target.data.parentIri };
    postSlug = parent.postSlug;
    placement = { parentId, layer: null, blockId: null, start: null, end: null, exact: null, prefix: null, suffix: null };
  } else {
    const slug = pathIds(target.data.source).postSlug;
    const post = posts.find((each) => each.slug === slug);
    if (!post) return { reason: 'noPost', detail: target.data.source };
    const found = placePassage(await postText(post), target.data.selection);
    if (!found) return { reason: 'notAnchored', detail: `“${target.data.selection.quote?.exact ?? target.data.selection.block?.blockId ?? ''}” in ${post.slug}` };
    postSlug = post.slug;
    const { layer, blockId, start, end, exact } = found;
    placement = { parentId: null, layer, blockId, start, end, exact, prefix: found.prefix || null, suffix: found.suffix || null };
  }
  const created = item.created ?? new Date();
  const keepId = id !== null && !(await isNoteIdTaken(db, id));
  const row = await db.note.create({
    data: {
      id: keepId ? id : newId(),
      postSlug,
      ...placement,
      readerId: (typeof item.creator === 'string' ? item.creator : item.creator?.id) ?? 'imported',
      addressHash: 'imported',
      visibility: item.visibility ?? 'public',
      bodySource: note?.note.text ?? '',
      bodyHtml: note ? renderReaderMarkdown(note.note.text) : '',
      lang: note ? (note.note.lang ?? detectLang(note.note.text)) : 'zh',
      tags: JSON.stringify(note?.tags ?? []),
      status: 'published',
      deleted: item.deleted === true,
      via: note ? viaOf({ iri: item.id !== undefined && !sameOrigin(item.id, siteUrl) ? item.id : null, via: note.via }) : null,
      canonical: note?.canonical ?? null,
      createdAt: created,
      updatedAt: item.modified ?? created,
    },
  });
  ids.set(iri, row.id);
  return 'imported';
}

/** The import's outcome in a few lines, with every note not taken and why. */
export function formatNotesImport(report: ImportReport): string {
  const reasons: Record<Skipped['reason'], string> = {
    notAnchored: 'its words are not in the post',
    noPost: 'no post here has that address',
    noParent: 'the note it replies to is not here',
    invalid: 'not an annotation this site can take',
  };
  return [
    `${report.imported} note(s) imported, ${report.alreadyPresent} already present, ${report.skipped.length} not imported.`,
    ...report.skipped.map((skipped) => `  ${skipped.iri}: ${reasons[skipped.reason]} (${skipped.detail})`),
  ].join('\n');
}
