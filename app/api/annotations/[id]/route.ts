/**
 * `/api/annotations/{id}`: where notes were before they lived under their post's container. Every
 * method is answered with a permanent redirect (308) to `/api/posts/{slug}/annotations/{id}`, so
 * IRIs issued before keep working and clients learn the new one (lib/notes/api.ts says why).
 */
import type { NextRequest } from 'next/server';
import { parseNoteId, redirectToContainer } from '@/lib/notes/api';
import { annotationHeaders, handleLd, optionsResponse } from '@/lib/notes/w3c/ld-response';

export const dynamic = 'force-dynamic';

export async function GET(request: NextRequest, { params }: RouteContext<'/api/annotations/[id]'>) {
  return handleLd(annotationHeaders, async () => redirectToContainer(request, parseNoteId((await params).id)));
}

export function OPTIONS() {
  return optionsResponse(annotationHeaders);
}

export { GET as PATCH, GET as PUT, GET as DELETE, GET as POST };
