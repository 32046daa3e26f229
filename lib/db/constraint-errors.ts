/**
 * Prisma's errors for a constraint the database enforced, so that callers can map a race the
 * database decided (a unique index, a foreign key) to their stable 4xx code. The same codes come
 * from both drivers (SQLite and PostgreSQL).
 */
const hasCode = (error: unknown, code: string) => typeof error === 'object' && error !== null && 'code' in error && error.code === code;

/** A unique index refused the row: it exists already. */
export const isUniqueViolation = (error: unknown) => hasCode(error, 'P2002');

/** A foreign key refused the row: what it points at is gone, or a row still points at it. */
export const isForeignKeyViolation = (error: unknown) => hasCode(error, 'P2003');

/** The row to update or delete was not there (any more): another request got to it first. */
export const isRecordMissing = (error: unknown) => hasCode(error, 'P2025');
