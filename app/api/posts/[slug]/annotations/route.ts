/**
 * `GET|POST /api/posts/{slug}/annotations/`: a post's notes as a W3C Annotation Container (an
 * AnnotationCollection and LDP BasicContainer) and its pages, and adding one. The IRI ends in
 * `/`; the same path without it answers the same.
 */
import type { NextRequest } from 'next/server';
import { getContainer, postNote } from '@/lib/notes/api';
import { containerHeaders, handleLd, ldMethodNotAllowed, optionsResponse } from '@/lib/notes/w3c/ld-response';
import { parseSlug } from '@/lib/http/route-params';

export const dynamic = 'force-dynamic';

export async function GET(request: NextRequest, { params }: RouteContext<'/api/posts/[slug]/annotations'>) {
  return handleLd(containerHeaders, async () => getContainer(request, parseSlug((await params).slug)));
}

export async function POST(request: NextRequest, { params }: RouteContext<'/api/posts/[slug]/annotations'>) {
  return handleLd(containerHeaders, async () => postNote(request, parseSlug((await params).slug)));
}

export function OPTIONS() {
  return optionsResponse(containerHeaders);
}

export function PUT() {
  return ldMethodNotAllowed(containerHeaders);
}

export { PUT as PATCH, PUT as DELETE };
