/**
 * `npm run notes:export` and `npm run notes:import` as a site owner runs them, on SQLite and on
 * PostgreSQL: notes written through the API (on the Chinese and on the English, private, tagged,
 * replies, a placeholder of a deleted note) exported as a W3C AnnotationCollection and imported
 * into an empty database come back as the same notes on the same words; a second import adds
 * nothing; private notes leave only when asked for; and an import from elsewhere reports each note
 * it could not anchor or place.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { createTempDatabase, postgresUnavailableReason, PROVIDERS, query, type TempDatabase } from './databases';
import { Reader } from './http-client';
import { LIMITS_OFF_ENV, OPEN_POST, prepareContentDir, READY_TIMEOUT_MS, ROOT, SITE_URL, startServer, type RunningServer } from './server';
import { seedNote } from './seed-note';

const pgUnavailable = await postgresUnavailableReason();
const CONTAINER = `/api/posts/${OPEN_POST}/annotations/`;
const dir = mkdtempSync(path.join(os.tmpdir(), 'duizhao-notes-transfer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(script: 'notes:export' | 'notes:import', args: string[], databaseUrl: string) {
  const result = spawnSync('npm', ['run', '-s', script, '--', ...args], {
    cwd: ROOT,
    env: { ...process.env, CONTENT_DIR: prepareContentDir(), DATABASE_URL: databaseUrl, SITE_URL, INIT_CWD: ROOT },
    encoding: 'utf8',
    timeout: 180_000,
  });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

const COLUMNS = ['id', 'postSlug', 'parentId', 'visibility', 'layer', 'blockId', 'start', 'end', 'exact', 'prefix', 'suffix', 'bodySource', 'bodyHtml', 'lang', 'tags', 'deleted', 'via', 'canonical', 'createdAt', 'updatedAt'];
const notesOf = (database: TempDatabase) => query(database, `SELECT ${COLUMNS.map((column) => `"${column}"`).join(', ')} FROM "Note" ORDER BY "id"`);
const readersOf = async (database: TempDatabase) => (await query<{ id: string; readerId: string }>(database, 'SELECT "id", "readerId" FROM "Note" WHERE NOT "deleted" ORDER BY "id"')).map((row) => row.readerId);

const collectionSchema = z.object({ type: z.literal('AnnotationCollection'), total: z.number(), first: z.object({ items: z.array(z.object({ id: z.string(), visibility: z.string() })) }) });
const created = z.object({ id: z.string() });

describe.each(PROVIDERS)('notes:export, then notes:import into an empty database, on %s', (provider) => {
  const unavailable = provider === 'postgres' ? pgUnavailable : null;
  if (unavailable) console.warn(`[integration] skipping the PostgreSQL notes transfer tests: ${unavailable}`);

  describe.skipIf(unavailable !== null)(provider, () => {
    let source: TempDatabase | undefined;
    let empty: TempDatabase | undefined;
    let server: RunningServer | undefined;
    const exported = path.join(dir, `${provider}-all.jsonld`);

    beforeAll(async () => {
      source = await createTempDatabase(provider);
      empty = await createTempDatabase(provider);
      server = await startServer({ databaseUrl: source.url, env: { TRUSTED_PROXIES: '127.0.0.1', ...LIMITS_OFF_ENV }, label: `${provider} notes transfer` });
      const author = new Reader(server.baseUrl);
      const post = async (body: object) => {
        const response = await author.post(CONTAINER, body);
        expect(response.status, response.text).toBe(201);
        return created.parse(response.json).id;
      };
      const zh = await post({ ...seedNote('中文批注 **粗体**'), tags: ['容器', 'docker'] });
      await post({ ...seedNote('A private note on the English', 'private'), target: { source: `${SITE_URL}/posts/${OPEN_POST}`, selector: { type: 'TextQuoteSelector', exact: 'kernel features', prefix: 'a few ' } } });
      await post({ ...seedNote('From elsewhere'), id: 'https://elsewhere.example/annotations/7', canonical: 'urn:uuid:5b2f3c1e-9d4a-4e6b-8f70-1a2b3c4d5e6f' });
      await post({ type: 'Annotation', motivation: 'replying', body: { type: 'TextualBody', value: '回复一条' }, target: zh });
      const gone = await post(seedNote('会被删掉，但有回复'));
      await post({ type: 'Annotation', motivation: 'replying', body: { type: 'TextualBody', value: '对被删掉的批注的回复' }, target: gone });
      expect((await author.delete(new URL(gone).pathname)).status).toBe(204);
    }, READY_TIMEOUT_MS + 60_000);

    afterAll(async () => {
      await server?.stop();
      await source?.drop();
      await empty?.drop();
    }, 60_000);

    test('export with --private holds every note as one AnnotationCollection; without, the private ones stay', () => {
      const all = run('notes:export', ['--all', '--private', '--out', exported], source?.url ?? '');
      expect(all.code, all.out).toBe(0);
      const collection = collectionSchema.parse(JSON.parse(readFileSync(exported, 'utf8')));
      expect(collection.total).toBe(6);
      expect(collection.first.items.filter((item) => item.visibility === 'private')).toHaveLength(1);
      const open = run('notes:export', ['--post', OPEN_POST], source?.url ?? '');
      expect(open.code, open.out).toBe(0);
      const publicOnly = collectionSchema.parse(JSON.parse(open.out));
      expect(publicOnly.total).toBe(5);
      expect(publicOnly.first.items.every((item) => item.visibility === 'public')).toBe(true);
    });

    test('import into an empty database gives the same notes on the same words, the same threads and the same readers', async () => {
      if (!source || !empty) throw new Error('no databases');
      const imported = run('notes:import', [exported], empty.url);
      expect(imported.code, imported.out).toBe(0);
      expect(imported.out).toContain('6 note(s) imported, 0 already present, 0 not imported.');
      expect(await notesOf(empty)).toEqual(await notesOf(source));
      // One reader wrote them all: still one reader, under a pseudonym (a placeholder of a deleted note names no one).
      expect(new Set(await readersOf(empty)).size).toBe(new Set(await readersOf(source)).size);
    });

    test('a second import adds nothing', async () => {
      if (!empty) throw new Error('no database');
      const before = await notesOf(empty);
      const again = run('notes:import', [exported], empty.url);
      expect(again.code, again.out).toBe(0);
      expect(again.out).toContain('0 note(s) imported, 6 already present, 0 not imported.');
      expect(await notesOf(empty)).toEqual(before);
    });

    test('an import from another server anchors what it can and reports the rest, with why', async () => {
      if (!empty) throw new Error('no database');
      const note = (id: string, source: string, selector: unknown) => ({
        id: `https://other.example/annotations/${id}`,
        type: 'Annotation',
        body: { type: 'TextualBody', value: `Imported ${id}` },
        target: { source, selector },
      });
      const file = path.join(dir, `${provider}-foreign.jsonld`);
      writeFileSync(
        file,
        JSON.stringify({
          '@context': 'http://www.w3.org/ns/anno.jsonld',
          type: 'AnnotationCollection',
          first: {
            type: 'AnnotationPage',
            items: [
              note('found', `https://other.example/posts/${OPEN_POST}`, { type: 'TextQuoteSelector', exact: 'Docker', prefix: '很多人都说' }),
              note('gone', `https://other.example/posts/${OPEN_POST}`, { type: 'TextQuoteSelector', exact: '这句话不在文章里' }),
              note('nowhere', 'https://other.example/posts/no-such-post', { type: 'TextQuoteSelector', exact: 'Docker' }),
              { id: 'https://other.example/annotations/orphan', type: 'Annotation', body: { type: 'TextualBody', value: 'A reply' }, target: 'https://other.example/annotations/gone' },
            ],
          },
        }),
      );
      const result = run('notes:import', [file], empty.url);
      expect(result.code, result.out).toBe(0);
      expect(result.out).toContain('1 note(s) imported, 0 already present, 3 not imported.');
      expect(result.out).toContain('https://other.example/annotations/gone: its words are not in the post');
      expect(result.out).toContain('https://other.example/annotations/nowhere: no post here has that address');
      expect(result.out).toContain('https://other.example/annotations/orphan: the note it replies to is not here');
      const [found] = await query<{ exact: string; blockId: string; start: number; via: string }>(empty, `SELECT "exact", "blockId", "start", "via" FROM "Note" WHERE "id" = 'found'`);
      expect(found).toEqual({ exact: 'Docker', blockId: 'docker-p2', start: 5, via: 'https://other.example/annotations/found' });
    });
  });
});
