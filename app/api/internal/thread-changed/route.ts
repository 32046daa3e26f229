/**
 * `POST /api/internal/thread-changed`: another instance changed a post's thread (heard on the
 * change feed by lib/comments/remote-changes.ts), so this one drops its copies of the thread and
 * of the post's pages. Only for this process's own requests (lib/http/self-request.ts); to
 * anyone else it is the API's 404, as if it were not there.
 */
import type { NextRequest } from 'next/server';
import { forgetRemoteThreadChange } from '@/lib/comments/remote-changes';
import { AppError } from '@/lib/http/errors';
import { errorResponse, handle } from '@/lib/http/respond';
import { isSelfRequest } from '@/lib/http/self-request';

export const dynamic = 'force-dynamic';

const notHere = () => errorResponse(new AppError('request.notFound', 404, 'no API at this path'));

export async function POST(request: NextRequest) {
  if (!isSelfRequest(request)) return notHere();
  return handle(async () => {
    await forgetRemoteThreadChange(await request.json());
    return new Response(null, { status: 204 });
  });
}

export const GET = notHere;
export const PUT = notHere;
export const PATCH = notHere;
export const DELETE = notHere;
