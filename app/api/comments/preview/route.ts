/** `POST /api/comments/preview {body}`: a comment's markdown rendered as the thread shows it. */
import type { NextRequest } from 'next/server';
import { previewComment } from '@/lib/comments/api';
import { handle } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

export async function POST(request: NextRequest) {
  return handle(async () => previewComment(request));
}
