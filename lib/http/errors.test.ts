import { describe, expect, test } from 'vitest';
import { AppError, isAppError } from './errors';

describe('isAppError', () => {
  test('knows an AppError by class, and by shape when it comes from another bundled copy of this module', () => {
    expect(isAppError(new AppError('comment.rateLimited', 429, 'slow down', 30))).toBe(true);
    const fromAnotherCopy = Object.assign(new Error('slow down'), { name: 'AppError', code: 'comment.rateLimited', status: 429 });
    expect(isAppError(fromAnotherCopy)).toBe(true);
  });

  test('anything else is not one: plain errors, unknown codes, look-alike objects', () => {
    expect(isAppError(new Error('boom'))).toBe(false);
    expect(isAppError(Object.assign(new Error('x'), { name: 'AppError', code: 'no.such.code', status: 400 }))).toBe(false);
    expect(isAppError(Object.assign(new Error('x'), { name: 'AppError', code: 'comment.duplicate' }))).toBe(false);
    expect(isAppError({ name: 'AppError', code: 'comment.duplicate', status: 409 })).toBe(false);
    expect(isAppError(null)).toBe(false);
  });
});
