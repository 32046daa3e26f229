import { describe, expect, test } from 'vitest';
import { MARKDOWN_PARSE_MAX_LENGTH } from '../ugc/render-markdown';
import { BODY_MAX, newCommentSchema } from './schema';

describe('what a comment may be', () => {
  test('a body with U+0000 is accepted as U+FFFD (PostgreSQL cannot store U+0000)', () => {
    const parsed = newCommentSchema.parse({ author: 'a', body: 'before\0after' });
    expect(parsed.body).toBe('before\uFFFDafter');
  });

  test('the longest body accepted is still parsed as markdown, not shown as plain text', () => {
    expect(MARKDOWN_PARSE_MAX_LENGTH).toBeGreaterThanOrEqual(BODY_MAX);
  });
});
