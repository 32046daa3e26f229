/** `GET /api/comments/count?slugs=a,b`: published comments per post. */
import type { NextRequest } from 'next/server';
import { counts } from '@/lib/comments/api';
import { handle, otherMethod } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

export async function GET(request: NextRequest) {
  return handle(async () => counts(request));
}

// The methods this route does not take: the API's JSON 405, not Next's empty one.
export const POST = otherMethod('GET');
export const PUT = otherMethod('GET');
export const PATCH = otherMethod('GET');
export const DELETE = otherMethod('GET');
