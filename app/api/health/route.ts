/**
 * `GET /api/health`: 200 `{"status":"ok"}` when the database answers and is migrated, else 503
 * with the reason, for load balancers and monitors. Never cached.
 */
import { checkHealth } from '@/lib/db/health';
import { otherMethod } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

export async function GET() {
  const health = await checkHealth();
  const headers = { 'Cache-Control': 'no-store' };
  if (health.ok) return Response.json({ status: 'ok', database: health.database, migration: health.migration }, { headers });
  return Response.json({ status: 'unavailable', database: health.database, reason: health.reason, message: health.message }, { status: 503, headers });
}

// The methods this route does not take: the API's JSON 405, not Next's empty one.
export const POST = otherMethod('GET');
export const PUT = otherMethod('GET');
export const PATCH = otherMethod('GET');
export const DELETE = otherMethod('GET');
