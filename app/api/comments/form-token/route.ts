/** `GET /api/comments/form-token`: a signed time token for the comment form's minimum-time check. */
import type { NextRequest } from 'next/server';
import { formToken } from '@/lib/comments/api';
import { handle } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

export async function GET(request: NextRequest) {
  return handle(async () => formToken(request));
}
