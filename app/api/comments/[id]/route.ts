/** `PATCH|DELETE /api/comments/{id}`: the author (within 15 minutes) or the admin changes a comment. */
import type { NextRequest } from 'next/server';
import { parseCommentId, patchComment, removeComment } from '@/lib/comments/api';
import { handle, otherMethod } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

export async function PATCH(request: NextRequest, { params }: RouteContext<'/api/comments/[id]'>) {
  return handle(async () => patchComment(request, parseCommentId((await params).id)));
}

export async function DELETE(request: NextRequest, { params }: RouteContext<'/api/comments/[id]'>) {
  return handle(async () => removeComment(request, parseCommentId((await params).id)));
}

// The methods this route does not take: the API's JSON 405, not Next's empty one.
export const GET = otherMethod('PATCH, DELETE');
export const POST = otherMethod('PATCH, DELETE');
export const PUT = otherMethod('PATCH, DELETE');
