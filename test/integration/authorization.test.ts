/**
 * The authorization matrix, over real HTTP on SQLite and on PostgreSQL: what a reader wrote (a
 * comment, a private note, a public note), tried by everyone who is not its author: a stranger
 * without cookies, another reader with cookies of their own, someone holding the author's cookies
 * under the wrong names, forged admin cookies, the copy of an admin cookie whose session signed
 * out, and the admin. Every cell but the admin's must be refused (4xx) and change nothing. The
 * admin may moderate and delete what readers wrote and edit comments (on copies of their own, so
 * the other cells keep their targets), but never rewrites a note and, like everyone, never sees
 * another reader's private note. The
 * matrix is printed as a table. The author's own access is checked last, so a refusal proves the
 * rule and not a broken route.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { signInAsAdmin, signOutAdmin } from './admin-forms';
import { createTempDatabase, postgresUnavailableReason, PROVIDERS, type TempDatabase } from './databases';
import { freshAddress, Reader } from './http-client';
import { seedNote } from './seed-note';
import { OPEN_POST, READY_TIMEOUT_MS, startServer, type RunningServer } from './server';

const ADMIN_TOKEN = 'authorization-matrix-admin-token';
const created = z.object({ comment: z.object({ id: z.string() }) });
const noteCreated = z.object({ id: z.string() });
const note = (visibility: 'public' | 'private', text: string) => seedNote(text, visibility);
const pgUnavailable = await postgresUnavailableReason();

/** What one author wrote: the targets of one column. */
type Targets = { comment: string; privateNote: string; publicNote: string };

async function write(author: Reader, whose = ''): Promise<Targets> {
  const comment = created.parse((await author.post(`/api/posts/${OPEN_POST}/comments`, { author: 'Author', body: `Only mine to change${whose}` })).json).comment.id;
  const notePath = async (visibility: 'public' | 'private', text: string) => new URL(noteCreated.parse((await author.post(`/api/posts/${OPEN_POST}/annotations`, note(visibility, text))).json).id).pathname;
  return { comment, privateNote: await notePath('private', `Only mine to read${whose}`), publicNote: await notePath('public', `Everyone reads, only I change${whose}`) };
}

const edit = { body: { type: 'TextualBody', value: 'Not yours', format: 'text/markdown' } };
const actions: Record<string, (reader: Reader, targets: Targets) => Promise<number>> = {
  'edit the comment': async (reader, { comment }) => (await reader.patch(`/api/comments/${comment}`, { body: 'Not yours' })).status,
  'delete the comment': async (reader, { comment }) => (await reader.delete(`/api/comments/${comment}`)).status,
  'read the private note': async (reader, { privateNote }) => (await reader.get(privateNote)).status,
  'edit the private note': async (reader, { privateNote }) => (await reader.patch(privateNote, edit)).status,
  'edit the public note': async (reader, { publicNote }) => (await reader.patch(publicNote, edit)).status,
  'replace the public note': async (reader, { publicNote }) => (await reader.request('PUT', publicNote, { json: { ...note('public', 'Not yours') } })).status,
  'moderate the public note': async (reader, { publicNote }) => (await reader.patch(publicNote, { status: 'spam' })).status,
  'delete the public note': async (reader, { publicNote }) => (await reader.delete(publicNote)).status,
  'open the moderation queue': async (reader) => {
    const page = await reader.get('/zh/admin', { headers: { accept: 'text/html' } });
    // The queue is behind the sign-in: a page that asks for the token is a refusal.
    return page.text.includes('name="token"') ? 401 : page.status;
  },
};

/**
 * What the admin may do; everything else is refused to the admin too. A note's words are its
 * author's alone (the admin hides or deletes a note, never rewrites it); a comment the admin may
 * edit, as comment systems let moderators do.
 */
const adminMay = new Set(['edit the comment', 'delete the comment', 'moderate the public note', 'delete the public note', 'open the moderation queue']);

describe.each(PROVIDERS)('the authorization matrix on %s', (provider) => {
  const unavailable = provider === 'postgres' ? pgUnavailable : null;
  if (unavailable) console.warn(`[integration] skipping the PostgreSQL authorization matrix: ${unavailable}`);

  describe.skipIf(unavailable !== null)(provider, () => {
    let database: TempDatabase;
    let server: RunningServer;
    let author: Reader;
    let targets: Targets;

    beforeAll(async () => {
      database = await createTempDatabase(provider);
      server = await startServer({ databaseUrl: database.url, label: `${provider} (authorization)`, env: { ADMIN_TOKEN } });
      author = new Reader(server.baseUrl);
      targets = await write(author);
    }, READY_TIMEOUT_MS + 60_000);

    afterAll(async () => {
      await server?.stop();
      await database?.drop();
    }, 60_000);

    test('every cell is refused but what the admin may do, and a refusal changes nothing', async () => {
      const another = new Reader(server.baseUrl);
      created.parse((await another.post(`/api/posts/${OPEN_POST}/comments`, { author: 'Another', body: 'A comment of my own' })).json);
      noteCreated.parse((await another.post(`/api/posts/${OPEN_POST}/annotations`, note('private', 'A note of my own'))).json);

      const admin = await signInAsAdmin(server.baseUrl, ADMIN_TOKEN);
      expect(admin.skip).toBeNull();
      expect(admin.signedIn, 'the admin signed in').toBe(true);
      // An admin session that signed out: its cookie, copied before, is worth nothing after.
      const leaving = freshAddress();
      const signedOut = await signInAsAdmin(server.baseUrl, ADMIN_TOKEN, leaving);
      const copiedCookie = signedOut.browser.cookies.get('duizhao_admin') ?? '';
      expect((await signOutAdmin(server.baseUrl, signedOut.browser, leaving)).status).toBeLessThan(400);

      const actors: Record<string, () => Reader> = {
        stranger: () => new Reader(server.baseUrl),
        'another reader': () => another,
        // The author's cookie values under each other's names: a signature is for one cookie only.
        'swapped cookies': () => {
          const reader = new Reader(server.baseUrl);
          reader.cookies.set('duizhao_reader', author.cookies.get('duizhao_authored') ?? '');
          reader.cookies.set('duizhao_authored', author.cookies.get('duizhao_reader') ?? '');
          return reader;
        },
        'forged admin': () => {
          const reader = new Reader(server.baseUrl);
          reader.cookies.set('duizhao_admin', `admin:${Date.now() + 3_600_000}:made-up:session.x`);
          return reader;
        },
        'reader cookie as admin': () => {
          const reader = new Reader(server.baseUrl);
          reader.cookies.set('duizhao_admin', another.cookies.get('duizhao_reader') ?? '');
          return reader;
        },
        'signed-out admin': () => {
          const reader = new Reader(server.baseUrl);
          reader.cookies.set('duizhao_admin', copiedCookie);
          return reader;
        },
        admin: () => admin.browser,
      };
      // The admin's allowed cells change what they reach: the admin gets targets of its own.
      const adminTargets = await write(author, ' (for the admin to try)');

      const table: string[][] = [['', ...Object.keys(actors)]];
      const wrong: string[] = [];
      for (const [action, run] of Object.entries(actions)) {
        const row = [action];
        for (const [actor, reader] of Object.entries(actors)) {
          const isAdmin = actor === 'admin';
          const status = await run(reader(), isAdmin ? adminTargets : targets);
          const allowed = isAdmin && adminMay.has(action);
          row.push(`${status}${allowed ? ' ok' : ''}`);
          if (status >= 500) wrong.push(`${actor}, ${action}: ${status}`);
          else if (allowed ? status >= 400 : status < 400) wrong.push(`${actor} ${allowed ? 'may not' : 'may'} ${action} (${status})`);
        }
        table.push(row);
      }
      const widths = table[0]?.map((_, column) => Math.max(...table.map((row) => (row[column] ?? '').length))) ?? [];
      const cells = (table.length - 1) * ((table[0]?.length ?? 1) - 1);
      console.log(
        `[integration] ${provider}: authorization matrix, ${cells} cells (HTTP status of each attempt; "ok" where the admin may):\n${table.map((row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ')).join('\n')}`,
      );
      expect(wrong).toEqual([]);

      // Nothing the refusals touched changed, and the author still may do all of it.
      const kept = await author.get(targets.privateNote);
      expect(kept.status).toBe(200);
      expect(kept.text).toContain('Only mine to read');
      expect((await author.get(targets.publicNote)).text).toContain('Everyone reads, only I change');
      expect((await author.patch(targets.publicNote, edit)).status).toBe(200);
      expect((await author.patch(`/api/comments/${targets.comment}`, { body: 'Still mine' })).status).toBe(200);
      expect((await author.delete(`/api/comments/${targets.comment}`)).status).toBe(200);
    });
  });
});
