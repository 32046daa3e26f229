/**
 * The annotations API (W3C Web Annotation Protocol) over real HTTP, against the real production
 * server, once on SQLite and once on PostgreSQL: notes on the Chinese text and on the English
 * gloss, private notes that exist for their author only, replies, tags, edits and deletion by the
 * author and the admin, and every way a client can send a malformed annotation.
 *
 * The server trusts 127.0.0.1 as a proxy, so each request gives its own client address in
 * X-Forwarded-For (see Reader) and only the rate-limit test pins one address.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { selectAll } from 'hast-util-select';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { annotationDocumentSchema, annotationHtml, annotationPageSchema, annotationTags } from '../../lib/notes/w3c/dto-schema';
import { renderReaderMarkdown } from '../../lib/ugc/render-markdown';
import { storableText } from '../../lib/ugc/text';
import { createTempDatabase, postgresUnavailableReason, PROVIDERS, type TempDatabase } from './databases';
import { freshAddress, privateFields, Reader, type ApiResponse } from './http-client';
import { CLOSED_POST, OPEN_POST, READY_TIMEOUT_MS, ROOT, SITE_URL, startServer, type RunningServer } from './server';

const pgUnavailable = await postgresUnavailableReason();

const SERVER_HOOK_TIMEOUT = READY_TIMEOUT_MS + 60_000;
const ADMIN_TOKEN = 'integration-admin-token-8b1e4d2c';
const MAIN_ENV = { TRUSTED_PROXIES: '127.0.0.1', ADMIN_TOKEN, NOTES_RATE_PER_MINUTE: '4' };
const ANNO = 'http://www.w3.org/ns/anno.jsonld';
const LD_TYPE = `application/ld+json; profile="${ANNO}"`;
/** Written only into private notes of one reader; no one else may ever receive it. */
const PRIVATE_MARK = 'it-private-note-5e0a9c';

const payloads = z
  .array(z.string())
  .parse(JSON.parse(readFileSync(path.join(ROOT, 'test', 'fixtures', 'xss', 'payloads.json'), 'utf8')))
  .filter((payload) => payload.trim() !== '' && Array.from(payload).length <= 2000);

let sequence = 0;
const serial = () => `${Date.now()}${(sequence += 1)}`;
const zhNote = (text = '这里说得很对') => `${text}，编号 ${serial()}`;
const enNote = (text = 'A note in English') => `${text}, number ${serial()}`;

const postIri = (slug = OPEN_POST) => `${SITE_URL}/posts/${slug}`;
const collectionPath = (slug = OPEN_POST) => `/api/posts/${slug}/annotations/`;
const pathOf = (iri: string) => new URL(iri).pathname;

/** `Docker` in block docker-p2 ("很多人都说Docker只不过是把内核的一些特性，...") of the seed post. */
const zhSelectors = () => [
  { type: 'TextQuoteSelector', exact: 'Docker', prefix: '很多人都说', suffix: '只不过是把内核' },
  { type: 'CssSelector', value: '[data-block="docker-p2"]', refinedBy: { type: 'TextPositionSelector', start: 5, end: 11 } },
];
const enSelectors = () => [
  { type: 'CssSelector', value: '#gloss-docker-p2 > .gloss-text', refinedBy: { type: 'TextPositionSelector', start: 68, end: 83 } },
  { type: 'TextQuoteSelector', exact: 'kernel features', prefix: 'a few ', suffix: ', such as' },
];

/** What a note's text is stored as: line breaks as LF, the rest as storableText keeps every text (lib/ugc/text.ts). */
const asStored = (text: string) => storableText(text).replace(/\r\n?/g, '\n');
/** The payload as a tag (tags cannot hold control characters, and have at most 40 characters). */
const tagOf = (payload: string) => {
  const tag = Array.from(payload.normalize('NFC').replace(/[\u0000-\u001f\u007f]+/g, ' ').trim()).slice(0, 40).join('').trim();
  return tag ? [tag] : [];
};

const SAFE_TAGS: ReadonlySet<string> = new Set(['p', 'br', 'em', 'strong', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a']);
const htmlParser = unified().use(rehypeParse, { fragment: true });

/** What in a note's HTML, parsed as a browser would, is outside the comment sanitiser's allowlist. */
function unsafeMarkup(html: string): string[] {
  return selectAll('*', htmlParser.parse(html)).flatMap((element) => {
    const found = SAFE_TAGS.has(element.tagName) ? [] : [`<${element.tagName}>`];
    for (const [name, value] of Object.entries(element.properties)) {
      if (element.tagName !== 'a' || !['href', 'rel'].includes(name)) found.push(`${name} on <${element.tagName}>`);
      if (name === 'href' && !/^(?:https?|mailto):/i.test(String(value))) found.push(`href ${String(value)}`);
    }
    return found;
  });
}

/** `脚注` in block top-p1 ("这篇主要测试脚注[^1]和代码块...") of the comments-off fixture post. */
const closedSelectors = () => [
  { type: 'TextQuoteSelector', exact: '脚注', prefix: '这篇主要测试' },
  { type: 'CssSelector', value: '[data-block="top-p1"]', refinedBy: { type: 'TextPositionSelector', start: 6, end: 8 } },
];

type Json = Record<string, unknown>;
const newAnnotation = (overrides: Json = {}, target: Json = {}): Json => ({
  '@context': ANNO,
  type: 'Annotation',
  motivation: 'commenting',
  body: { type: 'TextualBody', value: zhNote(), format: 'text/markdown' },
  target: { source: `${SITE_URL}/zh/posts/${OPEN_POST}?gloss=inline`, selector: zhSelectors(), ...target },
  ...overrides,
});
const reply = (parentIri: string, overrides: Json = {}): Json => ({
  '@context': ANNO,
  type: 'Annotation',
  motivation: 'replying',
  body: { type: 'TextualBody', value: zhNote('回复'), format: 'text/markdown' },
  target: parentIri,
  ...overrides,
});

type Annotation = z.infer<typeof annotationDocumentSchema>;
type Item = Annotation | z.infer<typeof annotationPageSchema>['items'][number];

const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

function expectError(response: ApiResponse, status: number, code: string): void {
  const answer = errorSchema.safeParse(response.json);
  expect({ status: response.status, code: answer.data?.error.code }, response.text.slice(0, 500)).toEqual({ status, code });
}

function expectLd(response: ApiResponse): void {
  expect(response.headers.get('content-type')).toBe(LD_TYPE);
  expect(response.headers.get('cache-control')).toContain('no-store');
}

const markdownOf = (annotation: Item) => {
  const note = annotation.body?.find((body) => body.type === 'Choice');
  return note && 'items' in note ? note.items.find((item) => item.format === 'text/markdown')?.value : undefined;
};

describe.each(PROVIDERS)('annotations API over HTTP on %s', (provider) => {
  const unavailable = provider === 'postgres' ? pgUnavailable : null;
  if (unavailable) console.warn(`[integration] skipping the PostgreSQL annotation tests: ${unavailable}`);

  describe.skipIf(unavailable !== null)(provider, () => {
    let database: TempDatabase | undefined;
    let server: RunningServer | undefined;
    const responses: ApiResponse[] = [];
    /** Everything answered to readers other than `privateOwner`. */
    const othersSaw: ApiResponse[] = [];
    let privateOwner: Reader;
    const baseUrl = () => {
      if (!server) throw new Error('the server did not start');
      return server.baseUrl;
    };
    const reader = (address?: string) => new Reader(baseUrl(), { log: othersSaw, address });

    const create = async (as: Reader, body: Json = newAnnotation(), slug = OPEN_POST): Promise<Annotation> => {
      const response = await as.post(collectionPath(slug), body);
      expect(response.status, response.text).toBe(201);
      return annotationDocumentSchema.parse(response.json);
    };
    const page = async (as: Reader, slug = OPEN_POST) => {
      const response = await as.get(`${collectionPath(slug)}?page=0`);
      expect(response.status, response.text).toBe(200);
      expectLd(response);
      return annotationPageSchema.parse(response.json);
    };
    /** Every page of a post's collection, following `next` as a client would; the total must add up. */
    const listAll = async (as: Reader, slug = OPEN_POST) => {
      const first = await page(as, slug);
      const items = [...first.items];
      for (let next = first.next; next !== undefined; ) {
        const response = await as.get(`${pathOf(next)}${new URL(next).search}`);
        expect(response.status, response.text).toBe(200);
        const following = annotationPageSchema.parse(response.json);
        expect(following.startIndex).toBe(items.length);
        items.push(...following.items);
        next = following.next;
      }
      expect(items).toHaveLength(first.partOf.total);
      return { total: first.partOf.total, items };
    };
    const fetchOne = (as: Reader, annotation: { id: string }) => as.get(pathOf(annotation.id));

    beforeAll(async () => {
      database = await createTempDatabase(provider);
      server = await startServer({ databaseUrl: database.url, env: MAIN_ENV, label: `${provider} annotations` });
      privateOwner = new Reader(server.baseUrl, { log: responses });
    }, SERVER_HOOK_TIMEOUT);

    afterAll(async () => {
      await server?.stop();
      await database?.drop();
    }, 60_000);

    test('POST a note on the Chinese text: 201, JSON-LD, Location is its IRI, the reader cookie is set', async () => {
      const author = reader();
      const text = zhNote('说得**对**');
      const response = await author.post(collectionPath(), newAnnotation({ body: { type: 'TextualBody', value: text, format: 'text/markdown' } }));
      expect(response.status, response.text).toBe(201);
      expectLd(response);
      const annotation = annotationDocumentSchema.parse(response.json);
      expect(annotation.id).toMatch(new RegExp(`^${SITE_URL.replace(/\./g, '\\.')}/api/posts/${OPEN_POST}/annotations/[\\w-]{1,40}$`));
      expect(response.headers.get('location')).toBe(annotation.id);
      expect(response.headers.get('etag')).toMatch(/^"[\w-]+"$/);
      expect(response.headers.get('link')).toContain('http://www.w3.org/ns/ldp#BasicContainer');
      expect(annotation).toMatchObject({ '@context': ANNO, type: 'Annotation', motivation: 'commenting', visibility: 'public', mine: true });
      expect(annotation.created).toBe(annotation.modified);
      expect(Math.abs(Date.parse(annotation.created) - Date.now())).toBeLessThan(60_000);
      expect(annotation.target).toEqual({ source: postIri(), selector: zhSelectors() });
      expect(annotation.body?.[0]).toEqual({
        type: 'Choice',
        items: [
          { type: 'TextualBody', value: renderReaderMarkdown(text), format: 'text/html', language: 'zh' },
          { type: 'TextualBody', value: text, format: 'text/markdown', language: 'zh' },
        ],
      });
      expect(annotationHtml(annotation)).toContain('<strong>对</strong>');
      const cookie = author.cookies.get('duizhao_reader');
      expect(cookie).toBeDefined();
      const readerId = (cookie ?? '').split('.')[0] ?? '';
      expect(readerId.length).toBeGreaterThan(8);
      expect(annotation.creator?.id).toMatch(/^urn:duizhao:reader:[\w-]+$/);
      expect(response.text).not.toContain(readerId);
    });

    test('POST a note on the English gloss, sent as application/ld+json with the profile; a second note keeps the reader cookie and the creator', async () => {
      const author = reader();
      const first = await create(author);
      const cookie = author.cookies.get('duizhao_reader');
      const text = enNote('The gloss *softens* this');
      const response = await author.post(collectionPath(), newAnnotation({ body: { type: 'TextualBody', value: text } }, { source: `${SITE_URL}/en/posts/${OPEN_POST}/`, selector: enSelectors() }), {
        contentType: LD_TYPE,
      });
      expect(response.status, response.text).toBe(201);
      expect(response.headers.getSetCookie().some((each) => each.startsWith('duizhao_reader='))).toBe(false);
      expect(author.cookies.get('duizhao_reader')).toBe(cookie);
      const second = annotationDocumentSchema.parse(response.json);
      expect(second.target).toEqual({
        source: postIri(),
        selector: [
          { type: 'TextQuoteSelector', exact: 'kernel features', prefix: 'a few ', suffix: ', such as' },
          { type: 'CssSelector', value: '#gloss-docker-p2 > .gloss-text', refinedBy: { type: 'TextPositionSelector', start: 68, end: 83 } },
        ],
      });
      expect(second.body?.[0]).toMatchObject({ items: [{ language: 'en' }, { language: 'en', value: text }] });
      expect(annotationHtml(second)).toContain('<em>softens</em>');
      expect(second.creator).toEqual(first.creator);
      expect((await create(reader())).creator).not.toEqual(first.creator);
    });

    test('the note language comes from body.language when given', async () => {
      const note = await create(reader(), newAnnotation({ body: { type: 'TextualBody', value: zhNote('中文写的'), language: 'en-GB' } }));
      expect(note.body?.[0]).toMatchObject({ items: [{ language: 'en' }, { language: 'en' }] });
    });

    test('GET is an AnnotationPage of the notes a reader may see: a private note only for its author, in items and in total', async () => {
      const publicNote = await create(privateOwner);
      const privateNote = await create(privateOwner, newAnnotation({ visibility: 'private', body: { type: 'TextualBody', value: zhNote(`私密 ${PRIVATE_MARK}`) } }));
      expect(privateNote).toMatchObject({ visibility: 'private', mine: true });

      const first = await page(privateOwner);
      expect(first).toMatchObject({
        '@context': ANNO,
        id: `${SITE_URL}${collectionPath()}?page=0`,
        type: 'AnnotationPage',
        startIndex: 0,
        partOf: { id: `${SITE_URL}${collectionPath()}`, type: 'AnnotationCollection', first: `${SITE_URL}${collectionPath()}?page=0` },
      });
      const own = await listAll(privateOwner);
      expect(own.items.map((item) => item.id)).toEqual(expect.arrayContaining([publicNote.id, privateNote.id]));
      for (const item of own.items) expect(Boolean(item.mine), item.id).toBe(item.creator?.id === publicNote.creator?.id);

      for (const other of [reader(), new Reader(baseUrl(), { log: othersSaw, address: null })]) {
        const theirs = await listAll(other);
        expect(theirs.items.some((item) => item.id === privateNote.id)).toBe(false);
        expect(theirs.items.find((item) => item.id === publicNote.id)).toEqual({ ...publicNote, '@context': undefined, mine: undefined });
        expect(theirs.items.every((item) => item.visibility === 'public' && item.mine === undefined)).toBe(true);
        expect(theirs.total).toBe(own.total - own.items.filter((item) => item.visibility === 'private').length);
      }
      const sorted = [...own.items].sort((a, b) => Date.parse(a.created) - Date.parse(b.created));
      expect(own.items.map((item) => item.created)).toEqual(sorted.map((item) => item.created));
    });

    test('GET /api/posts/{slug}/annotations/{id}: the author reads their private note; for anyone else it does not exist (404 on every method)', async () => {
      const privateNote = await create(privateOwner, newAnnotation({ visibility: 'private', body: { type: 'TextualBody', value: zhNote(`只给自己 ${PRIVATE_MARK}`) } }));
      const own = await fetchOne(privateOwner, privateNote);
      expect(own.status, own.text).toBe(200);
      expectLd(own);
      expect(annotationDocumentSchema.parse(own.json)).toEqual(privateNote);
      expect(own.headers.get('etag')).toBeTruthy();

      const stranger = reader();
      await create(stranger);
      expectError(await fetchOne(stranger, privateNote), 404, 'annotation.notFound');
      expectError(await stranger.patch(pathOf(privateNote.id), { visibility: 'public' }), 404, 'annotation.notFound');
      expectError(await stranger.request('PUT', pathOf(privateNote.id), { json: newAnnotation() }), 404, 'annotation.notFound');
      expectError(await stranger.delete(pathOf(privateNote.id)), 404, 'annotation.notFound');
      expectError(await stranger.post(collectionPath(), reply(privateNote.id)), 422, 'annotation.parentNotFound');
      expectError(await fetchOne(reader(), { id: `${SITE_URL}/api/annotations/no-such-note` }), 404, 'annotation.notFound');
      expectError(await fetchOne(reader(), { id: `${SITE_URL}/api/annotations/not%20an%20id` }), 404, 'annotation.notFound');
      expect((await fetchOne(privateOwner, privateNote)).status).toBe(200);
    });

    test('the author edits with PATCH: text, tags and visibility change, modified moves, created and the target stay', async () => {
      const author = reader();
      const created = await create(author, newAnnotation({ tags: ['docker'] }));
      const text = enNote('Edited: **now** in English');
      const response = await author.patch(pathOf(created.id), { body: { type: 'TextualBody', value: text }, visibility: 'private' });
      expect(response.status, response.text).toBe(200);
      expectLd(response);
      const edited = annotationDocumentSchema.parse(response.json);
      expect(edited).toMatchObject({ id: created.id, created: created.created, target: created.target, visibility: 'private', mine: true });
      expect(Date.parse(edited.modified)).toBeGreaterThan(Date.parse(created.modified));
      expect(markdownOf(edited)).toBe(text);
      expect(annotationHtml(edited)).toBe(renderReaderMarkdown(text));
      expect(edited.body?.[0]).toMatchObject({ items: [{ language: 'en' }, { language: 'en' }] });
      expect(annotationTags(edited)).toEqual(['docker']);
      expect(annotationDocumentSchema.parse((await fetchOne(author, created)).json)).toEqual(edited);
      // Only the visibility: the rest stays.
      const back = annotationDocumentSchema.parse((await author.patch(pathOf(created.id), { visibility: 'public' })).json);
      expect(back).toMatchObject({ visibility: 'public', body: edited.body });
      // Sending back the whole annotation it read, with a new text, is a valid PATCH too.
      const roundTrip = await author.patch(pathOf(created.id), { ...back, body: [{ type: 'TextualBody', value: zhNote('整条发回') }] }, { contentType: LD_TYPE });
      expect(roundTrip.status, roundTrip.text).toBe(200);
      expectError(await author.patch(pathOf(created.id), { body: { type: 'TextualBody', value: '   ' } }), 400, 'annotation.bodyRequired');
      expectError(await author.patch(pathOf(created.id), { target: { source: postIri(), selector: enSelectors() } }), 400, 'annotation.targetImmutable');
      expectError(await author.patch(pathOf(created.id), { motivation: 'replying' }), 400, 'annotation.invalid');
      expectError(await author.patch(pathOf(created.id), { id: `${SITE_URL}/api/annotations/another` }), 400, 'annotation.invalid');
      expectError(await author.patch(pathOf(created.id), { status: 'spam' }), 403, 'annotation.forbidden');
    });

    test('PUT replaces the whole note: tags left out are removed, the visibility stays; another target is 400 annotation.targetImmutable', async () => {
      const author = reader();
      const created = await create(author, newAnnotation({ visibility: 'private', tags: ['keep-me-not'] }));
      const text = zhNote('整条替换');
      const response = await author.request('PUT', pathOf(created.id), { json: newAnnotation({ id: created.id, motivation: undefined, body: { type: 'TextualBody', value: text } }) });
      expect(response.status, response.text).toBe(200);
      const replaced = annotationDocumentSchema.parse(response.json);
      expect(replaced).toMatchObject({ id: created.id, visibility: 'private', target: created.target });
      expect(markdownOf(replaced)).toBe(text);
      expect(annotationTags(replaced)).toEqual([]);
      const elsewhere = newAnnotation({}, { selector: [zhSelectors()[0], { type: 'CssSelector', value: '[data-block="docker-p2"]', refinedBy: { type: 'TextPositionSelector', start: 6, end: 12 } }] });
      expectError(await author.request('PUT', pathOf(created.id), { json: elsewhere }), 400, 'annotation.targetImmutable');
      expectError(await author.request('PUT', pathOf(created.id), { json: { visibility: 'public' } }), 400, 'annotation.invalid');
    });

    test('If-Match: the current ETag lets an edit through, a stale one is 412 annotation.preconditionFailed', async () => {
      const author = reader();
      const created = await author.post(collectionPath(), newAnnotation());
      const etag = created.headers.get('etag') ?? '';
      const id = pathOf(annotationDocumentSchema.parse(created.json).id);
      const first = await author.patch(id, { tags: ['one'] }, { headers: { 'if-match': etag } });
      expect(first.status, first.text).toBe(200);
      expect(first.headers.get('etag')).not.toBe(etag);
      expectError(await author.patch(id, { tags: ['two'] }, { headers: { 'if-match': etag } }), 412, 'annotation.preconditionFailed');
      expectError(await author.delete(id, { headers: { 'if-match': etag } }), 412, 'annotation.preconditionFailed');
      expect((await author.delete(id, { headers: { 'if-match': first.headers.get('etag') ?? '' } })).status).toBe(204);
    });

    test('If-Match: two edits of the same version sent at once, one goes through and the other is 412: 20 rounds', async () => {
      for (let round = 0; round < 20; round += 1) {
        const author = reader();
        const created = await author.post(collectionPath(), newAnnotation());
        const etag = created.headers.get('etag') ?? '';
        const id = pathOf(annotationDocumentSchema.parse(created.json).id);
        const answers = await Promise.all(['left', 'right'].map((tag) => author.patch(id, { tags: [`${tag}-${round}`] }, { headers: { 'if-match': etag } })));
        expect(answers.map((answer) => answer.status).sort(), answers.map((answer) => answer.text).join('\n')).toEqual([200, 412]);
        const won = answers.find((answer) => answer.status === 200);
        const stored = await author.get(id);
        expect(annotationTags(annotationDocumentSchema.parse(stored.json))).toEqual(annotationTags(annotationDocumentSchema.parse(won?.json)));
        expect(stored.headers.get('etag')).toBe(won?.headers.get('etag'));
      }
    });

    test('another reader may read a public note but not change or delete it: 403 annotation.forbidden', async () => {
      const created = await create(reader());
      const stranger = reader();
      expect((await fetchOne(stranger, created)).status).toBe(200);
      expectError(await stranger.patch(pathOf(created.id), { body: { type: 'TextualBody', value: zhNote('别人改的') } }), 403, 'annotation.forbidden');
      expectError(await stranger.patch(pathOf(created.id), { visibility: 'private' }), 403, 'annotation.forbidden');
      expectError(await stranger.request('PUT', pathOf(created.id), { json: newAnnotation() }), 403, 'annotation.forbidden');
      expectError(await stranger.delete(pathOf(created.id)), 403, 'annotation.forbidden');
    });

    test('the author deletes a note: 204, then it is gone; a note with replies stays as a placeholder that keeps its target', async () => {
      const author = reader();
      const lone = await create(author);
      const removed = await author.delete(pathOf(lone.id));
      expect(removed.status, removed.text).toBe(204);
      expect(removed.text).toBe('');
      expectError(await fetchOne(author, lone), 404, 'annotation.notFound');
      expectError(await author.delete(pathOf(lone.id)), 404, 'annotation.notFound');
      expect((await listAll(reader())).items.some((item) => item.id === lone.id)).toBe(false);

      const parent = await create(author, newAnnotation({ tags: ['gone'] }));
      const child = await create(reader(), reply(parent.id));
      expect((await author.delete(pathOf(parent.id))).status).toBe(204);
      const placeholder = annotationDocumentSchema.parse((await fetchOne(reader(), parent)).json);
      expect(placeholder).toEqual({
        '@context': ANNO,
        id: parent.id,
        type: 'Annotation',
        motivation: 'commenting',
        created: parent.created,
        modified: placeholder.modified,
        target: parent.target,
        visibility: 'public',
        deleted: true,
      });
      const listed = await listAll(reader());
      expect(listed.items.find((item) => item.id === parent.id)).toMatchObject({ deleted: true });
      expect(listed.items.find((item) => item.id === child.id)).toMatchObject({ target: parent.id });
      expectError(await author.patch(pathOf(parent.id), { visibility: 'private' }), 404, 'annotation.notFound');
      expectError(await author.delete(pathOf(parent.id)), 404, 'annotation.notFound');
      expectError(await reader().post(collectionPath(), reply(parent.id)), 422, 'annotation.parentNotFound');
    });

    test('replies: target the parent IRI with motivation replying, at any depth; the {id} form too; bad parents are refused', async () => {
      const root = await create(reader());
      const first = await create(reader(), reply(root.id));
      expect(first).toMatchObject({ motivation: 'replying', target: root.id, visibility: 'public' });
      const second = await create(reader(), reply(first.id, { motivation: undefined, target: { id: first.id, type: 'Annotation' } }));
      expect(second).toMatchObject({ motivation: 'replying', target: first.id });
      const listed = await listAll(reader());
      expect(listed.items.find((item) => item.id === second.id)?.target).toBe(first.id);

      expectError(await reader().post(collectionPath(), reply(`${SITE_URL}/api/annotations/no-such-note`)), 422, 'annotation.parentNotFound');
      expectError(await reader().post(collectionPath(), reply('https://elsewhere.example/api/annotations/abc')), 400, 'annotation.targetInvalid');
      expectError(await reader().post(collectionPath(), reply(`${SITE_URL}/zh`)), 400, 'annotation.targetInvalid');
      expectError(await reader().post(collectionPath(), reply(root.id, { motivation: 'commenting' })), 400, 'annotation.invalid');
      expectError(await reader().post(collectionPath(CLOSED_POST), reply(root.id)), 400, 'annotation.targetInvalid');
    });

    test('a reply to one\'s own private note is private; it cannot be public, and a note with public replies cannot turn private', async () => {
      const author = reader();
      const privateRoot = await create(author, newAnnotation({ visibility: 'private' }));
      const own = await create(author, reply(privateRoot.id));
      expect(own.visibility).toBe('private');
      expectError(await author.post(collectionPath(), reply(privateRoot.id, { visibility: 'public' })), 400, 'annotation.invalid');
      expectError(await author.patch(pathOf(own.id), { visibility: 'public' }), 400, 'annotation.invalid');

      const publicRoot = await create(author);
      await create(reader(), reply(publicRoot.id));
      expectError(await author.patch(pathOf(publicRoot.id), { visibility: 'private' }), 409, 'annotation.hasReplies');
    });

    test('tags: tagging bodies and a tags list, trimmed, deduplicated ignoring case, round trip; [] clears; more than 10 or over 40 characters is 400', async () => {
      const author = reader();
      const body = [
        { type: 'TextualBody', value: zhNote(), format: 'text/markdown' },
        { type: 'TextualBody', purpose: 'tagging', value: '  docker ' },
        { type: 'TextualBody', purpose: 'tagging', value: '虚拟化' },
      ];
      const created = await create(author, newAnnotation({ body, tags: ['Docker', 'hyperd', '虚拟化'] }));
      expect(annotationTags(created)).toEqual(['docker', '虚拟化', 'hyperd']);
      expect(created.body?.slice(1)).toEqual([
        { type: 'TextualBody', purpose: 'tagging', value: 'docker' },
        { type: 'TextualBody', purpose: 'tagging', value: '虚拟化' },
        { type: 'TextualBody', purpose: 'tagging', value: 'hyperd' },
      ]);
      const listed = (await listAll(reader())).items.find((item) => item.id === created.id);
      expect(listed && annotationTags(listed)).toEqual(['docker', '虚拟化', 'hyperd']);
      // What the client read, sent back whole with PUT, keeps its tags.
      const resent = await author.request('PUT', pathOf(created.id), { json: created, contentType: LD_TYPE });
      expect(resent.status, resent.text).toBe(200);
      expect(annotationTags(annotationDocumentSchema.parse(resent.json))).toEqual(['docker', '虚拟化', 'hyperd']);
      const cleared = annotationDocumentSchema.parse((await author.patch(pathOf(created.id), { tags: [] })).json);
      expect(annotationTags(cleared)).toEqual([]);
      expect(markdownOf(cleared)).toBe(markdownOf(created));

      const ten = Array.from({ length: 10 }, (_, index) => `标签${index}`);
      expect(annotationTags(await create(reader(), newAnnotation({ tags: [...ten, '标签0'] })))).toEqual(ten);
      expectError(await reader().post(collectionPath(), newAnnotation({ tags: [...ten, 'eleven'] })), 400, 'annotation.tagsInvalid');
      expectError(await reader().post(collectionPath(), newAnnotation({ tags: ['字'.repeat(41)] })), 400, 'annotation.tagsInvalid');
      expectError(await reader().post(collectionPath(), newAnnotation({ tags: ['   '] })), 400, 'annotation.tagsInvalid');
      expectError(await reader().post(collectionPath(), newAnnotation({ body: [...body, { type: 'TextualBody', purpose: 'tagging', value: '' }] })), 400, 'annotation.tagsInvalid');
      expect(annotationTags(await create(reader(), newAnnotation({ tags: ['𠀀'.repeat(40)] })))).toEqual(['𠀀'.repeat(40)]);
    });

    const zh = zhSelectors();
    const position = (start: unknown, end: unknown) => [zh[0], { ...zh[1], refinedBy: { type: 'TextPositionSelector', start, end } }];
    const css = (value: string) => [zh[0], { ...zh[1], value }];
    const quote = (fields: Json) => [{ ...zh[0], ...fields }, zh[1]];
    const longQuote = (length: number) => [{ ...zh[0], exact: '字'.repeat(length) }, { ...zh[1], refinedBy: { type: 'TextPositionSelector', start: 0, end: length } }];
    test.each([
      { name: 'no target', body: () => newAnnotation({ target: undefined }), code: 'annotation.invalid' },
      { name: 'no body', body: () => newAnnotation({ body: undefined }), code: 'annotation.bodyRequired' },
      { name: 'a blank body', body: () => newAnnotation({ body: { type: 'TextualBody', value: ' \n\t ' } }), code: 'annotation.bodyRequired' },
      { name: 'only tags, no note', body: () => newAnnotation({ body: [{ type: 'TextualBody', purpose: 'tagging', value: 'x' }] }), code: 'annotation.bodyRequired' },
      { name: 'two notes', body: () => newAnnotation({ body: [{ type: 'TextualBody', value: 'a' }, { type: 'TextualBody', value: 'b' }] }), code: 'annotation.invalid' },
      { name: 'an HTML body', body: () => newAnnotation({ body: { type: 'TextualBody', value: '<p>x</p>', format: 'text/html' } }), code: 'annotation.invalid' },
      { name: 'a body that is not a TextualBody', body: () => newAnnotation({ body: { type: 'Image', id: 'https://example.com/x.png' } }), code: 'annotation.invalid' },
      { name: 'a language other than zh or en', body: () => newAnnotation({ body: { type: 'TextualBody', value: 'Bonjour', language: 'fr' } }), code: 'annotation.invalid' },
      { name: 'type other than Annotation', body: () => newAnnotation({ type: 'Comment' }), code: 'annotation.invalid' },
      { name: 'another @context', body: () => newAnnotation({ '@context': 'https://schema.org' }), code: 'annotation.invalid' },
      { name: 'an unknown visibility', body: () => newAnnotation({ visibility: 'friends' }), code: 'annotation.invalid' },
      { name: 'motivation replying on a passage', body: () => newAnnotation({ motivation: 'replying' }), code: 'annotation.invalid' },
      { name: 'a JSON array', body: () => [newAnnotation()], code: 'annotation.invalid' },
      { name: 'no selector', body: () => newAnnotation({}, { selector: undefined }), code: 'annotation.selectorInvalid' },
      { name: 'an unknown selector type', body: () => newAnnotation({}, { selector: [zh[0], zh[1], { type: 'XPathSelector', value: '/html/body/p[2]' }] }), code: 'annotation.selectorInvalid' },
      { name: 'a RangeSelector only', body: () => newAnnotation({}, { selector: { type: 'RangeSelector', startSelector: zh[1], endSelector: zh[1] } }), code: 'annotation.selectorInvalid' },
      { name: 'two TextQuoteSelectors', body: () => newAnnotation({}, { selector: [zh[0], zh[0], zh[1]] }), code: 'annotation.selectorInvalid' },
      { name: 'start equal to end', body: () => newAnnotation({}, { selector: position(5, 5) }), code: 'annotation.selectorInvalid' },
      { name: 'start after end', body: () => newAnnotation({}, { selector: position(11, 5) }), code: 'annotation.selectorInvalid' },
      { name: 'a negative start', body: () => newAnnotation({}, { selector: position(-1, 5) }), code: 'annotation.selectorInvalid' },
      { name: 'a fractional end', body: () => newAnnotation({}, { selector: position(0.5, 6.5) }), code: 'annotation.selectorInvalid' },
      { name: 'a position as text', body: () => newAnnotation({}, { selector: position('5', '11') }), code: 'annotation.selectorInvalid' },
      { name: 'a position past 32 bits', body: () => newAnnotation({}, { selector: position(2 ** 40, 2 ** 40 + 6) }), code: 'annotation.selectorInvalid' },
      { name: 'an arbitrary CssSelector', body: () => newAnnotation({}, { selector: css('article p:nth-child(2)') }), code: 'annotation.selectorInvalid' },
      { name: 'a CssSelector into the gloss but not its text', body: () => newAnnotation({}, { selector: css('#gloss-docker-p2') }), code: 'annotation.selectorInvalid' },
      { name: 'a block id with a quote', body: () => newAnnotation({}, { selector: css('[data-block="docker-p2"], script"]') }), code: 'annotation.selectorInvalid' },
      { name: 'a gloss selector spaced differently', body: () => newAnnotation({}, { selector: css('#gloss-docker-p2>.gloss-text') }), code: 'annotation.selectorInvalid' },
      { name: 'a block id with a space', body: () => newAnnotation({}, { selector: css('[data-block="docker p2"]') }), code: 'annotation.selectorInvalid' },
      { name: 'a block the post does not have', body: () => newAnnotation({}, { selector: css('[data-block="nowhere-p9"]') }), code: 'annotation.selectorInvalid' },
      { name: 'a quote that is not in the post', body: () => newAnnotation({}, { selector: quote({ exact: '这句话不在文章里' }) }), code: 'annotation.notAnchored' },
      { name: 'an empty quote', body: () => newAnnotation({}, { selector: quote({ exact: '' }) }), code: 'annotation.selectorInvalid' },
      { name: 'a quote of 2001 characters', body: () => newAnnotation({}, { selector: longQuote(2001) }), code: 'annotation.selectorInvalid' },
      { name: 'a prefix of 501 characters', body: () => newAnnotation({}, { selector: quote({ prefix: '字'.repeat(501) }) }), code: 'annotation.selectorInvalid' },
      { name: 'a source of another post', body: () => newAnnotation({}, { source: `${SITE_URL}/posts/${CLOSED_POST}` }), code: 'annotation.targetInvalid' },
      { name: 'a source on another site', body: () => newAnnotation({}, { source: `https://elsewhere.example/posts/${OPEN_POST}` }), code: 'annotation.targetInvalid' },
      { name: 'a source that is not a post', body: () => newAnnotation({}, { source: `${SITE_URL}/zh/tags/${OPEN_POST}` }), code: 'annotation.targetInvalid' },
      { name: 'a source that is not an IRI', body: () => newAnnotation({}, { source: OPEN_POST }), code: 'annotation.targetInvalid' },
      { name: 'a javascript: source', body: () => newAnnotation({}, { source: 'javascript:alert(1)' }), code: 'annotation.targetInvalid' },
      { name: 'two targets', body: () => newAnnotation({ target: [newAnnotation().target, newAnnotation().target] }), code: 'annotation.targetInvalid' },
    ])('malformed: $name is 400 $code', async ({ body, code }) => {
      expectError(await reader().post(collectionPath(), body()), 400, code);
    });

    test('lengths count code points: 2000 Chinese (or astral) characters are accepted, 2001 are 400 annotation.tooLong', async () => {
      const chinese = serial().padEnd(2000, '注');
      expect(Array.from(chinese)).toHaveLength(2000);
      const accepted = await create(reader(), newAnnotation({ body: { type: 'TextualBody', value: chinese } }));
      expect(markdownOf(accepted)).toBe(chinese);
      const astral = '𠀀'.repeat(2000);
      expect(markdownOf(await create(reader(), newAnnotation({ body: { type: 'TextualBody', value: astral } })))).toBe(astral);
      expectError(await reader().post(collectionPath(), newAnnotation({ body: { type: 'TextualBody', value: `${chinese}注` } })), 400, 'annotation.tooLong');
      const quoted = await create(reader(), newAnnotation({}, { selector: longQuote(2000) }));
      expect(quoted.target).toMatchObject({ selector: [{ exact: '字'.repeat(2000) }, { refinedBy: { start: 0, end: 2000 } }] });
      expectError(await reader().post(collectionPath(), newAnnotation({ body: { type: 'TextualBody', value: '𠀀'.repeat(2001) } })), 400, 'annotation.tooLong');
    });

    test('text no database stores as sent (U+0000, lone surrogates) is accepted and stored, never a 500', async () => {
      const note = await create(
        reader(),
        newAnnotation({ body: { type: 'TextualBody', value: 'nul\u0000 and lone \ud800 surrogate' } }, { selector: [{ ...zh[0], exact: 'Dock\u0000r', prefix: '\udc00' }, zh[1]] }),
      );
      expect(markdownOf(note)).toBe('nul\uFFFD and lone \uFFFD surrogate');
      expect(note.target).toMatchObject({ selector: [{ exact: 'Dock\uFFFDr', prefix: '\uFFFD' }, zh[1]] });
      expectError(await reader().post(collectionPath(), newAnnotation({ tags: ['a\u0000b'] })), 400, 'annotation.tagsInvalid');
    });

    test('bodies are read as comments are: bad JSON 400 request.invalid, text/plain 415, over 64 KB 413', async () => {
      expectError(await reader().post(collectionPath(), undefined, { body: '{"type": "Annotation", "body": ', contentType: LD_TYPE }), 400, 'request.invalid');
      expectError(await reader().post(collectionPath(), undefined, { body: JSON.stringify(newAnnotation()), contentType: 'text/plain' }), 415, 'request.unsupportedType');
      expectError(await reader().post(collectionPath(), newAnnotation({ padding: 'a'.repeat(70 * 1024) })), 413, 'request.tooLarge');
      const note = await create(reader());
      expectError(await reader().patch(pathOf(note.id), undefined, { body: '{', contentType: 'application/json' }), 400, 'request.invalid');
    });

    test('an unknown post is 404 post.notFound (GET and POST); a post with comments off still takes notes', async () => {
      expectError(await reader().get(collectionPath('no-such-post')), 404, 'post.notFound');
      expectError(await reader().post(collectionPath('no-such-post'), newAnnotation()), 404, 'post.notFound');
      const onClosed = await create(
        reader(),
        newAnnotation({}, { source: `${SITE_URL}/posts/${CLOSED_POST}`, selector: closedSelectors() }),
        CLOSED_POST,
      );
      expect(onClosed.target).toMatchObject({ source: postIri(CLOSED_POST) });
      expect((await listAll(reader(), CLOSED_POST)).items.map((item) => item.id)).toContain(onClosed.id);
      expect((await listAll(reader())).items.map((item) => item.id)).not.toContain(onClosed.id);
    });

    test('XSS corpus: every payload comes back as written in the markdown, as the comment sanitiser renders it in the HTML, and as text in a tag', async () => {
      expect(payloads.length).toBeGreaterThan(150);
      // On the comments-off post, so that with the notes already there its collection spans two pages.
      const target = { source: postIri(CLOSED_POST), selector: closedSelectors() };
      const created = new Map<string, string>();
      for (let start = 0; start < payloads.length; start += 8) {
        const batch = payloads.slice(start, start + 8);
        const answers = await Promise.all(
          batch.map((payload) => reader().post(collectionPath(CLOSED_POST), newAnnotation({ body: { type: 'TextualBody', value: payload }, tags: tagOf(payload), target }))),
        );
        for (const [index, answer] of answers.entries()) {
          const payload = batch[index] ?? '';
          expect(answer.status, `${payload}\n${answer.text}`).toBe(201);
          const annotation = annotationDocumentSchema.parse(answer.json);
          expect(markdownOf(annotation)).toBe(asStored(payload));
          expect(annotationHtml(annotation)).toBe(renderReaderMarkdown(asStored(payload)));
          expect(unsafeMarkup(annotationHtml(annotation) ?? ''), payload).toEqual([]);
          expect(annotationTags(annotation)).toEqual(tagOf(payload));
          created.set(annotation.id, payload);
        }
      }
      expect((await page(reader(), CLOSED_POST)).next).toBe(`${SITE_URL}${collectionPath(CLOSED_POST)}?page=1`);
      const listed = await listAll(reader(), CLOSED_POST);
      const seen = listed.items.filter((item) => created.has(item.id));
      expect(seen).toHaveLength(created.size);
      for (const item of seen) expect(annotationHtml(item)).toBe(renderReaderMarkdown(asStored(created.get(item.id) ?? '')));
    }, 180_000);

    test('OPTIONS names the allowed methods; other methods are 405 with Allow', async () => {
      const container = await reader().request('OPTIONS', collectionPath());
      expect(container.status).toBe(200);
      expect(container.headers.get('allow')).toBe('GET, HEAD, OPTIONS, POST');
      expect(container.headers.get('accept-post')).toContain('application/ld+json');
      const note = await create(reader());
      const one = await reader().request('OPTIONS', pathOf(note.id));
      expect(one.headers.get('allow')).toBe('DELETE, GET, HEAD, OPTIONS, PATCH, PUT');
      const notAllowed = await reader().request('DELETE', collectionPath());
      expectError(notAllowed, 405, 'request.methodNotAllowed');
      expect(notAllowed.headers.get('allow')).toBe('GET, HEAD, OPTIONS, POST');
      const postToOne = await reader().post(pathOf(note.id), newAnnotation());
      expectError(postToOne, 405, 'request.methodNotAllowed');
      expect(postToOne.headers.get('allow')).toBe('DELETE, GET, HEAD, OPTIONS, PATCH, PUT');
    });

    test('paging: ?page=0 is the first page, a bad page number is 400 request.invalid', async () => {
      const first = await reader().get(`${collectionPath()}?page=0`);
      expect(first.status).toBe(200);
      expect(annotationPageSchema.parse(first.json).id).toBe(`${SITE_URL}${collectionPath()}?page=0`);
      expectError(await reader().get(`${collectionPath()}?page=-1`), 400, 'request.invalid');
      expectError(await reader().get(`${collectionPath()}?page=abc`), 400, 'request.invalid');
    });

    test('rate limit: notes have their own per-address allowance, apart from comments; the 5th note in a minute is 429 annotation.rateLimited', async () => {
      const address = freshAddress();
      const same = reader(address);
      // Comments run out at 3 a minute (the default) ...
      for (let index = 0; index < 3; index += 1) {
        const comment = await same.post(`/api/posts/${OPEN_POST}/comments`, { author: '读者', body: zhNote(`评论 ${index}`) });
        expect(comment.status, comment.text).toBe(201);
      }
      expectError(await same.post(`/api/posts/${OPEN_POST}/comments`, { author: '读者', body: zhNote('再来一条') }), 429, 'comment.rateLimited');
      // ... which leaves the notes' allowance (NOTES_RATE_PER_MINUTE=4 here) whole.
      for (let index = 0; index < 4; index += 1) await create(same);
      const limited = await same.post(collectionPath(), newAnnotation());
      expectError(limited, 429, 'annotation.rateLimited');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      // Editing one's own notes is not limited.
      const mine = (await listAll(same)).items.find((item) => item.mine);
      expect(mine).toBeDefined();
      expect((await same.patch(pathOf(mine?.id ?? ''), { tags: ['still-editable'] })).status).toBe(200);
    });

    describe('the admin', () => {
      let admin: Reader;

      beforeAll(async () => {
        admin = reader();
        admin.cookies.set('duizhao_admin', await signInAsAdmin(baseUrl(), admin));
      });

      test('deletes and marks as spam public notes, never rewrites one, and cannot see readers\' private notes', async () => {
        const author = reader();
        const lone = await create(author);
        expectError(await admin.patch(pathOf(lone.id), { body: { type: 'TextualBody', value: zhNote('管理员改写') } }), 403, 'annotation.forbidden');
        expect((await admin.delete(pathOf(lone.id))).status).toBe(204);
        expectError(await fetchOne(author, lone), 404, 'annotation.notFound');

        const parent = await create(author);
        await create(reader(), reply(parent.id));
        expect((await admin.delete(pathOf(parent.id))).status).toBe(204);
        expect(annotationDocumentSchema.parse((await fetchOne(reader(), parent)).json)).toMatchObject({ deleted: true });

        const spam = await create(author);
        const marked = await admin.patch(pathOf(spam.id), { status: 'spam' });
        expect(marked.status, marked.text).toBe(200);
        expect(annotationDocumentSchema.parse(marked.json)).toMatchObject({ status: 'spam', modified: spam.modified });
        expectError(await fetchOne(reader(), spam), 404, 'annotation.notFound');
        expectError(await fetchOne(author, spam), 404, 'annotation.notFound');
        expect((await listAll(author)).items.some((item) => item.id === spam.id)).toBe(false);
        expect((await admin.patch(pathOf(spam.id), { status: 'published' })).status).toBe(200);
        expect((await fetchOne(reader(), spam)).status).toBe(200);

        const hidden = await create(author, newAnnotation({ visibility: 'private' }));
        expectError(await fetchOne(admin, hidden), 404, 'annotation.notFound');
        expectError(await admin.delete(pathOf(hidden.id)), 404, 'annotation.notFound');
        expect((await listAll(admin)).items.some((item) => item.id === hidden.id)).toBe(false);
      });
    });

    test('no answer carried a reader id, an address hash, or someone else\'s private note', () => {
      const all = [...responses, ...othersSaw];
      expect(all.length).toBeGreaterThan(100);
      const readerIds = [...new Set(all.flatMap((response) => response.headers.getSetCookie()))]
        .filter((cookie) => cookie.startsWith('duizhao_reader='))
        .map((cookie) => cookie.slice('duizhao_reader='.length).split('.')[0] ?? '')
        .filter((id) => id.length > 8);
      expect(readerIds.length).toBeGreaterThan(10);
      for (const response of all) {
        const where = `${response.method} ${response.url}`;
        expect(privateFields(response.json), where).toEqual([]);
        expect(response.text, where).not.toMatch(/readerId|addressHash|ipHash/);
        for (const id of readerIds) expect(response.text, where).not.toContain(id);
      }
      for (const response of othersSaw) expect(response.text, `${response.method} ${response.url}`).not.toContain(PRIVATE_MARK);
      expect(responses.some((response) => response.text.includes(PRIVATE_MARK))).toBe(true);
    });
  });
});

/**
 * Signs in as the admin the way a browser without JavaScript does: the sign-in form of the
 * moderation page, posted with its hidden fields. Returns the admin cookie's value.
 */
async function signInAsAdmin(baseUrl: string, browser: Reader): Promise<string> {
  const page = await browser.get('/zh/admin', { headers: { accept: 'text/html' } });
  const form = /<form\b[^>]*>(?:(?!<\/form>)[\s\S])*name="token"(?:(?!<\/form>)[\s\S])*<\/form>/.exec(page.text)?.[0];
  if (page.status !== 200 || !form) throw new Error(`no admin sign-in form: GET /zh/admin answered ${page.status}`);
  const fields = new FormData();
  for (const input of form.matchAll(/<input\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(input[0])?.[1];
    const value = /\bvalue="([^"]*)"/.exec(input[0])?.[1] ?? '';
    if (name && /type="hidden"/.test(input[0])) fields.append(name.replace(/&amp;/g, '&'), value.replace(/&amp;/g, '&'));
  }
  fields.set('token', ADMIN_TOKEN);
  const action = /<form\b[^>]*\baction="([^"]*)"/.exec(form)?.[1];
  const target = action && action.startsWith('/') ? action.replace(/&amp;/g, '&') : '/zh/admin';
  const signIn = await fetch(`${baseUrl}${target}`, {
    method: 'POST',
    body: fields,
    redirect: 'manual',
    headers: { 'x-forwarded-for': freshAddress(), origin: baseUrl, cookie: [...browser.cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
  });
  await signIn.arrayBuffer();
  const cookie = signIn.headers.getSetCookie().find((each) => each.startsWith('duizhao_admin='));
  if (!cookie) throw new Error(`the admin sign-in answered ${signIn.status} without an admin cookie`);
  return (cookie.split(';')[0] ?? '').slice('duizhao_admin='.length);
}
