/**
 * Write storms against the real production server over HTTP, once on SQLite and once on
 * PostgreSQL.
 *
 * 50 readers, each with its own cookies and client address, write 40 comments each to one post,
 * all at the same time; every fourth comment of each is a reply to a comment some writer already
 * had acknowledged. All 2,000 are acknowledged with 201 and stored once each (read back page by
 * page through the API, and with SQL), each reply under the parent it was sent to.
 *
 * Then a storm is cut short by SIGKILL to the server, and the server is started again on the same
 * database: every comment acknowledged before the kill is there with its id and body, and the
 * database passes its integrity checks. Writes that got no answer may or may not be stored; how
 * many were is printed.
 */
import { threadApiPath } from '../../lib/comments/paths';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { databasePool, postgresUnavailableReason, PROVIDERS, query, type TempDatabase } from './databases';
import { freshAddress, Reader, type ApiResponse } from './http-client';
import { LIMITS_OFF_ENV, OPEN_POST, READY_TIMEOUT_MS, startServer, type RunningServer } from './server';

const pgUnavailable = await postgresUnavailableReason();

const SERVER_HOOK_TIMEOUT = READY_TIMEOUT_MS + 60_000;
const WRITERS = 50;
const COMMENTS_PER_WRITER = 40;
const TOTAL = WRITERS * COMMENTS_PER_WRITER;
const REPLY_EVERY = 4;
/** 2,000 writes on two shared cores, then the thread read back page by page. */
const STORM_TIMEOUT = 360_000;
const CRASH_WRITERS = 8;
const KILL_AFTER = 120;
/** A bound on each crash writer, should the kill never come. */
const CRASH_WRITES_MAX = 1_000;

// The per-address allowance is not what this file tests (comments-api.test.ts does): with the
// defaults, a reader's 4th comment in a minute would be refused. Each writer still comes from an
// address of its own, believed from the local proxy.
const STORM_ENV = { TRUSTED_PROXIES: '127.0.0.1', ...LIMITS_OFF_ENV };

const THREAD_PATH = threadApiPath(OPEN_POST);

const commentAnswer = z.object({ comment: z.looseObject({ id: z.string(), parentId: z.string().nullable() }) });
const pageComment = z.looseObject({ id: z.string(), parentId: z.string().nullable(), bodyHtml: z.string() });
const pageAnswer = z.looseObject({ comments: z.array(pageComment), count: z.number(), page: z.number(), pages: z.number() });
const threadAnswer = z.looseObject({ comments: z.array(pageComment), count: z.number() });
const countsAnswer = z.object({ counts: z.record(z.string(), z.number()) });
const storedRow = z.object({ id: z.string(), parentId: z.string().nullable(), bodySource: z.string() });
const countRow = z.object({ rows: z.coerce.number() });
const perPostRow = z.object({ postSlug: z.string(), rows: z.coerce.number() });

type PageComment = z.infer<typeof pageComment>;
type StoredRow = z.infer<typeof storedRow>;
type Sent = { body: string; parentId: string | null };
type Acknowledged = Sent & { id: string; answeredParentId: string | null };
type Outcome = { kind: 'acknowledged'; comment: Acknowledged } | { kind: 'refused'; status: number; text: string } | { kind: 'unanswered'; error: string };

/** A tag of its own per storm, so its comments are told apart from everything else on the post. */
const stormTag = () => randomBytes(5).toString('hex');
const stormBody = (tag: string, writer: number, n: number) => `写入风暴 ${tag} 读者 ${writer} 第 ${n} 条`;

async function send(reader: Reader, sent: Sent): Promise<Outcome> {
  let response: ApiResponse;
  try {
    response = await reader.post(THREAD_PATH, { author: '压测读者', body: sent.body, ...(sent.parentId === null ? {} : { parentId: sent.parentId }) });
  } catch (error) {
    return { kind: 'unanswered', error: error instanceof Error ? `${error.message}${error.cause instanceof Error ? `: ${error.cause.message}` : ''}` : String(error) };
  }
  if (response.status !== 201) return { kind: 'refused', status: response.status, text: response.text.slice(0, 300) };
  const { comment } = commentAnswer.parse(response.json);
  return { kind: 'acknowledged', comment: { ...sent, id: comment.id, answeredParentId: comment.parentId } };
}

/** `?` in SQLite, `$n` in PostgreSQL. */
const placeholder = (database: TempDatabase, n: number) => (database.provider === 'sqlite' ? '?' : `$${n}`);

async function storedWithTag(database: TempDatabase, tag: string): Promise<StoredRow[]> {
  const sql = `SELECT "id", "parentId", "bodySource" FROM "Comment" WHERE "postSlug" = ${placeholder(database, 1)} AND "bodySource" LIKE ${placeholder(database, 2)}`;
  return z.array(storedRow).parse(await query(database, sql, [OPEN_POST, `%${tag}%`]));
}

async function rowsOfPost(database: TempDatabase): Promise<number> {
  const [row] = z.array(countRow).parse(await query(database, `SELECT COUNT(*) AS "rows" FROM "Comment" WHERE "postSlug" = ${placeholder(database, 1)}`, [OPEN_POST]));
  return row?.rows ?? 0;
}

/** Every page of the thread, oldest conversation first, as a reader without cookies gets it. */
async function walkThread(baseUrl: string): Promise<{ comments: PageComment[]; pages: number; count: number }> {
  const page = async (n: number) => {
    const response = await new Reader(baseUrl).get(`${THREAD_PATH}?order=oldest&page=${n}`);
    expect(response.status, response.text.slice(0, 300)).toBe(200);
    return pageAnswer.parse(response.json);
  };
  const first = await page(1);
  const comments = [...first.comments];
  for (let n = 2; n <= first.pages; n += 1) {
    const next = await page(n);
    expect({ page: next.page, pages: next.pages, count: next.count }).toEqual({ page: n, pages: first.pages, count: first.count });
    comments.push(...next.comments);
  }
  return { comments, pages: first.pages, count: first.count };
}

/**
 * The checks a database must pass after a crash: the engine's own on SQLite, and on both that no
 * reply lost its parent, no flag its comment, no post two comments with one body, and that the
 * count the API gives per post is the rows' count.
 */
async function expectIntact(database: TempDatabase, baseUrl: string): Promise<void> {
  if (database.provider === 'sqlite') {
    expect(await query(database, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(await query(database, 'PRAGMA foreign_key_check')).toEqual([]);
  } else {
    expect(await query(database, 'SELECT indexrelid::regclass::text AS "index" FROM pg_index WHERE NOT indisvalid OR NOT indisready')).toEqual([]);
  }
  const orphanReplies = await query(
    database,
    'SELECT c."id" FROM "Comment" c LEFT JOIN "Comment" p ON p."id" = c."parentId" WHERE c."parentId" IS NOT NULL AND (p."id" IS NULL OR p."postSlug" <> c."postSlug")',
  );
  expect(orphanReplies, 'replies whose parent is missing or on another post').toEqual([]);
  const orphanFlags = await query(database, 'SELECT f."commentId" FROM "CommentFlag" f LEFT JOIN "Comment" c ON c."id" = f."commentId" WHERE c."id" IS NULL');
  expect(orphanFlags, 'flags of comments that do not exist').toEqual([]);
  const sameBody = await query(database, 'SELECT "postSlug", "bodyHash" FROM "Comment" WHERE "bodyHash" IS NOT NULL GROUP BY "postSlug", "bodyHash" HAVING COUNT(*) > 1');
  expect(sameBody, 'two comments with one body on a post').toEqual([]);

  const perPost = z
    .array(perPostRow)
    .parse(await query(database, `SELECT "postSlug", COUNT(*) AS "rows" FROM "Comment" WHERE "status" = 'published' AND NOT "deleted" GROUP BY "postSlug"`));
  const rows = Object.fromEntries([[OPEN_POST, 0], ...perPost.map((row) => [row.postSlug, row.rows])]);
  const counts = await new Reader(baseUrl).get(`/api/comments/count?slugs=${Object.keys(rows).join(',')}`);
  expect(counts.status, counts.text).toBe(200);
  expect(countsAnswer.parse(counts.json).counts).toEqual(rows);
  const thread = await new Reader(baseUrl).get(THREAD_PATH);
  expect(thread.status, thread.text.slice(0, 300)).toBe(200);
  expect(threadAnswer.parse(thread.json).count).toBe(rows[OPEN_POST]);
}

const tally = (outcomes: Outcome[]) => {
  const counted: Record<string, number> = {};
  for (const outcome of outcomes) {
    const key = outcome.kind === 'refused' ? String(outcome.status) : outcome.kind === 'acknowledged' ? '201' : 'no answer';
    counted[key] = (counted[key] ?? 0) + 1;
  }
  return counted;
};

describe.each(PROVIDERS)('write storms over HTTP on %s', (provider) => {
  const unavailable = provider === 'postgres' ? pgUnavailable : null;
  if (unavailable) console.warn(`[integration] skipping the PostgreSQL write-storm tests: ${unavailable}`);

  describe.skipIf(unavailable !== null)(provider, () => {
    const databases = databasePool();
    let database: TempDatabase;
    let server: RunningServer;

    beforeAll(async () => {
      database = await databases.create(provider);
      server = await startServer({ databaseUrl: database.url, env: STORM_ENV, label: `${provider} write storm` });
    }, SERVER_HOOK_TIMEOUT);

    afterAll(async () => {
      await server?.stop();
      await databases.dropAll();
    }, 60_000);

    test(`${WRITERS} writers × ${COMMENTS_PER_WRITER} comments at once: all ${TOTAL} acknowledged, stored once, replies under their parents`, async () => {
      const tag = stormTag();
      const rowsBefore = await rowsOfPost(database);
      const acknowledged: Acknowledged[] = [];
      const outcomes: Outcome[] = [];
      const writers = Array.from({ length: WRITERS }, () => new Reader(server.baseUrl, { address: freshAddress() }));

      const write = async (reader: Reader, writer: number) => {
        for (let n = 0; n < COMMENTS_PER_WRITER; n += 1) {
          // Any writer's comment may be the parent, so replies cross between readers mid-storm.
          const parent = n % REPLY_EVERY === REPLY_EVERY - 1 ? acknowledged[Math.floor(Math.random() * acknowledged.length)] : undefined;
          const outcome = await send(reader, { body: stormBody(tag, writer, n), parentId: parent?.id ?? null });
          outcomes.push(outcome);
          if (outcome.kind === 'acknowledged') acknowledged.push(outcome.comment);
        }
      };
      const started = performance.now();
      await Promise.all(writers.map((reader, writer) => write(reader, writer)));
      const seconds = (performance.now() - started) / 1000;

      const failures = outcomes.filter((outcome) => outcome.kind !== 'acknowledged');
      expect(tally(outcomes), JSON.stringify(failures.slice(0, 5))).toEqual({ 201: TOTAL });
      expect(new Set(acknowledged.map((comment) => comment.id)).size).toBe(TOTAL);
      const replies = acknowledged.filter((comment) => comment.parentId !== null);
      expect(replies.length).toBeGreaterThan(0);
      expect(acknowledged.filter((comment) => comment.answeredParentId !== comment.parentId)).toEqual([]);

      const walked = await walkThread(server.baseUrl);
      const walkedIds = walked.comments.map((comment) => comment.id);
      expect(walkedIds.length - new Set(walkedIds).size, 'comments shown on two pages').toBe(0);
      const shown = new Map(walked.comments.map((comment) => [comment.id, comment]));
      const shownOfStorm = walked.comments.filter((comment) => comment.bodyHtml.includes(tag));
      expect(shownOfStorm).toHaveLength(TOTAL);
      expect(new Set(shownOfStorm.map((comment) => comment.bodyHtml)).size, 'two comments of the storm with one body').toBe(TOTAL);
      const missingFromApi = acknowledged.filter((comment) => !shown.get(comment.id)?.bodyHtml.includes(comment.body));
      expect(missingFromApi, 'acknowledged but not in the thread with its body').toEqual([]);
      const misplacedInApi = acknowledged.filter((comment) => shown.get(comment.id)?.parentId !== comment.parentId);
      expect(misplacedInApi, 'not under the parent it was sent to (API)').toEqual([]);
      expect(walked.count).toBe(rowsBefore + TOTAL);

      const stored = await storedWithTag(database, tag);
      expect(stored).toHaveLength(TOTAL);
      expect(new Set(stored.map((row) => row.bodySource)).size, 'two stored comments with one body').toBe(TOTAL);
      const rows = new Map(stored.map((row) => [row.id, row]));
      expect(acknowledged.filter((comment) => rows.get(comment.id)?.bodySource !== comment.body), 'acknowledged but not stored with its body').toEqual([]);
      const linked = acknowledged.filter((comment) => comment.parentId !== null && rows.get(comment.id)?.parentId === comment.parentId);
      expect(acknowledged.filter((comment) => rows.get(comment.id)?.parentId !== comment.parentId), 'not under the parent it was sent to (SQL)').toEqual([]);
      expect(await rowsOfPost(database), 'rows on the post besides the storm').toBe(rowsBefore + TOTAL);

      console.log(
        `[integration] ${provider}: ${WRITERS} writers × ${COMMENTS_PER_WRITER} comments at once: ${acknowledged.length} acknowledged, ` +
          `${stored.length} stored (API ${shownOfStorm.length} over ${walked.pages} pages, SQL ${stored.length}), ${linked.length}/${replies.length} replies linked, ` +
          `${seconds.toFixed(1)} s, ${(TOTAL / seconds).toFixed(1)} comments/s`,
      );
    }, STORM_TIMEOUT);

    test('kill -9 during a write storm, then a restart on the same database: every acknowledged comment is there, and the database is intact', async () => {
      const tag = stormTag();
      const acknowledged: Acknowledged[] = [];
      const refused: Outcome[] = [];
      const unanswered: Sent[] = [];
      let killed: Promise<void> | null = null;
      const victim = server;

      const write = async (writer: number) => {
        const reader = new Reader(victim.baseUrl, { address: freshAddress() });
        for (let n = 0; n < CRASH_WRITES_MAX && killed === null; n += 1) {
          const parent = n % REPLY_EVERY === REPLY_EVERY - 1 ? acknowledged[Math.floor(Math.random() * acknowledged.length)] : undefined;
          const sent = { body: stormBody(tag, writer, n), parentId: parent?.id ?? null };
          const outcome = await send(reader, sent);
          if (outcome.kind === 'acknowledged') {
            acknowledged.push(outcome.comment);
            // Killed from the writer that sees the threshold, so the other writers' requests are mid-way.
            if (acknowledged.length >= KILL_AFTER && killed === null) killed = victim.kill9();
          } else if (outcome.kind === 'unanswered') {
            unanswered.push(sent);
            return;
          } else {
            refused.push(outcome);
          }
        }
      };
      await Promise.all(Array.from({ length: CRASH_WRITERS }, (_, writer) => write(writer)));
      expect(killed, `the storm ended before ${KILL_AFTER} acknowledgements: ${acknowledged.length}, refused ${JSON.stringify(refused.slice(0, 5))}`).not.toBeNull();
      await killed;
      expect(refused, 'answers other than 201 before the kill').toEqual([]);
      expect(unanswered.length, 'writes in flight at the kill').toBeGreaterThan(0);

      server = await startServer({ databaseUrl: database.url, env: STORM_ENV, label: `${provider} write storm (restarted after kill -9)` });

      const stored = new Map((await storedWithTag(database, tag)).map((row) => [row.id, row]));
      const lost = acknowledged.filter((comment) => stored.get(comment.id)?.bodySource !== comment.body);
      expect(lost, 'acknowledged with 201 before the kill, missing after the restart').toEqual([]);
      expect(acknowledged.filter((comment) => stored.get(comment.id)?.parentId !== comment.parentId), 'not under the parent it was sent to').toEqual([]);
      const shown = new Set(threadAnswer.parse((await new Reader(server.baseUrl).get(THREAD_PATH)).json).comments.map((comment) => comment.id));
      expect(acknowledged.filter((comment) => !shown.has(comment.id)), 'acknowledged but not served after the restart').toEqual([]);
      const storedBodies = new Set([...stored.values()].map((row) => row.bodySource));
      const inFlightStored = unanswered.filter((sent) => storedBodies.has(sent.body)).length;
      // Anything stored of this storm was sent: nothing appears that no writer asked for.
      expect(stored.size).toBe(acknowledged.length + inFlightStored);

      await expectIntact(database, server.baseUrl);
      console.log(
        `[integration] ${provider}: kill -9 during a storm of ${CRASH_WRITERS} writers: ${acknowledged.length} acknowledged (all stored), ` +
          `${unanswered.length} in flight, ${inFlightStored} of those stored`,
      );
    }, SERVER_HOOK_TIMEOUT + 120_000);
  });
});
