import { describe, expect, test } from 'vitest';
import { buildThread, countShown, MAX_DEPTH, type ThreadNode } from './thread';
import type { CommentDto } from './types';

let clock = 0;
function comment(id: string, parentId: string | null = null, extra: Partial<CommentDto> = {}): CommentDto {
  clock += 1;
  return {
    id,
    parentId,
    author: `author-${id}`,
    website: null,
    bodyHtml: `<p>${id}</p>`,
    lang: 'zh',
    createdAt: new Date(Date.UTC(2024, 0, 1, 0, clock)).toISOString(),
    editedAt: null,
    deleted: false,
    ...extra,
  };
}

/** The thread as `id@depth[>mention]` lines in reading order. */
function outline(nodes: ThreadNode[]): string[] {
  return nodes.flatMap((node) => [
    `${node.comment.id}@${node.depth}${node.replyTo ? `>${node.replyTo.author ?? '(deleted)'}` : ''}`,
    ...outline(node.replies),
  ]);
}

describe('buildThread', () => {
  test('nests replies under their parent, in posting order', () => {
    const thread = buildThread([comment('a'), comment('b'), comment('a1', 'a'), comment('a2', 'a'), comment('a1x', 'a1')]);
    expect(outline(thread)).toEqual(['a@1', 'a1@2', 'a1x@3', 'a2@2', 'b@1']);
    expect(thread[0]?.replies.map((node) => node.comment.id)).toEqual(['a1', 'a2']);
  });

  test(`indents at most ${MAX_DEPTH} levels; deeper replies sit flat after their parent and name its author`, () => {
    const chain = [comment('l1'), comment('l2', 'l1'), comment('l3', 'l2'), comment('l4', 'l3'), comment('l5', 'l4'), comment('l6', 'l5'), comment('l7', 'l6')];
    const late = comment('l5b', 'l4');
    const thread = buildThread([...chain, late]);
    expect(outline(thread)).toEqual(['l1@1', 'l2@2', 'l3@3', 'l4@4', 'l5@5', 'l6@5>author-l5', 'l7@5>author-l6', 'l5b@5']);
    const levelFive = thread[0]?.replies[0]?.replies[0]?.replies[0]?.replies ?? [];
    expect(levelFive.map((node) => node.replies.length)).toEqual([0, 0, 0, 0]);
  });

  test('a deleted parent is named as such', () => {
    const chain = [comment('l1'), comment('l2', 'l1'), comment('l3', 'l2'), comment('l4', 'l3'), comment('l5', 'l4', { deleted: true, author: '' }), comment('l6', 'l5')];
    expect(outline(buildThread(chain)).at(-1)).toBe('l6@5>(deleted)');
  });

  test('a reply whose parent is not shown starts its own thread', () => {
    expect(outline(buildThread([comment('a'), comment('orphan', 'hidden')]))).toEqual(['a@1', 'orphan@1']);
  });
});

describe('countShown', () => {
  test('counts published comments only', () => {
    expect(countShown([comment('a'), comment('b', null, { deleted: true }), comment('c', null, { pending: true })])).toBe(1);
  });
});
