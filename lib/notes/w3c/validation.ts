/**
 * Small zod helpers shared by the annotation schemas: a control-character pattern, and issues
 * whose messages are stable error codes. Pure and client-safe.
 */
import { z } from 'zod';
import type { ErrorCode } from '../../http/errors';

export const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/** Reports a failed inner parse's issues (their messages are error codes) where the outer parse is. */
export function forwardIssues(error: z.ZodError, context: z.RefinementCtx, input: unknown): never {
  for (const issue of error.issues) context.addIssue({ code: 'custom', message: issue.message, path: issue.path, input });
  return z.NEVER;
}

/**
 * Runs `schema` on the value, reporting every issue that has no code of its own as `code`: one
 * place decides, say, that anything wrong inside a selector is `annotation.selectorInvalid`.
 */
export function coded<T extends z.ZodType>(schema: T, code: ErrorCode) {
  return z.unknown().transform((value, context): z.output<T> => {
    const parsed = schema.safeParse(value, { error: () => code });
    return parsed.success ? parsed.data : forwardIssues(parsed.error, context, value);
  });
}
