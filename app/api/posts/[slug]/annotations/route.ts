/** `GET|POST /api/posts/{slug}/annotations`: a post's notes as a W3C AnnotationPage, and adding one. */
import type { NextRequest } from 'next/server';
import { getNotesPage, postNote } from '@/lib/notes/api';
import { containerHeaders, CONTAINER_METHODS, methodNotAllowed, optionsResponse } from '@/lib/notes/w3c/ld-response';
import { handle } from '@/lib/http/respond';
import { parseSlug } from '@/lib/http/route-params';

export const dynamic = 'force-dynamic';

export async function GET(request: NextRequest, { params }: RouteContext<'/api/posts/[slug]/annotations'>) {
  return handle(async () => getNotesPage(request, parseSlug((await params).slug)));
}

export async function POST(request: NextRequest, { params }: RouteContext<'/api/posts/[slug]/annotations'>) {
  return handle(async () => postNote(request, parseSlug((await params).slug)));
}

export function OPTIONS() {
  return optionsResponse(containerHeaders);
}

export function PUT() {
  return methodNotAllowed(CONTAINER_METHODS);
}

export { PUT as PATCH, PUT as DELETE };
