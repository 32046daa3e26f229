/**
 * Mapping results and failures to HTTP responses, in one place: `{"error": {code, message}}`
 * with the status the failure carries. Anything unexpected is logged and answered 500 without
 * detail; a request a client got wrong never lands there.
 */
import { ZodError } from 'zod';
import { AppError, isAppError, isErrorCode } from './errors';

export function errorResponse(error: AppError): Response {
  const headers = new Headers({ 'Cache-Control': 'no-store' });
  if (error.retryAfter !== undefined) headers.set('Retry-After', String(Math.ceil(error.retryAfter)));
  return Response.json({ error: { code: error.code, message: error.message } }, { status: error.status, headers });
}

/** A 405 with `Allow`, as the API's JSON error. */
export function methodNotAllowed(allow: string): Response {
  const response = errorResponse(new AppError('request.methodNotAllowed', 405, `allowed here: ${allow}`));
  response.headers.set('Allow', allow);
  return response;
}

/**
 * The handler for each method a route does not take, so that it answers the API's JSON 405
 * rather than Next's empty one: `export const PUT = otherMethod('GET, POST');`.
 */
export const otherMethod = (allow: string) => (): Response => methodNotAllowed(allow);

/**
 * A zod failure on client input, as a 4xx. Schemas name the error code as an issue's message;
 * an issue without one (wrong type, unknown shape) gets the fallback's code.
 */
export function fromZodError(error: ZodError, fallback: AppError): AppError {
  const issue = error.issues[0];
  const where = issue?.path.join('.') || 'body';
  if (isErrorCode(issue?.message)) return new AppError(issue.message, fallback.status, `${where}: ${issue.message}`);
  return new AppError(fallback.code, fallback.status, `${where}: ${issue?.message ?? 'invalid'}`);
}

/** Runs a handler, turning known failures into their responses. */
export async function handle(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (isAppError(error)) return errorResponse(error);
    if (error instanceof ZodError) return errorResponse(fromZodError(error, new AppError('request.invalid', 400, 'invalid request')));
    console.error(error);
    return Response.json({ error: { code: 'internal', message: 'Internal error' } }, { status: 500 });
  }
}
