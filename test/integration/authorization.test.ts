/**
 * The authorization matrix, over real HTTP on SQLite: what a reader wrote (a comment, a private
 * note), tried by everyone who is not its author and not the admin: a stranger without cookies,
 * another reader with cookies of their own, someone holding the author's cookies under the wrong
 * names, and forged admin cookies. Every cell must be refused (4xx), nothing may change, and the
 * matrix is printed as a table. The author's own access is checked last, so a refusal proves the
 * rule and not a broken route.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { createTempDatabase, type TempDatabase } from './databases';
import { Reader } from './http-client';
import { seedNote } from './seed-note';
import { OPEN_POST, READY_TIMEOUT_MS, startServer, type RunningServer } from './server';

const created = z.object({ comment: z.object({ id: z.string() }) });
const noteCreated = z.object({ id: z.string() });
const note = (visibility: 'public' | 'private', text: string) => seedNote(text, visibility);

describe('the authorization matrix', () => {
  let database: TempDatabase;
  let server: RunningServer;
  let author: Reader;
  let comment = '';
  let privateNote = '';
  let publicNote = '';

  beforeAll(async () => {
    database = await createTempDatabase('sqlite');
    server = await startServer({ databaseUrl: database.url, label: 'sqlite (authorization)', env: { ADMIN_TOKEN: 'authorization-matrix-admin-token' } });
    author = new Reader(server.baseUrl);
    comment = created.parse((await author.post(`/api/posts/${OPEN_POST}/comments`, { author: 'Author', body: 'Only mine to change' })).json).comment.id;
    privateNote = new URL(noteCreated.parse((await author.post(`/api/posts/${OPEN_POST}/annotations`, note('private', 'Only mine to read'))).json).id).pathname;
    publicNote = new URL(noteCreated.parse((await author.post(`/api/posts/${OPEN_POST}/annotations`, note('public', 'Everyone reads, only I change'))).json).id).pathname;
  }, READY_TIMEOUT_MS + 60_000);

  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  }, 60_000);

  test('every cell is refused, and nothing changes', async () => {
    const another = new Reader(server.baseUrl);
    created.parse((await another.post(`/api/posts/${OPEN_POST}/comments`, { author: 'Another', body: 'A comment of my own' })).json);
    noteCreated.parse((await another.post(`/api/posts/${OPEN_POST}/annotations`, note('private', 'A note of my own'))).json);
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
    };
    const edit = { body: { type: 'TextualBody', value: 'Not yours', format: 'text/markdown' } };
    const actions: Record<string, (reader: Reader) => Promise<number>> = {
      'edit the comment': async (reader) => (await reader.patch(`/api/comments/${comment}`, { body: 'Not yours' })).status,
      'delete the comment': async (reader) => (await reader.delete(`/api/comments/${comment}`)).status,
      'read the private note': async (reader) => (await reader.get(privateNote)).status,
      'edit the private note': async (reader) => (await reader.patch(privateNote, edit)).status,
      'edit the public note': async (reader) => (await reader.patch(publicNote, edit)).status,
      'replace the public note': async (reader) => (await reader.request('PUT', publicNote, { json: { ...note('public', 'Not yours') } })).status,
      'delete the public note': async (reader) => (await reader.delete(publicNote)).status,
      'moderate the public note': async (reader) => (await reader.patch(publicNote, { status: 'spam' })).status,
      'open the moderation queue': async (reader) => {
        const page = await reader.get('/zh/admin', { headers: { accept: 'text/html' } });
        // The queue is behind the sign-in: a page that asks for the token is a refusal.
        return page.text.includes('name="token"') ? 401 : page.status;
      },
    };

    const table: string[][] = [['', ...Object.keys(actors)]];
    const allowed: string[] = [];
    for (const [action, run] of Object.entries(actions)) {
      const row = [action];
      for (const [actor, reader] of Object.entries(actors)) {
        const status = await run(reader());
        row.push(String(status));
        if (status < 400 || status >= 500) allowed.push(`${actor} may ${action} (${status})`);
      }
      table.push(row);
    }
    const widths = table[0]?.map((_, column) => Math.max(...table.map((row) => (row[column] ?? '').length))) ?? [];
    console.log(`[integration] authorization matrix, ${(table.length - 1) * ((table[0]?.length ?? 1) - 1)} cells (HTTP status of each attempt):\n${table.map((row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ')).join('\n')}`);
    expect(allowed).toEqual([]);

    // Nothing changed, and the author still may do all of it.
    expect((await author.get(privateNote)).status).toBe(200);
    expect((await author.patch(publicNote, edit)).status).toBe(200);
    expect((await author.patch(`/api/comments/${comment}`, { body: 'Still mine' })).status).toBe(200);
    expect((await author.delete(`/api/comments/${comment}`)).status).toBe(200);
  });
});
