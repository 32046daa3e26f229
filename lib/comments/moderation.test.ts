import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import type { Db } from '../db/client';
import { createTestSqlite, type TestDatabase } from '../db/test-databases';
import { moderateAsAdmin, moderationFormSchema } from './moderation';
import { countComments, listComments, moderationQueue } from './queries';
import { anonymousViewer } from './types';

describe('the comment moderation form', () => {
  test('reads a moderation form and refuses a tampered one', () => {
    expect(moderationFormSchema.parse({ locale: 'en', id: 'abc_DEF-1', decision: 'spam' })).toEqual({ locale: 'en', id: 'abc_DEF-1', decision: 'spam' });
    expect(moderationFormSchema.safeParse({ locale: 'fr', id: 'abc', decision: 'spam' }).success).toBe(false);
    expect(moderationFormSchema.safeParse({ locale: 'en', id: 'a b', decision: 'spam' }).success).toBe(false);
    expect(moderationFormSchema.safeParse({ locale: 'en', id: 'abc', decision: 'ban' }).success).toBe(false);
  });
});

describe('moderation on SQLite', () => {
  let database: TestDatabase;
  let db: Db;
  const admin = () => ({ db, isAdmin: true });

  beforeEach(async () => {
    await database?.drop();
    database = await createTestSqlite();
    db = database.db;
    const base = { postSlug: 'docker-and-hyper', email: null, website: null, lang: 'zh', ipHash: 'h', bodyHtml: '<p>x</p>' };
    await db.comment.create({ data: { ...base, id: 'waiting', authorName: '等待', bodySource: '待审核', status: 'pending', createdAt: new Date('2024-01-01T00:00:00Z') } });
    await db.comment.create({ data: { ...base, id: 'parent', authorName: 'Parent', bodySource: 'parent', status: 'published', flagCount: 1, createdAt: new Date('2024-01-02T00:00:00Z') } });
    await db.comment.create({ data: { ...base, id: 'child', parentId: 'parent', authorName: 'Child', bodySource: 'child', status: 'published', createdAt: new Date('2024-01-03T00:00:00Z') } });
    await db.commentFlag.create({ data: { commentId: 'parent', reporterHash: 'r1' } });
  });
  afterAll(async () => {
    await database?.drop();
  });

  test('the queue holds pending and flagged comments', async () => {
    expect((await moderationQueue(db)).map((comment) => comment.id).sort()).toEqual(['parent', 'waiting']);
  });

  test('a reader who is not signed in as the admin changes nothing', async () => {
    await expect(moderateAsAdmin({ db, isAdmin: false }, 'waiting', 'approve')).rejects.toMatchObject({ code: 'admin.unauthorized', status: 401 });
    await expect(moderateAsAdmin({ db, isAdmin: false }, 'parent', 'delete')).rejects.toMatchObject({ code: 'admin.unauthorized' });
    expect(await db.comment.findUniqueOrThrow({ where: { id: 'waiting' } })).toMatchObject({ status: 'pending' });
    expect(await db.comment.count()).toBe(3);
  });

  test('approve publishes a pending comment and clears a flagged one', async () => {
    expect(await moderateAsAdmin(admin(), 'waiting', 'approve')).toEqual({ slug: 'docker-and-hyper' });
    await moderateAsAdmin(admin(), 'parent', 'approve');
    expect(await db.comment.findUniqueOrThrow({ where: { id: 'waiting' } })).toMatchObject({ status: 'published', flagCount: 0 });
    expect(await db.comment.findUniqueOrThrow({ where: { id: 'parent' } })).toMatchObject({ status: 'published', flagCount: 0 });
    expect(await db.commentFlag.count()).toBe(0);
    expect((await listComments(db, 'docker-and-hyper', anonymousViewer)).map((comment) => comment.id)).toContain('waiting');
    expect(await moderationQueue(db)).toEqual([]);
  });

  test('spam hides a comment from readers and from the counts', async () => {
    await moderateAsAdmin(admin(), 'parent', 'spam');
    expect(await db.comment.findUniqueOrThrow({ where: { id: 'parent' } })).toMatchObject({ status: 'spam', flagCount: 0 });
    expect((await listComments(db, 'docker-and-hyper', anonymousViewer)).map((comment) => comment.id)).toEqual(['child']);
    expect(await countComments(db, ['docker-and-hyper'])).toEqual({ 'docker-and-hyper': 1 });
  });

  test('delete leaves a placeholder when replies exist, and removes the row when none do', async () => {
    await moderateAsAdmin(admin(), 'parent', 'delete');
    expect(await db.comment.findUniqueOrThrow({ where: { id: 'parent' } })).toMatchObject({ deleted: true, authorName: '', bodySource: '', bodyHtml: '' });
    const thread = await listComments(db, 'docker-and-hyper', anonymousViewer);
    expect(thread.map((comment) => [comment.id, comment.deleted])).toEqual([
      ['parent', true],
      ['child', false],
    ]);
    await moderateAsAdmin(admin(), 'waiting', 'delete');
    expect(await db.comment.findUnique({ where: { id: 'waiting' } })).toBeNull();
  });

  test('a comment that is gone is reported as such', async () => {
    await expect(moderateAsAdmin(admin(), 'nobody', 'approve')).rejects.toMatchObject({ code: 'comment.notFound' });
    await moderateAsAdmin(admin(), 'parent', 'delete');
    await expect(moderateAsAdmin(admin(), 'parent', 'approve')).rejects.toMatchObject({ code: 'comment.notFound' });
  });
});
