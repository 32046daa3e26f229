/** `GET /api/comments/form-token`: a signed time token for the comment form's minimum-time check. */
import type { NextRequest } from 'next/server';
import { formToken } from '@/lib/comments/api';
import { handle, otherMethod } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

export async function GET(request: NextRequest) {
  return handle(async () => formToken(request));
}

// The methods this route does not take: the API's JSON 405, not Next's empty one.
export const POST = otherMethod('GET');
export const PUT = otherMethod('GET');
export const PATCH = otherMethod('GET');
export const DELETE = otherMethod('GET');
