/** `POST /api/comments/{id}/flag`: a reader flags a comment for the moderator, once. */
import type { NextRequest } from 'next/server';
import { flag, parseCommentId } from '@/lib/comments/api';
import { handle, otherMethod } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

export async function POST(request: NextRequest, { params }: RouteContext<'/api/comments/[id]/flag'>) {
  return handle(async () => flag(request, parseCommentId((await params).id)));
}

// The methods this route does not take: the API's JSON 405, not Next's empty one.
export const GET = otherMethod('POST');
export const PUT = otherMethod('POST');
export const PATCH = otherMethod('POST');
export const DELETE = otherMethod('POST');
