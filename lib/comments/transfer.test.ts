import { afterAll, describe, expect, test } from 'vitest';
import type { Db } from '../db/client';
import { createTestPostgres, createTestSqlite, postgresUnavailableReason, type TestDatabase } from '../db/test-databases';
import { CommentImportError, exportComments, importComments, parseCommentExport, serializeCommentExport, type CommentExport } from './transfer';

const EXPORTED_AT = new Date('2024-03-01T12:00:00.000Z');
const at = (iso: string) => new Date(iso);

/**
 * One of everything an export must carry: a thread with a reply, a deleted placeholder that keeps
 * its reply, a pending and a spam comment, CJK text, null and present emails, an edit, flags.
 * Ids mix cases, `-` and `_`, and two comments share a time, so ordering is put to the test.
 */
async function seed(db: Db): Promise<void> {
  const base = { postSlug: 'docker-and-hyper', website: null, editedAt: null, linkCount: 0, flagCount: 0, deleted: false, status: 'published' };
  await db.comment.create({
    data: { ...base, id: 'Root_1', authorName: '张三', email: null, bodySource: '写得好！**容器**与虚拟机', bodyHtml: '<p>写得好！<strong>容器</strong>与虚拟机</p>', lang: 'zh', ipHash: 'hash-a', createdAt: at('2024-01-01T08:00:00.123Z') },
  });
  await db.comment.create({
    data: { ...base, id: 'reply-a', parentId: 'Root_1', authorName: 'Ann', email: 'ann@example.org', website: 'https://ann.example.org', bodySource: 'Agreed, see https://example.org', bodyHtml: '<p>Agreed, see <a href="https://example.org" rel="ugc nofollow noopener">https://example.org</a></p>', lang: 'en', ipHash: 'hash-b', linkCount: 1, createdAt: at('2024-01-01T09:30:00.000Z'), editedAt: at('2024-01-01T09:35:10.500Z') },
  });
  await db.comment.create({
    data: { ...base, id: 'gone', authorName: '', email: null, bodySource: '', bodyHtml: '', lang: 'zh', ipHash: 'hash-c', deleted: true, createdAt: at('2024-01-02T10:00:00.000Z') },
  });
  await db.comment.create({
    data: { ...base, id: 'after-gone', parentId: 'gone', authorName: '李四', email: 'li@example.cn', bodySource: '回复一条已删除的评论', bodyHtml: '<p>回复一条已删除的评论</p>', lang: 'zh', ipHash: 'hash-d', createdAt: at('2024-01-02T11:00:00.000Z') },
  });
  await db.comment.create({
    data: { ...base, id: 'pend', status: 'pending', authorName: 'Linker', email: null, bodySource: 'a https://a.example b https://b.example c https://c.example d https://d.example', bodyHtml: '<p>links</p>', lang: 'en', ipHash: 'hash-e', linkCount: 4, createdAt: at('2024-01-03T00:00:00.000Z') },
  });
  // Same time as `pend`: the id breaks the tie, by code point ('S' < 'p'), whatever the database's collation.
  await db.comment.create({
    data: { ...base, id: 'Spam', status: 'spam', authorName: '广告', email: 'spam@example.com', bodySource: '便宜', bodyHtml: '<p>便宜</p>', lang: 'zh', ipHash: 'hash-f', createdAt: at('2024-01-03T00:00:00.000Z') },
  });
  await db.comment.create({
    data: { ...base, id: 'flagged', authorName: 'Troll', email: null, bodySource: 'meh', bodyHtml: '<p>meh</p>', lang: 'en', ipHash: 'hash-g', flagCount: 2, createdAt: at('2024-01-04T00:00:00.000Z') },
  });
  await db.commentFlag.create({ data: { commentId: 'flagged', reporterHash: 'reader-2', createdAt: at('2024-01-05T00:00:00.000Z') } });
  await db.commentFlag.create({ data: { commentId: 'flagged', reporterHash: 'Reader-1', createdAt: at('2024-01-05T01:00:00.000Z') } });
}

const exportText = async (db: Db) => serializeCommentExport(await exportComments(db, EXPORTED_AT));

const opened: TestDatabase[] = [];
async function track(database: Promise<TestDatabase>): Promise<Db> {
  const ready = await database;
  opened.push(ready);
  return ready.db;
}
afterAll(async () => {
  await Promise.all(opened.map((database) => database.drop()));
});

/** Seeds `source`, exports, imports into the empty `target` (twice), and exports again. */
async function expectLosslessRoundTrip(source: Db, target: Db): Promise<CommentExport> {
  await seed(source);
  const first = await exportText(source);
  const data = parseCommentExport(first);
  expect(await importComments(target, data)).toEqual({ comments: 7, flags: 2 });
  expect(await exportText(target)).toBe(first);
  // Idempotent: a second import changes nothing and adds nothing.
  await importComments(target, data);
  expect(await exportText(target)).toBe(first);
  return data;
}

describe('comments export and import on SQLite', () => {
  test('a round trip through an empty database gives the same JSON, byte for byte', async () => {
    const data = await expectLosslessRoundTrip(await track(createTestSqlite()), await track(createTestSqlite()));
    expect(data.comments.map((comment) => comment.id)).toEqual(['Root_1', 'reply-a', 'gone', 'after-gone', 'Spam', 'pend', 'flagged']);
    expect(data.comments[0]).toEqual({
      id: 'Root_1', postSlug: 'docker-and-hyper', parentId: null, authorName: '张三', email: null, website: null,
      bodySource: '写得好！**容器**与虚拟机', bodyHtml: '<p>写得好！<strong>容器</strong>与虚拟机</p>', lang: 'zh',
      status: 'published', deleted: false, ipHash: 'hash-a', linkCount: 0, flagCount: 0,
      createdAt: '2024-01-01T08:00:00.123Z', editedAt: null,
    });
    expect(data.comments.find((comment) => comment.id === 'gone')).toMatchObject({ deleted: true, authorName: '', bodySource: '' });
    expect(data.comments.map((comment) => comment.status)).toEqual(expect.arrayContaining(['pending', 'spam']));
    expect(data.flags.map((flag) => flag.reporterHash)).toEqual(['Reader-1', 'reader-2']);
  });

  test('an import overwrites changed rows with the file and takes replies listed before their parents', async () => {
    const source = await track(createTestSqlite());
    await seed(source);
    const data = await exportComments(source, EXPORTED_AT);
    const target = await track(createTestSqlite());
    await importComments(target, { ...data, comments: [...data.comments].reverse(), flags: [...data.flags].reverse() });
    await target.comment.update({ where: { id: 'pend' }, data: { status: 'published', bodyHtml: '<p>changed</p>' } });
    await importComments(target, data);
    expect(await exportText(target)).toBe(serializeCommentExport(data));
  });

  test('a reply to a comment already in the database imports on its own', async () => {
    const target = await track(createTestSqlite());
    await seed(target);
    const data = await exportComments(target, EXPORTED_AT);
    const reply = { ...data.comments[1]!, id: 'late-reply', parentId: 'Root_1' };
    expect(await importComments(target, { ...data, comments: [reply], flags: [] })).toEqual({ comments: 1, flags: 0 });
    expect(await target.comment.count()).toBe(8);
  });

  test('an invalid file is refused with the entry named, and nothing is written', async () => {
    const source = await track(createTestSqlite());
    await seed(source);
    const good = await exportComments(source, EXPORTED_AT);
    const target = await track(createTestSqlite());

    const badTime = structuredClone(good) as { comments: Record<string, unknown>[] };
    badTime.comments[1]!.createdAt = 'yesterday';
    expect(() => parseCommentExport(JSON.stringify(badTime))).toThrow(/^comments\[1\] \(id "reply-a"\)\.createdAt: /);

    const badStatus = structuredClone(good) as { comments: Record<string, unknown>[] };
    badStatus.comments[4]!.status = 'hidden';
    expect(() => parseCommentExport(JSON.stringify(badStatus))).toThrow(/comments\[4\] \(id "Spam"\)\.status/);

    expect(() => parseCommentExport('{"version":2')).toThrow(CommentImportError);
    expect(() => parseCommentExport(JSON.stringify({ ...good, version: 2 }))).toThrow(/^version: /);

    const orphan = { ...good, comments: good.comments.filter((comment) => comment.id !== 'Root_1') };
    await expect(importComments(target, orphan)).rejects.toThrow('comments[0] (id "reply-a"): parent "Root_1" is neither in the file nor in the database');

    const twice = { ...good, comments: [...good.comments, good.comments[0]!] };
    await expect(importComments(target, twice)).rejects.toThrow('comments[7] (id "Root_1"): the same id is also comments[0]');

    const loop = { ...good, comments: good.comments.map((comment) => (comment.id === 'Root_1' ? { ...comment, parentId: 'reply-a' } : comment)) };
    await expect(importComments(target, loop)).rejects.toThrow(/replies form a loop/);

    const strayFlag = { ...good, flags: [{ commentId: 'nobody', reporterHash: 'r', createdAt: EXPORTED_AT.toISOString() }] };
    await expect(importComments(target, strayFlag)).rejects.toThrow('flags[0] (comment "nobody"): the comment is neither in the file nor in the database');

    expect(await target.comment.count()).toBe(0);
  });
});

const postgresProblem = await postgresUnavailableReason();
if (postgresProblem) console.warn(`Skipping the PostgreSQL export/import tests: ${postgresProblem}`);
const pgAvailable = postgresProblem === null;

describe('comments export and import on PostgreSQL', () => {
  test.skipIf(!pgAvailable)('a round trip through an empty database gives the same JSON, byte for byte', async () => {
    await expectLosslessRoundTrip(await track(createTestPostgres()), await track(createTestPostgres()));
  });

  test.skipIf(!pgAvailable)('an SQLite export moves to PostgreSQL and exports identically from there', async () => {
    const sqlite = await track(createTestSqlite());
    await seed(sqlite);
    const fromSqlite = await exportText(sqlite);
    const postgres = await track(createTestPostgres());
    await importComments(postgres, parseCommentExport(fromSqlite));
    expect(await exportText(postgres)).toBe(fromSqlite);
  });
});
