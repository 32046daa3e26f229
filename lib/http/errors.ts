/**
 * Failures a client caused, as stable codes with an HTTP status. The code is what clients and the
 * UI rely on (the UI translates it); the message is a plain English hint for developers.
 */
export const errorCodes = [
  'request.invalid',
  'request.tooLarge',
  'request.unsupportedType',
  'request.notAcceptable',
  'request.methodNotAllowed',
  'request.notFound',
  'request.crossOrigin',
  'post.notFound',
  'comments.disabled',
  'comments.pageInvalid',
  'comment.notFound',
  'comment.invalid',
  'comment.authorRequired',
  'comment.authorTooLong',
  'comment.bodyRequired',
  'comment.tooLong',
  'comment.websiteInvalid',
  'comment.emailInvalid',
  'comment.parentNotFound',
  'comment.duplicate',
  'comment.tooFast',
  'comment.spam',
  'comment.rateLimited',
  'comment.editWindowClosed',
  'comment.hasReplies',
  'comment.forbidden',
  'comment.alreadyFlagged',
  'comment.flagsLimited',
  'admin.unauthorized',
  'admin.signInLimited',
  'annotation.notFound',
  'annotation.invalid',
  'annotation.forbidden',
  'annotation.bodyRequired',
  'annotation.tooLong',
  'annotation.tagsInvalid',
  'annotation.targetInvalid',
  'annotation.selectorInvalid',
  'annotation.targetImmutable',
  'annotation.parentNotFound',
  'annotation.hasReplies',
  'annotation.rateLimited',
  'annotation.preconditionFailed',
  'annotation.iriImmutable',
  'annotation.notAnchored',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** A stable error code, or one of the two failures only a client sees (a 500, no network). */
export type ClientErrorCode = ErrorCode | 'internal' | 'network';

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value);
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  /** Seconds until a rate-limited client may try again. */
  readonly retryAfter: number | undefined;

  constructor(code: ErrorCode, status: number, message: string, retryAfter?: number) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.status = status;
    this.retryAfter = retryAfter;
  }
}

/**
 * Recognised by shape as well as by class: this module may exist in several copies in one process
 * (lib/process-wide.mjs says why), and an AppError made by another copy must still be answered as
 * a 4xx.
 */
export const isAppError = (error: unknown): error is AppError =>
  error instanceof AppError ||
  (error instanceof Error && error.name === 'AppError' && 'code' in error && isErrorCode(error.code) && 'status' in error && typeof error.status === 'number');
