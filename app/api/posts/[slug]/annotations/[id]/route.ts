/**
 * `GET|PATCH|PUT|DELETE /api/posts/{slug}/annotations/{id}`: one note as a W3C Annotation, under
 * its post's container. Its author changes or deletes it; the admin deletes or moderates public ones.
 */
import type { NextRequest } from 'next/server';
import { getNote, parseNoteId, patchNote, putNote, removeNote } from '@/lib/notes/api';
import { annotationHeaders, handleLd, ldMethodNotAllowed, optionsResponse } from '@/lib/notes/w3c/ld-response';
import { parseSlug } from '@/lib/http/route-params';

export const dynamic = 'force-dynamic';

type Context = RouteContext<'/api/posts/[slug]/annotations/[id]'>;

async function addressOf({ params }: Context): Promise<[string, string]> {
  const { slug, id } = await params;
  return [parseSlug(slug), parseNoteId(id)];
}

export async function GET(request: NextRequest, context: Context) {
  return handleLd(annotationHeaders, async () => getNote(request, ...(await addressOf(context))));
}

export async function PATCH(request: NextRequest, context: Context) {
  return handleLd(annotationHeaders, async () => patchNote(request, ...(await addressOf(context))));
}

export async function PUT(request: NextRequest, context: Context) {
  return handleLd(annotationHeaders, async () => putNote(request, ...(await addressOf(context))));
}

export async function DELETE(request: NextRequest, context: Context) {
  return handleLd(annotationHeaders, async () => removeNote(request, ...(await addressOf(context))));
}

export function OPTIONS() {
  return optionsResponse(annotationHeaders);
}

export function POST() {
  return ldMethodNotAllowed(annotationHeaders);
}
