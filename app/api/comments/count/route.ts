/** `GET /api/comments/count?slugs=a,b`: published comments per post. */
import type { NextRequest } from 'next/server';
import { counts } from '@/lib/comments/api';
import { handle } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

export async function GET(request: NextRequest) {
  return handle(async () => counts(request));
}
