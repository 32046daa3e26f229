import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import type { Db } from '../db/client';
import { createTestSqlite, type TestDatabase } from '../db/test-databases';
import { moderateNote, noteModerationFormSchema, publicNotesForReview } from './moderation';

describe('moderating reader notes', () => {
  let database: TestDatabase;
  let db: Db;
  const admin = () => ({ db, isAdmin: true });
  const note = (id: string, extra: Record<string, unknown> = {}) =>
    db.note.create({
      data: {
        id,
        postSlug: 'docker-and-hyper',
        readerId: 'reader-1',
        addressHash: 'h',
        visibility: 'public',
        layer: 'zh',
        blockId: 'top-p1',
        start: 0,
        end: 4,
        exact: '每逢考试',
        prefix: '',
        suffix: '就要作死',
        bodySource: id,
        bodyHtml: `<p>${id}</p>`,
        lang: 'en',
        createdAt: new Date(Date.UTC(2024, 0, 1, 0, 0, Number(id.replace(/\D/g, '')) || 0)),
        ...extra,
      },
    });

  beforeEach(async () => {
    await database?.drop();
    database = await createTestSqlite();
    db = database.db;
    await note('public1');
    await note('public2');
    await note('private3', { visibility: 'private' });
    await note('reply4', { parentId: 'public1', layer: null, blockId: null, start: null, end: null, exact: null, prefix: null, suffix: null });
  });
  afterAll(async () => {
    await database?.drop();
  });

  test('the page lists public notes and replies, newest first, never a private one', async () => {
    expect((await publicNotesForReview(db)).map((each) => each.id)).toEqual(['reply4', 'public2', 'public1']);
  });

  test('spam hides a note from readers and from the list', async () => {
    await moderateNote(admin(), 'public2', 'spam');
    expect(await db.note.findUniqueOrThrow({ where: { id: 'public2' } })).toMatchObject({ status: 'spam', bodySource: 'public2' });
    expect((await publicNotesForReview(db)).map((each) => each.id)).not.toContain('public2');
  });

  test('delete removes a note, or leaves a placeholder when it has replies', async () => {
    await moderateNote(admin(), 'public2', 'delete');
    expect(await db.note.findUnique({ where: { id: 'public2' } })).toBeNull();
    await moderateNote(admin(), 'public1', 'delete');
    expect(await db.note.findUniqueOrThrow({ where: { id: 'public1' } })).toMatchObject({ deleted: true, bodySource: '' });
  });

  test('only the admin decides, and private notes are out of reach', async () => {
    await expect(moderateNote({ db, isAdmin: false }, 'public1', 'delete')).rejects.toMatchObject({ code: 'admin.unauthorized', status: 401 });
    await expect(moderateNote(admin(), 'private3', 'delete')).rejects.toMatchObject({ code: 'annotation.notFound' });
    expect(await db.note.count()).toBe(4);
  });

  test('reads a moderation form and refuses a tampered one', () => {
    expect(noteModerationFormSchema.parse({ locale: 'zh', id: 'abc_1', decision: 'spam' })).toEqual({ locale: 'zh', id: 'abc_1', decision: 'spam' });
    expect(noteModerationFormSchema.safeParse({ locale: 'zh', id: 'abc', decision: 'approve' }).success).toBe(false);
    expect(noteModerationFormSchema.safeParse({ locale: 'zh', id: 'a b', decision: 'delete' }).success).toBe(false);
  });
});
