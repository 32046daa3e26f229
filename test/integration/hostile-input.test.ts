/**
 * Hostile input in every field a reader can write, shown in a real browser, on SQLite and on
 * PostgreSQL, against the production server over HTTP.
 *
 * Each payload (hostile-input-payloads.ts: the XSS corpus, its tripwire variants and what it
 * lacked) goes into a comment's name, website and body, a reply's name and body, a public note's
 * body and tag (hostile-input-writes.ts), and a comment imported from a Waline export
 * (hostile-input-import.ts). Each field is stored as the app's documented cleaning gives it, read
 * back through the API, or refused with a 4xx JSON error with a stable code; never a 5xx.
 *
 * Then headless Chromium opens every page that shows them (hostile-input-pages.ts): the post in
 * each reading mode and locale with JavaScript and without, its notes panel, every page of the
 * comments page and pages opened at single comments, the moderation page as the admin, and the
 * feeds. No dialog, no `__tripwire()` call, no new window, no blocked script (CSP violation), no
 * script-capable markup in what readers wrote. One line of figures is printed per database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { createTempDatabase, postgresUnavailableReason, PROVIDERS, type TempDatabase } from './databases';
import { Reader } from './http-client';
import { launchBrowser, trippedContext, type BrowserTally } from './hostile-input-browser';
import { checkImported, importedId, runImport, writeWalineExport } from './hostile-input-import';
import { expectedTag, FIELDS } from './hostile-input-oracle';
import { visitAdmin, visitCommentPages, visitFeeds, visitPostPages, type PageRun } from './hostile-input-pages';
import { hostilePayloads } from './hostile-input-payloads';
import { checkReadBack, sharedBodies } from './hostile-input-readback';
import { inPool, THREAD_PATH, writePayload, type WrittenPayload } from './hostile-input-writes';
import { LIMITS_OFF_ENV, OPEN_POST, READY_TIMEOUT_MS, startServer, type RunningServer } from './server';

const pgUnavailable = await postgresUnavailableReason();
const payloads = hostilePayloads();
const ADMIN_TOKEN = 'hostile-input-admin-token-4e7b1c90';
const SERVER_ENV = {
  TRUSTED_PROXIES: '127.0.0.1',
  ADMIN_TOKEN,
  ...LIMITS_OFF_ENV,
};
const WRITERS = 8;

const publicThread = z.looseObject({ comments: z.array(z.looseObject({ id: z.string(), author: z.string(), website: z.string().nullable() })) });
const threadPage = z.looseObject({ pages: z.number() });
const notesContainer = z.looseObject({ total: z.number().optional(), partOf: z.looseObject({ total: z.number() }).optional() });

describe.each(PROVIDERS)('hostile input in every field and on every page, on %s', (provider) => {
  const unavailable = provider === 'postgres' ? pgUnavailable : null;
  if (unavailable) console.warn(`[integration] skipping the PostgreSQL hostile-input suite: ${unavailable}`);

  describe.skipIf(unavailable !== null)(provider, () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'duizhao-hostile-'));
    let database: TempDatabase;
    let server: RunningServer;
    let browser: Browser;
    const contexts: BrowserContext[] = [];
    const problems: string[] = [];
    const written: WrittenPayload[] = [];
    const tally: BrowserTally = { pagesOpened: 0, executions: [], violations: [] };
    const refusedByCode: Record<string, number> = {};
    let stored = 0;
    const feedForbidden: string[] = [];

    beforeAll(async () => {
      database = await createTempDatabase(provider);
      const exportFile = path.join(dir, 'waline-hostile.json');
      writeWalineExport(exportFile, payloads);
      const imported = await runImport(exportFile, database);
      expect(imported.code, imported.out).toBe(0);
      expect(imported.out).toContain(`Waline export: ${payloads.length} comments imported`);
      server = await startServer({ databaseUrl: database.url, label: `${provider} (hostile input)`, env: SERVER_ENV });
      browser = await launchBrowser();
    }, READY_TIMEOUT_MS + 120_000);

    afterAll(async () => {
      const refused = Object.entries(refusedByCode).sort(([a], [b]) => (a < b ? -1 : 1)).map(([code, count]) => `${code} ${count}`).join(', ');
      console.log(
        `[integration] hostile input on ${provider}: ${payloads.length} payloads x ${FIELDS.length} fields, ${tally.pagesOpened} pages opened, ` +
          `${stored} stored, ${Object.values(refusedByCode).reduce((sum, count) => sum + count, 0)} refused (${refused || 'none'}), ` +
          `executions ${tally.executions.length}, blocked by CSP ${tally.violations.length}, characters XML forbids in the comments feed ${feedForbidden.length}`,
      );
      await Promise.all(contexts.map((context) => context.close().catch(() => undefined)));
      await browser?.close();
      await server?.stop();
      await database?.drop();
      rmSync(dir, { recursive: true, force: true });
    }, 60_000);

    test('every payload in every field is stored as the app cleans it, or refused with a 4xx and a stable code', async () => {
      written.push(...(await inPool(payloads, WRITERS, (payload) => writePayload(server.baseUrl, payload, problems))));
      const duplicates = sharedBodies(written);
      await inPool(written, WRITERS, (each) => checkReadBack(server.baseUrl, each, duplicates, problems));
      for (const each of written) {
        for (const answer of Object.values(each.answers)) {
          if (answer.kind === 'stored') stored += 1;
          else refusedByCode[answer.code] = (refusedByCode[answer.code] ?? 0) + 1;
        }
      }
      // An import refuses nothing: it cleans names and drops bad websites (counted as stored).
      await checkImported(server.baseUrl, database, payloads, problems);
      stored += payloads.length * 3;
      // Flagged comments are in the moderation queue with the pending ones.
      for (const response of await inPool(written.flatMap((each) => (each.rootId && !each.rootPending ? [each.rootId] : [])), WRITERS, (id) => new Reader(server.baseUrl).post(`/api/comments/${id}/flag`))) {
        if (response.status >= 300) problems.push(`flagging answered ${response.status} ${response.text.slice(0, 200)}`);
      }
      expect(problems).toEqual([]);
    }, 180_000);

    test('no payload runs, and none is shown as markup, on any page that shows them, with JavaScript and without', async () => {
      const base = server.baseUrl;
      const thread = publicThread.parse((await new Reader(base).get(THREAD_PATH)).json);
      const { pages } = threadPage.parse((await new Reader(base).get(`${THREAD_PATH}?page=1`)).json);
      const container = notesContainer.parse((await new Reader(base).get(`/api/posts/${OPEN_POST}/annotations`)).json);
      const tags = written.flatMap((each) => {
        const tag = expectedTag(each.payload.text);
        return each.answers['note.tags']?.kind === 'stored' && 'stored' in tag && tag.stored !== null ? [tag.stored] : [];
      });
      const run: PageRun = {
        tally,
        problems,
        authors: new Map(thread.comments.map((comment) => [comment.id, { author: comment.author, website: comment.website }])),
        tags: new Set(tags),
        notes: container.total ?? container.partOf?.total ?? 0,
        feedForbidden,
      };
      const context = async (javaScriptEnabled: boolean, storageState?: Awaited<ReturnType<BrowserContext['storageState']>>) => {
        const made = await trippedContext(browser, base, tally, { javaScriptEnabled, storageState });
        contexts.push(made);
        return made;
      };
      const withScript = await context(true);
      const withoutScript = await context(false);

      await visitPostPages(withScript, withoutScript, run);
      const middle = written[Math.floor(written.length / 2)];
      const last = payloads.at(-1);
      const atComment = [written[0]?.rootId, middle?.replyId, last && importedId(last)].filter((id): id is string => typeof id === 'string');
      const shown = await visitCommentPages(withScript, withoutScript, run, pages, atComment);
      const queued = await visitAdmin(await context(true), (state) => context(false, state), run, ADMIN_TOKEN);
      const feedEntries = await visitFeeds(withScript, run, base);

      expect(shown / 2, 'every public comment shown once on the comments pages of each locale').toBe(thread.comments.length);
      expect(queued, 'cards on the moderation page').toBeGreaterThan(100);
      expect(feedEntries, 'entries in the comments feed').toBeGreaterThan(0);
      expect({ problems, violations: tally.violations, executions: tally.executions }).toEqual({ problems: [], violations: [], executions: [] });
    }, 300_000);

    // One C0 control character (U+0001-U+0008, U+000B, U+000C, U+000E-U+001F) or U+FFFE/U+FFFF in
    // one comment would make the whole Atom feed malformed XML, which feed readers refuse.
    test('the comments feed stays well-formed XML whatever readers write', () => {
      expect(feedForbidden).toEqual([]);
    });
  });
});
