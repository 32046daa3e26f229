/**
 * The key a duplicate comment is found by: SHA-256 of the markdown a reader wrote, exactly as
 * written (the duplicate rule compares bodies exactly), in base64url. Stored beside the body
 * (`bodyHash`, filled for older rows by migration 004 with the same function) and indexed with
 * the post, so the check stays one index lookup however long the thread grows.
 */
import 'server-only';
import { createHash } from 'node:crypto';

export const bodyHashOf = (body: string): string => createHash('sha256').update(body, 'utf8').digest('base64url');

/** Where-clause of the comments on a post that `body` duplicates (an index lookup). */
export const duplicateOf = (postSlug: string, body: string) => ({ postSlug, bodyHash: bodyHashOf(body), deleted: false });
