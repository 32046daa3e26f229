import { describe, expect, test } from 'vitest';
import { COMMENTS_PER_PAGE, inOrder, mergeComments, nextPageToLoad, previousPageToLoad, threadPage } from './thread-pages';
import type { CommentDto } from './types';

let second = 0;
function comment(id: string, parentId: string | null = null, extra: Partial<CommentDto> = {}): CommentDto {
  second += 1;
  return {
    id,
    parentId,
    author: `Reader ${id}`,
    website: null,
    bodyHtml: `<p>${id}</p>`,
    lang: 'en',
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, second)).toISOString(),
    editedAt: null,
    deleted: false,
    ...extra,
  };
}

/** 70 top-level comments t1..t70 (oldest first), t5 and t65 with a reply, t65's reply with one of its own. */
function longThread(): CommentDto[] {
  const comments: CommentDto[] = [];
  for (let n = 1; n <= 70; n += 1) {
    comments.push(comment(`t${n}`));
    if (n === 5) comments.push(comment('r5', 't5'));
  }
  comments.push(comment('r65', 't65'), comment('r65b', 'r65'));
  return comments;
}

const ids = (comments: readonly CommentDto[]) => comments.map((each) => each.id);

describe('threadPage', () => {
  test('pages hold whole conversations, newest first by default', () => {
    const thread = longThread();
    const first = threadPage(thread);
    expect(first).toMatchObject({ page: 1, pages: 3, order: 'newest', count: 73 });
    expect(first.comments.filter((each) => each.parentId === null)).toHaveLength(COMMENTS_PER_PAGE);
    // t70..t41, with t65's replies, in posting order.
    expect(ids(first.comments)).toContain('r65b');
    expect(ids(first.comments).slice(0, 2)).toEqual(['t41', 't42']);
    expect(ids(first.comments).slice(-3)).toEqual(['t70', 'r65', 'r65b']);
    expect(ids(threadPage(thread, { page: 3 }).comments)).toEqual(['t1', 't2', 't3', 't4', 't5', 'r5', 't6', 't7', 't8', 't9', 't10']);
  });

  test('oldest first starts at the beginning; a page past the end is the last page', () => {
    const thread = longThread();
    expect(ids(threadPage(thread, { order: 'oldest' }).comments).slice(0, 7)).toEqual(['t1', 't2', 't3', 't4', 't5', 'r5', 't6']);
    expect(threadPage(thread, { order: 'oldest', page: 99 })).toMatchObject({ page: 3, pages: 3 });
    expect(ids(threadPage(thread, { order: 'oldest', page: 3 }).comments)).toEqual(['t61', 't62', 't63', 't64', 't65', 't66', 't67', 't68', 't69', 't70', 'r65', 'r65b']);
  });

  test('a named comment, however deep, opens the page of its conversation', () => {
    const thread = longThread();
    expect(threadPage(thread, { comment: 'r5' })).toMatchObject({ page: 3, order: 'newest' });
    expect(threadPage(thread, { comment: 'r5', order: 'oldest' })).toMatchObject({ page: 1 });
    expect(threadPage(thread, { comment: 'r65b', order: 'oldest', page: 1 })).toMatchObject({ page: 3 });
    // An id not in the thread falls back to the page asked for.
    expect(threadPage(thread, { comment: 'nobody', page: 2 })).toMatchObject({ page: 2 });
  });

  test('counts every published comment of the thread, on every page', () => {
    const thread = [...longThread(), comment('gone', null, { deleted: true }), comment('mine', null, { pending: true })];
    for (const page of [1, 2, 3]) expect(threadPage(thread, { page }).count).toBe(73);
  });

  test('a reply whose parent is not shown starts a conversation of its own, as the thread shows it', () => {
    const thread = [comment('a'), comment('orphan', 'hidden-parent')];
    expect(threadPage(thread, { order: 'oldest' }).comments).toHaveLength(2);
    expect(threadPage(thread).pages).toBe(1);
  });

  test('an empty thread is one empty page', () => {
    expect(threadPage([])).toEqual({ comments: [], page: 1, pages: 1, order: 'newest', count: 0 });
  });
});

describe('pages loaded in place', () => {
  test('merge keeps posting order and takes the fresher copy', () => {
    const [a, b, c] = [comment('a'), comment('b'), comment('c')] as [CommentDto, CommentDto, CommentDto];
    const edited = { ...a, bodyHtml: '<p>edited</p>' };
    const merged = mergeComments([c, a], [edited, b]);
    expect(ids(merged)).toEqual(['a', 'b', 'c']);
    expect(merged[0]?.bodyHtml).toBe('<p>edited</p>');
  });

  test('"more" continues after the first page loaded, past one loaded out of turn', () => {
    expect(nextPageToLoad([1], 3)).toBe(2);
    expect(nextPageToLoad([1, 3], 3)).toBe(2);
    expect(nextPageToLoad([1, 2, 3], 3)).toBeNull();
    expect(nextPageToLoad([2], 3)).toBe(3);
    expect(previousPageToLoad([2, 3])).toBe(1);
    expect(previousPageToLoad([1, 2])).toBeNull();
  });

  test('the newest order shows the top-level conversations last to first', () => {
    expect(inOrder([1, 2, 3], 'newest')).toEqual([3, 2, 1]);
    expect(inOrder([1, 2, 3], 'oldest')).toEqual([1, 2, 3]);
  });
});
