/** `POST /api/comments/preview {body}`: a comment's markdown rendered as the thread shows it. */
import type { NextRequest } from 'next/server';
import { previewComment } from '@/lib/comments/api';
import { handle, otherMethod } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

export async function POST(request: NextRequest) {
  return handle(async () => previewComment(request));
}

// The methods this route does not take: the API's JSON 405, not Next's empty one.
export const GET = otherMethod('POST');
export const PUT = otherMethod('POST');
export const PATCH = otherMethod('POST');
export const DELETE = otherMethod('POST');
