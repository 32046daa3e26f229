/**
 * `GET /api/health`: 200 `{"status":"ok"}` when the database answers and is migrated, else 503
 * with the reason, for load balancers and monitors. Never cached.
 */
import { checkHealth } from '@/lib/db/health';

export const dynamic = 'force-dynamic';

export async function GET() {
  const health = await checkHealth();
  const headers = { 'Cache-Control': 'no-store' };
  if (health.ok) return Response.json({ status: 'ok', database: health.database, migration: health.migration }, { headers });
  return Response.json({ status: 'unavailable', database: health.database, reason: health.reason, message: health.message }, { status: 503, headers });
}
