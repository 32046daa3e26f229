/**
 * Any `/api/...` path no route handles: the API's JSON 404 (`request.notFound`), whatever the
 * method, instead of the site's HTML page; API clients read one error shape everywhere.
 */
import { errorResponse } from '@/lib/http/respond';
import { AppError } from '@/lib/http/errors';

export const dynamic = 'force-dynamic';

function notFound(): Response {
  return errorResponse(new AppError('request.notFound', 404, 'no API at this path'));
}

export const GET = notFound;
export const HEAD = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
export const OPTIONS = notFound;
