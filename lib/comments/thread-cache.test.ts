import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import type { Db } from '../db/client';
import { createTestSqlite, type TestDatabase } from '../db/test-databases';
import { publishedAnswer } from '../http/memory-answers';
import { threadApiPath } from './paths';
import { forgetThread, publicThreadJson, THREAD_CACHE_MS } from './thread-cache';

const SLUG = 'docker-and-hyper';
const base = { postSlug: SLUG, email: null, website: null, lang: 'zh', ipHash: 'h', bodyHtml: '<p>x</p>', status: 'published' };

const ids = async (json: Promise<string>) => (JSON.parse(await json) as { comments: { id: string }[] }).comments.map((comment) => comment.id);

describe('the public thread cache', () => {
  let database: TestDatabase;
  let db: Db;
  let n = 0;
  const add = (id: string, extra: Record<string, unknown> = {}) =>
    db.comment.create({ data: { ...base, id, authorName: id, bodySource: `${id} ${n++}`, createdAt: new Date(Date.UTC(2024, 0, 1, 0, 0, n)), ...extra } });

  beforeEach(async () => {
    await database?.drop();
    database = await createTestSqlite();
    db = database.db;
    await add('first');
  });
  afterAll(async () => {
    await database?.drop();
  });

  test('answers what an anonymous reader sees: no pending comments, no sources, the count', async () => {
    await add('waiting', { status: 'pending' });
    await add('junk', { status: 'spam' });
    const thread = JSON.parse(await publicThreadJson(db, SLUG)) as { comments: Record<string, unknown>[]; count: number };
    expect(thread.count).toBe(1);
    expect(thread.comments).toHaveLength(1);
    expect(thread.comments[0]).toMatchObject({ id: 'first', author: 'first', bodyHtml: '<p>x</p>', deleted: false });
    expect(thread.comments[0]).not.toHaveProperty('bodySource');
    expect(thread.comments[0]).not.toHaveProperty('email');
  });

  test('serves from memory until the thread changes, then reads it again', async () => {
    expect(await ids(publicThreadJson(db, SLUG))).toEqual(['first']);
    await add('second');
    // Written behind the cache's back (as another instance would): not seen yet...
    expect(await ids(publicThreadJson(db, SLUG))).toEqual(['first']);
    // ...until this instance hears of it,
    forgetThread(db, SLUG);
    expect(await ids(publicThreadJson(db, SLUG))).toEqual(['first', 'second']);
    // or the entry expires.
    await add('third');
    expect(await ids(publicThreadJson(db, SLUG, Date.now() + THREAD_CACHE_MS + 1))).toEqual(['first', 'second', 'third']);
  });

  test('concurrent misses share one read', async () => {
    const [a, b] = [publicThreadJson(db, SLUG), publicThreadJson(db, SLUG)];
    expect(a).toBe(b);
    expect(await a).toBe(await b);
  });

  test('a read still running when a write lands is not kept', async () => {
    const racing = publicThreadJson(db, SLUG);
    await add('second');
    forgetThread(db, SLUG);
    expect(await ids(publicThreadJson(db, SLUG))).toEqual(['first', 'second']);
    await racing;
    expect(await ids(publicThreadJson(db, SLUG))).toEqual(['first', 'second']);
  });

  test('a finished read is published for the HTTP server to answer from memory, and a write withdraws it', async () => {
    const path = threadApiPath(SLUG);
    expect(path).toBe('/api/posts/docker-and-hyper/comments');
    forgetThread(db, SLUG);
    expect(publishedAnswer(path)).toBeUndefined();
    const json = await publicThreadJson(db, SLUG);
    await Promise.resolve();
    expect(publishedAnswer(path)).toBe(json);
    forgetThread(db, SLUG);
    expect(publishedAnswer(path)).toBeUndefined();
  });

  test('a read overtaken by a write is not published', async () => {
    const racing = publicThreadJson(db, SLUG);
    forgetThread(db, SLUG);
    await racing;
    await Promise.resolve();
    expect(publishedAnswer(threadApiPath(SLUG))).toBeUndefined();
  });

  test('a slug outside ASCII is published under its percent-encoded path', () => {
    expect(threadApiPath('对照')).toBe('/api/posts/%E5%AF%B9%E7%85%A7/comments');
  });

  test('keeps each post apart', async () => {
    await add('elsewhere', { postSlug: 'other-post' });
    expect(await ids(publicThreadJson(db, 'other-post'))).toEqual(['elsewhere']);
    expect(await ids(publicThreadJson(db, SLUG))).toEqual(['first']);
  });
});
