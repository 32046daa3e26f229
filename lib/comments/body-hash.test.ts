import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../db/client';
import { createTestSqlite, type TestDatabase } from '../db/test-databases';
import { createComment, editComment } from './actions';
import { bodyHashOf } from './body-hash';
import { newCommentSchema } from './schema';
import type { CommentViewer } from './types';

const SLUG = 'docker-and-hyper';
let address = 0;
const context = (viewer: CommentViewer = { authored: new Set(), isAdmin: false }) => ({ slug: SLUG, addressHash: `reader-${(address += 1)}`, viewer });
const input = (body: string) => newCommentSchema.parse({ author: '读者', body });
const refusal = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error);

describe('duplicate comments on a post, found by the hash of the body', () => {
  let database: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    database = await createTestSqlite();
    db = database.db;
  });
  afterAll(async () => {
    await database?.drop();
  });

  test('the hash is SHA-256 of the text exactly as written', () => {
    expect(bodyHashOf('abc')).toBe('ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0');
    expect(bodyHashOf('写一条评论')).not.toBe(bodyHashOf('写一条评论 '));
  });

  test('a second comment with the same body is refused; the stored row carries the hash', async () => {
    const first = await createComment(db, input('同样的一句话'), context());
    expect((await db.comment.findUniqueOrThrow({ where: { id: first.id } })).bodyHash).toBe(bodyHashOf('同样的一句话'));
    expect(await refusal(createComment(db, input('同样的一句话'), context()))).toMatchObject({ code: 'comment.duplicate', status: 409 });
    await expect(createComment(db, input('同样的一句话。'), context())).resolves.toMatchObject({ bodyHtml: '<p>同样的一句话。</p>' });
  });

  test('an edit moves the hash with the text: the old words are free again, the new ones are taken', async () => {
    const first = await createComment(db, input('改之前的说法'), context());
    const author: CommentViewer = { authored: new Set([first.id]), isAdmin: false };
    await editComment(db, first.id, { body: '改之后的说法' }, author);
    await expect(createComment(db, input('改之前的说法'), context())).resolves.toBeDefined();
    expect(await refusal(createComment(db, input('改之后的说法'), context()))).toMatchObject({ code: 'comment.duplicate' });
  });
});
