/**
 * The thread as served (server-rendered, before any JavaScript): nesting capped at five levels
 * with "@name" below that, placeholders, user links marked as such, the language filter as
 * links, and a form whose every field has a label.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, test, vi } from 'vitest';
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import type { Element, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { editingState } from '@/lib/comments/form-state';
import { threadPage, type ThreadPageQuery } from '@/lib/comments/thread-pages';
import type { CommentDto } from '@/lib/comments/types';
import { CommentThread } from './comment-thread';
import { commentLabels } from './labels';

// The server action needs a request; the served markup only needs a function to point the form at.
vi.mock('@/lib/comments/form-actions', () => ({ submitCommentForm: async () => editingState() }));

let minute = 0;
function comment(id: string, parentId: string | null = null, extra: Partial<CommentDto> = {}): CommentDto {
  minute += 1;
  return {
    id,
    parentId,
    author: `Reader ${id}`,
    website: null,
    bodyHtml: `<p>Body of ${id}</p>`,
    lang: 'en',
    createdAt: new Date(Date.UTC(2024, 4, 20, 8, minute)).toISOString(),
    editedAt: null,
    deleted: false,
    ...extra,
  };
}

function render(comments: CommentDto[], locale: 'zh' | 'en' = 'en', query: ThreadPageQuery = { order: 'oldest' }): Root {
  const html = renderToStaticMarkup(
    <CommentThread slug="docker-and-hyper" labels={commentLabels(locale)} initialPage={threadPage(comments, query)} live pagePath={`/${locale}/posts/docker-and-hyper/comments`} formState={editingState()} />,
  );
  return unified().use(rehypeParse, { fragment: true }).parse(html);
}

const text = (node: Element | undefined) => (node ? toString(node).trim() : '');

describe('the served thread', () => {
  const chain = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7'].map((id, index, ids) => comment(id, index === 0 ? null : (ids[index - 1] ?? null)));
  const thread = render([
    ...chain,
    comment('linked', null, { website: 'https://reader.example', lang: 'zh', author: '读者', bodyHtml: '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>' }),
    comment('gone', null, { deleted: true, author: '', bodyHtml: '' }),
    comment('edited', 'gone', { editedAt: new Date(Date.UTC(2024, 4, 20, 9)).toISOString() }),
  ]);

  test('counts published comments in the heading', () => {
    expect(text(select('h2#comments-title', thread))).toBe('Comments (9)');
  });

  test('indents five levels, then names whom a reply answers', () => {
    const depths = selectAll('li.comment', thread).map((li) => `${String(li.properties.id)}@${String(li.properties.dataDepth)}`);
    expect(depths.slice(0, 7)).toEqual(['comment-c1@1', 'comment-c2@2', 'comment-c3@3', 'comment-c4@4', 'comment-c5@5', 'comment-c6@5', 'comment-c7@5']);
    expect(text(select('#comment-c6 .comment-reply-to', thread))).toBe('@Reader c5');
    expect(select('#comment-c5 .comment-reply-to', thread)).toBeUndefined();
  });

  test('links an author to their site as user content, and shows markup as text', () => {
    const link = select('#comment-linked .comment-author a', thread);
    expect(link?.properties).toMatchObject({ href: 'https://reader.example', rel: ['ugc', 'nofollow', 'noopener'] });
    expect(text(select('#comment-linked .comment-body', thread))).toBe('<script>alert(1)</script>');
    expect(select('#comment-linked .comment-body', thread)?.properties.lang).toBe('zh-Hans');
    expect(text(select('#comment-linked .comment-lang', thread))).toBe('中文');
  });

  test('keeps a deleted comment as a placeholder above its replies', () => {
    expect(text(select('#comment-gone .comment-card', thread))).toBe('This comment was deleted');
    expect(select('#comment-gone .comment-replies #comment-edited', thread)).toBeDefined();
    expect(text(select('#comment-edited .comment-edited', thread))).toBe('edited');
  });

  test('shows the time in the reader’s language, with the instant in datetime', () => {
    const time = select('#comment-c1 time', thread);
    expect(time?.properties.dateTime).toBe('2024-05-20T08:01:00.000Z');
    expect(text(time)).toMatch(/^May 20, 2024, 08:0\d UTC$/);
  });

  test('offers the language filter as links, and replies as links to the comments page', () => {
    expect(selectAll('.comment-filter a', thread).map((a) => a.properties.href)).toEqual(['#comments', '#comments-zh', '#comments-en']);
    expect(select('#comment-c1 .comment-actions a', thread)?.properties.href).toBe('/en/posts/docker-and-hyper/comments?reply=c1#comment-form');
    expect(selectAll('.comment-actions button', thread)).toHaveLength(0);
  });

  test('labels every field of the form and hides the honeypot', () => {
    const form = select('form#comment-form', thread);
    const fields = selectAll('input:not([type=hidden]), textarea, select', form ?? thread);
    for (const field of fields) {
      expect(select(`label[for="${String(field.properties.id)}"]`, form ?? thread), String(field.properties.name)).toBeDefined();
    }
    expect(fields.map((field) => field.properties.name)).toEqual(['author', 'email', 'website', 'body', 'lang', 'fax']);
    expect(select('.comment-hp', form ?? thread)?.properties.ariaHidden).toBe('true');
  });
});

test('an empty thread invites the first comment, in Chinese too', () => {
  const thread = render([], 'zh');
  expect(text(select('h2#comments-title', thread))).toBe('评论（0）');
  expect(text(select('.comment-empty', thread))).toBe('还没有评论。来说两句？');
  expect(select('.comment-filter', thread)).toBeUndefined();
});

describe('a long thread', () => {
  const many = Array.from({ length: 65 }, (_, index) => comment(`m${index + 1}`));
  many.push(comment('m1-reply', 'm1'));

  test('shows its first page, newest first, with the whole count and links to the other pages', () => {
    const thread = render(many, 'en', {});
    expect(text(select('h2#comments-title', thread))).toBe('Comments (66)');
    const top = selectAll('ol.comment-list > li.comment', thread).map((li) => String(li.properties.id));
    expect(top).toHaveLength(30);
    expect(top.slice(0, 2)).toEqual(['comment-m65', 'comment-m64']);
    expect(select('.comment-more', thread)?.properties.href).toBe('/en/posts/docker-and-hyper/comments?page=2&order=newest#comments');
    expect(select('.comment-previous', thread)).toBeUndefined();
    const orders = selectAll('.comment-order a', thread);
    expect(orders.map((a) => [text(a), a.properties.href, a.properties.ariaCurrent])).toEqual([
      ['Newest first', '/en/posts/docker-and-hyper/comments?order=newest#comments', 'true'],
      ['Oldest first', '/en/posts/docker-and-hyper/comments?order=oldest#comments', undefined],
    ]);
  });

  test('a later page links back to the one before it, and the last has no "more"', () => {
    const thread = render(many, 'zh', { page: 3, order: 'oldest' });
    expect(selectAll('ol.comment-list > li.comment', thread).map((li) => String(li.properties.id))).toEqual(['comment-m61', 'comment-m62', 'comment-m63', 'comment-m64', 'comment-m65']);
    expect(select('.comment-previous a', thread)?.properties.href).toBe('/zh/posts/docker-and-hyper/comments?page=2&order=oldest#comments');
    expect(text(select('.comment-previous a', thread))).toBe('上一页');
    expect(select('.comment-more', thread)).toBeUndefined();
    expect(select('nav.comment-pager', thread)?.properties.hidden).toBe(true);
  });
});
