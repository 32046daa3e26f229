/**
 * `GET|PATCH|PUT|DELETE /api/annotations/{id}`: one note as a W3C Annotation. Its author changes
 * or deletes it; the admin deletes or moderates public ones.
 */
import type { NextRequest } from 'next/server';
import { getNote, parseNoteId, patchNote, putNote, removeNote } from '@/lib/notes/api';
import { ANNOTATION_METHODS, annotationHeaders, methodNotAllowed, optionsResponse } from '@/lib/notes/w3c/ld-response';
import { handle } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

export async function GET(request: NextRequest, { params }: RouteContext<'/api/annotations/[id]'>) {
  return handle(async () => getNote(request, parseNoteId((await params).id)));
}

export async function PATCH(request: NextRequest, { params }: RouteContext<'/api/annotations/[id]'>) {
  return handle(async () => patchNote(request, parseNoteId((await params).id)));
}

export async function PUT(request: NextRequest, { params }: RouteContext<'/api/annotations/[id]'>) {
  return handle(async () => putNote(request, parseNoteId((await params).id)));
}

export async function DELETE(request: NextRequest, { params }: RouteContext<'/api/annotations/[id]'>) {
  return handle(async () => removeNote(request, parseNoteId((await params).id)));
}

export function OPTIONS() {
  return optionsResponse(annotationHeaders);
}

export function POST() {
  return methodNotAllowed(ANNOTATION_METHODS);
}
