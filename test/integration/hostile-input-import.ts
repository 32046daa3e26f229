/**
 * The hostile-input payloads as comments moved in from another system: a Waline export whose
 * names, websites and bodies are the payloads, imported with `npm run comments:import` (as
 * test/integration/comments-import.test.ts runs it) into the suite's database before its server
 * starts. Thirty to a conversation, so that they take few pages. Read back: names and websites
 * through the API, the stored markdown with SQL (the API gives it only to a comment's author).
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { query, type TempDatabase } from './databases';
import { Reader } from './http-client';
import { expectedImportBody, expectedImportName, expectedImportWebsite } from './hostile-input-oracle';
import type { Payload } from './hostile-input-payloads';
import { THREAD_PATH } from './hostile-input-writes';
import { ROOT } from './server';

const PER_CONVERSATION = 30;
const SEED_POST_URL = '/2016/05/20/docker-and-hyper.html';

export const importedId = (payload: Payload) => `wl-hostile-${payload.id}`;
/** Bodies get the payload's number, so none is another's (or an API comment's) duplicate. */
export const importedBody = (payload: Payload) => `${payload.text}\n\n⇲ ${payload.id}`;

export function writeWalineExport(file: string, payloads: readonly Payload[]): void {
  const comments = payloads.map((payload, index) => {
    const first = payloads[index - (index % PER_CONVERSATION)];
    return {
      objectId: `hostile-${payload.id}`,
      nick: payload.text,
      mail: '',
      link: payload.text,
      comment: importedBody(payload),
      url: SEED_POST_URL,
      status: 'approved',
      ...(first && first !== payload ? { pid: `hostile-${first.id}`, rid: `hostile-${first.id}` } : {}),
      // Older than anything written through the API: the imported conversations come last, newest first.
      insertedAt: new Date(Date.UTC(2016, 5, 1, 0, 0, payload.id)).toISOString(),
    };
  });
  writeFileSync(file, JSON.stringify({ type: 'waline', version: 1, time: Date.now(), tables: ['Comment'], data: { Comment: comments, Users: [] } }));
}

/** `npm run comments:import -- <file>` into the database, with the seed site's posts. */
export function runImport(file: string, database: TempDatabase): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '-s', 'comments:import', '--', file], {
      cwd: ROOT,
      env: { ...process.env, CONTENT_DIR: path.join(ROOT, 'content', 'posts'), DATABASE_URL: database.url, INIT_CWD: ROOT },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
}

const storedRow = z.object({ id: z.string(), bodySource: z.string() });
const publicComment = z.looseObject({ id: z.string(), author: z.string(), website: z.string().nullable() });

/** Compares every imported comment with the oracle; returns how many websites were dropped. */
export async function checkImported(baseUrl: string, database: TempDatabase, payloads: readonly Payload[], problems: string[]): Promise<{ websitesDropped: number }> {
  const sql = `SELECT "id", "bodySource" FROM "Comment" WHERE "ipHash" = 'imported:waline'`;
  const bodies = new Map(z.array(storedRow).parse(await query(database, sql)).map((row) => [row.id, row.bodySource]));
  const thread = z.looseObject({ comments: z.array(publicComment) }).parse((await new Reader(baseUrl).get(THREAD_PATH)).json);
  const shown = new Map(thread.comments.map((comment) => [comment.id, comment]));
  let websitesDropped = 0;
  for (const payload of payloads) {
    const id = importedId(payload);
    const say = (what: string) => problems.push(`imported payload ${payload.id} ${JSON.stringify(payload.text.slice(0, 60))}: ${what}`);
    const comment = shown.get(id);
    if (!comment) {
      say('not in the thread');
      continue;
    }
    const name = expectedImportName(payload.text);
    const website = expectedImportWebsite(payload.text);
    const body = expectedImportBody(importedBody(payload));
    if (website === null && payload.text.trim() !== '') websitesDropped += 1;
    if (comment.author !== name) say(`name read back ${JSON.stringify(comment.author)}, expected ${JSON.stringify(name)}`);
    if (comment.website !== website) say(`website read back ${JSON.stringify(comment.website)}, expected ${JSON.stringify(website)}`);
    if (bodies.get(id) !== body) say(`body stored ${JSON.stringify(bodies.get(id)?.slice(0, 80))}, expected ${JSON.stringify(body.slice(0, 80))}`);
  }
  return { websitesDropped };
}
