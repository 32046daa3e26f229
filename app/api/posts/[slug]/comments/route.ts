/** `GET|POST /api/posts/{slug}/comments`: a post's thread, and writing to it. */
import type { NextRequest } from 'next/server';
import { getThread, postComment } from '@/lib/comments/api';
import { handle, otherMethod } from '@/lib/http/respond';
import { parseSlug } from '@/lib/http/route-params';

export const dynamic = 'force-dynamic';

export async function GET(request: NextRequest, { params }: RouteContext<'/api/posts/[slug]/comments'>) {
  return handle(async () => getThread(request, parseSlug((await params).slug)));
}

export async function POST(request: NextRequest, { params }: RouteContext<'/api/posts/[slug]/comments'>) {
  return handle(async () => postComment(request, parseSlug((await params).slug)));
}

// The methods this route does not take: the API's JSON 405, not Next's empty one.
export const PUT = otherMethod('GET, POST');
export const PATCH = otherMethod('GET, POST');
export const DELETE = otherMethod('GET, POST');
