/**
 * Conformance to the Web Annotation Protocol (W3C Recommendation, 23 February 2017): one test per
 * MUST and SHOULD of the Recommendation that applies to this server, named by its section and
 * level, over real HTTP against the production server, on SQLite and on PostgreSQL. Written from
 * the Recommendation's text and the W3C's protocol server test descriptions (web-platform-tests,
 * annotation-protocol/server/). Requirements on clients only, and what the deployment provides
 * (HTTPS for the connection itself), are not tested here; a table of requirement, level and
 * result is printed per database at the end.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { annotationDocumentSchema } from '../../lib/notes/w3c/dto-schema';
import { createTempDatabase, postgresUnavailableReason, PROVIDERS, type TempDatabase } from './databases';
import { Reader, type ApiResponse } from './http-client';
import { CLOSED_POST, LIMITS_OFF_ENV, OPEN_POST, READY_TIMEOUT_MS, SITE_URL, startServer, type RunningServer } from './server';
import { seedNote } from './seed-note';

const pgUnavailable = await postgresUnavailableReason();

const ANNO = 'http://www.w3.org/ns/anno.jsonld';
const LDP_CONTEXT = 'http://www.w3.org/ns/ldp.jsonld';
const LD_TYPE = `application/ld+json; profile="${ANNO}"`;
const LDP = 'http://www.w3.org/ns/ldp#';
const MINIMAL = `return=representation; include="${LDP}PreferMinimalContainer"`;
const IRIS = 'return=representation; include="http://www.w3.org/ns/oa#PreferContainedIRIs"';
const DESCRIPTIONS = 'return=representation; include="http://www.w3.org/ns/oa#PreferContainedDescriptions"';
const MINIMAL_IRIS = `return=representation; include="${LDP}PreferMinimalContainer http://www.w3.org/ns/oa#PreferContainedIRIs"`;

const container = (slug = OPEN_POST) => `/api/posts/${slug}/annotations/`;
const containerIri = (slug = OPEN_POST) => `${SITE_URL}${container(slug)}`;
const pathOf = (iri: string) => {
  const url = new URL(iri);
  return `${url.pathname}${url.search}`;
};

/** `脚注` in block top-p1 of the comments-off fixture post: the notes that fill two pages there. */
const closedNote = (text: string) => ({
  ...seedNote(text),
  target: {
    source: `${SITE_URL}/posts/${CLOSED_POST}`,
    selector: [
      { type: 'TextQuoteSelector', exact: '脚注', prefix: '这篇主要测试' },
      { type: 'CssSelector', value: '[data-block="top-p1"]', refinedBy: { type: 'TextPositionSelector', start: 6, end: 8 } },
    ],
  },
});

const pageSchema = z.looseObject({
  id: z.string(),
  type: z.literal('AnnotationPage'),
  partOf: z.looseObject({ id: z.string() }).optional(),
  next: z.string().optional(),
  prev: z.string().optional(),
  items: z.array(z.unknown()),
});
const collectionSchema = z.looseObject({
  '@context': z.unknown(),
  id: z.string(),
  type: z.array(z.string()),
  total: z.number().optional(),
  label: z.string().optional(),
  modified: z.string().optional(),
  first: z.union([z.string(), pageSchema]).optional(),
  last: z.string().optional(),
});
const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

type Level = 'MUST' | 'MUST NOT' | 'SHOULD' | 'SHOULD NOT' | 'informative';
type Row = { section: string; level: Level; requirement: string; result: 'pass' | 'fail' | 'skipped' };

function printTable(provider: string, rows: Row[]): void {
  const width = Math.max(...rows.map((row) => row.requirement.length), 11);
  const lines = rows.map((row) => `${row.section.padEnd(6)} ${row.level.padEnd(11)} ${row.result.padEnd(7)} ${row.requirement.padEnd(width)}`);
  const tally = (level: string) => {
    const of = rows.filter((row) => row.level.startsWith(level));
    return `${of.filter((row) => row.result === 'pass').length}/${of.length}`;
  };
  console.log(
    [
      `[annotation-protocol] ${provider}: MUST ${tally('MUST')} passed, SHOULD ${tally('SHOULD')} passed, informative ${tally('informative')} passed`,
      `${'§'.padEnd(6)} ${'level'.padEnd(11)} ${'result'.padEnd(7)} requirement`,
      ...lines,
    ].join('\n'),
  );
}

describe.each(PROVIDERS)('Web Annotation Protocol conformance on %s', (provider) => {
  const unavailable = provider === 'postgres' ? pgUnavailable : null;
  if (unavailable) console.warn(`[integration] skipping the PostgreSQL annotation protocol tests: ${unavailable}`);

  describe.skipIf(unavailable !== null)(provider, () => {
    let database: TempDatabase | undefined;
    let server: RunningServer | undefined;
    let author: Reader;
    /** A note of `author` on the seed post, made before the tests. */
    let note: z.infer<typeof annotationDocumentSchema>;
    const rows: Row[] = [];

    const baseUrl = () => {
      if (!server) throw new Error('the server did not start');
      return server.baseUrl;
    };
    const anyone = () => new Reader(baseUrl());
    const ld = (headers: Record<string, string> = {}) => ({ headers: { accept: LD_TYPE, ...headers } });
    const create = async (body: object = seedNote(`一条批注 ${Date.now()}`), headers: Record<string, string> = {}) => {
      const response = await author.post(container(), body, { contentType: LD_TYPE, headers: { accept: LD_TYPE, ...headers } });
      expect(response.status, response.text).toBe(201);
      return { response, annotation: annotationDocumentSchema.parse(response.json) };
    };
    const getContainer = (prefer?: string, slug = OPEN_POST) => anyone().get(container(slug), ld(prefer ? { prefer } : {}));
    const collectionOf = (response: ApiResponse) => collectionSchema.parse(response.json);
    const firstPage = (response: ApiResponse) => pageSchema.parse(collectionOf(response).first);
    const isIri = (item: unknown) => typeof item === 'string' && item.startsWith(`${SITE_URL}/api/posts/`);
    const isAnnotation = (item: unknown) => annotationDocumentSchema.omit({ '@context': true }).safeParse(item).success;

    /** One test per requirement; its result goes into the table printed at the end. */
    function requirement(section: string, level: Level, text: string, run: () => Promise<void>) {
      const row: Row = { section, level, requirement: text, result: 'skipped' };
      rows.push(row);
      test(`${section} ${level}: ${text}`, async () => {
        row.result = 'fail';
        await run();
        row.result = 'pass';
      });
    }

    beforeAll(async () => {
      database = await createTempDatabase(provider);
      server = await startServer({ databaseUrl: database.url, env: { TRUSTED_PROXIES: '127.0.0.1', ...LIMITS_OFF_ENV }, label: `${provider} annotation protocol` });
      author = new Reader(server.baseUrl);
      note = (await create()).annotation;
      // More than one page (200 notes each) on the comments-off post, for first, last, next and prev.
      const texts = Array.from({ length: 205 }, (_, index) => `第 ${index} 条`);
      for (let start = 0; start < texts.length; start += 10) {
        const answers = await Promise.all(texts.slice(start, start + 10).map((text) => anyone().post(container(CLOSED_POST), closedNote(text))));
        for (const answer of answers) expect(answer.status, answer.text).toBe(201);
      }
    }, READY_TIMEOUT_MS + 120_000);

    afterAll(async () => {
      if (rows.length > 0) printTable(provider, rows);
      await server?.stop();
      await database?.drop();
    }, 60_000);

    // 3. Annotation Retrieval
    requirement('3', 'MUST', 'an annotation answers GET at its IRI', async () => {
      const response = await anyone().get(pathOf(note.id), ld());
      expect(response.status).toBe(200);
      expect(annotationDocumentSchema.parse(response.json).id).toBe(note.id);
    });
    requirement('3', 'MUST', 'an annotation answers HEAD at its IRI, with no body', async () => {
      const response = await anyone().request('HEAD', pathOf(note.id), ld());
      expect(response.status).toBe(200);
      expect(response.text).toBe('');
      expect(response.headers.get('etag')).toMatch(/^"[\w-]+"$/);
    });
    requirement('3', 'MUST', 'an annotation answers OPTIONS at its IRI', async () => {
      const response = await anyone().request('OPTIONS', pathOf(note.id));
      expect(response.status).toBe(200);
      expect(response.headers.get('allow')).toContain('GET');
    });
    requirement('3', 'SHOULD', 'annotation IRIs are HTTPS', async () => {
      expect(new URL(note.id).protocol).toBe('https:');
    });
    requirement('3', 'MUST', 'the JSON-LD representation is served with Content-Type application/ld+json', async () => {
      const response = await anyone().get(pathOf(note.id), { headers: { accept: 'application/ld+json' } });
      expect(response.headers.get('content-type')?.split(';')[0]).toBe('application/ld+json');
    });
    requirement('3', 'SHOULD', 'the Content-Type has the anno.jsonld profile', async () => {
      const response = await anyone().get(pathOf(note.id), ld());
      expect(response.headers.get('content-type')).toBe(LD_TYPE);
    });
    requirement('3', 'SHOULD', 'a successful retrieval answers 200, not a redirect', async () => {
      const response = await anyone().get(pathOf(note.id), { headers: {} });
      expect(response.status).toBe(200);
    });
    requirement('3', 'MUST', 'Link has <http://www.w3.org/ns/ldp#Resource>; rel="type"', async () => {
      const response = await anyone().get(pathOf(note.id), ld());
      expect(response.headers.get('link')).toBe(`<${LDP}Resource>; rel="type"`);
    });
    requirement('3', 'MUST', 'an ETag with an entity tag', async () => {
      const response = await anyone().get(pathOf(note.id), ld());
      expect(response.headers.get('etag')).toMatch(/^"[\w-]+"$/);
    });
    requirement('3', 'MUST', 'Allow lists the methods for the annotation', async () => {
      const response = await anyone().get(pathOf(note.id), ld());
      expect(response.headers.get('allow')?.split(/,\s*/).sort()).toEqual(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'PUT']);
    });
    requirement('3', 'MUST', 'Vary includes Accept (the server negotiates the format)', async () => {
      const response = await anyone().get(pathOf(note.id), ld());
      expect(response.headers.get('vary')?.split(/,\s*/)).toContain('Accept');
    });

    // 4. Annotation Containers
    requirement('4', 'MUST', 'the container is both an LDP Container and an AnnotationCollection', async () => {
      expect(collectionOf(await getContainer()).type).toEqual(expect.arrayContaining(['BasicContainer', 'AnnotationCollection']));
    });
    requirement('4', 'SHOULD', 'the container is an LDP Basic Container', async () => {
      const response = await getContainer();
      expect(collectionOf(response).type).toContain('BasicContainer');
      expect(response.headers.get('link')).toContain(`<${LDP}BasicContainer>; rel="type"`);
    });
    requirement('4', 'MUST', 'the container IRI ends in "/"', async () => {
      expect(collectionOf(await getContainer()).id).toBe(containerIri());
      expect(containerIri().endsWith('/')).toBe(true);
    });

    // 4.1 Container Retrieval
    requirement('4.1', 'MUST', 'the container answers GET with its description', async () => {
      const response = await getContainer();
      expect(response.status).toBe(200);
      expect(collectionOf(response)).toMatchObject({ id: containerIri(), label: expect.any(String) as string, total: expect.any(Number) as number });
    });
    requirement('4.1', 'MUST', 'the container answers HEAD, with no body', async () => {
      const response = await anyone().request('HEAD', container(), ld());
      expect(response.status).toBe(200);
      expect(response.text).toBe('');
    });
    requirement('4.1', 'MUST', 'the container answers OPTIONS', async () => {
      const response = await anyone().request('OPTIONS', container());
      expect(response.status).toBe(200);
    });
    requirement('4.1', 'MUST', 'without Accept, the description is JSON-LD', async () => {
      const response = await anyone().get(container(), { headers: { accept: '' } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(LD_TYPE);
      expect(collectionOf(response).type).toContain('AnnotationCollection');
    });
    requirement('4.1', 'SHOULD', 'the JSON-LD uses both the anno.jsonld and the LDP contexts', async () => {
      expect(collectionOf(await getContainer())['@context']).toEqual([ANNO, LDP_CONTEXT]);
    });
    requirement('4.1', 'SHOULD', 'a successful GET answers 200', async () => {
      expect((await getContainer()).status).toBe(200);
    });
    requirement('4.1', 'SHOULD', 'Allow advertises the methods on GET, HEAD and OPTIONS', async () => {
      for (const method of ['GET', 'HEAD', 'OPTIONS']) {
        const response = await anyone().request(method, container(), ld());
        expect(response.headers.get('allow')?.split(/,\s*/).sort(), method).toEqual(['GET', 'HEAD', 'OPTIONS', 'POST']);
      }
    });
    requirement('4.1', 'MUST', 'Link gives the container type with rel="type" on all responses, errors included', async () => {
      const answers = [
        await getContainer(),
        await anyone().request('HEAD', container(), ld()),
        await anyone().request('OPTIONS', container()),
        (await create()).response,
        await anyone().post(container(), { type: 'Annotation' }),
        await anyone().request('DELETE', container()),
        await anyone().get(container(), { headers: { accept: 'text/turtle' } }),
      ];
      for (const answer of answers) expect(answer.headers.get('link'), `${answer.method} ${answer.status}`).toContain(`<${LDP}BasicContainer>; rel="type"`);
    });
    requirement('4.1', 'MUST', 'Link has the protocol as ldp#constrainedBy', async () => {
      const response = await getContainer();
      expect(response.headers.get('link')).toContain(`<http://www.w3.org/TR/annotation-protocol/>; rel="${LDP}constrainedBy"`);
    });
    requirement('4.1', 'MUST', 'an ETag on the container, changing when its contents change', async () => {
      const before = (await author.get(container(), ld())).headers.get('etag');
      expect(before).toMatch(/^"[\w-]+"$/);
      expect((await author.request('HEAD', container(), ld())).headers.get('etag')).toBe(before);
      await create();
      expect((await author.get(container(), ld())).headers.get('etag')).not.toBe(before);
    });
    requirement('4.1', 'MUST', 'Vary includes Accept', async () => {
      expect((await getContainer()).headers.get('vary')?.split(/,\s*/)).toContain('Accept');
    });
    requirement('4.1', 'SHOULD', 'Accept-Post on GET, HEAD and OPTIONS names the JSON-LD profile', async () => {
      for (const method of ['GET', 'HEAD', 'OPTIONS']) {
        const response = await anyone().request(method, container(), ld());
        expect(response.headers.get('accept-post'), method).toContain(LD_TYPE);
      }
    });

    // 4.2 Container Representations
    requirement('4.2', 'MUST', 'with annotations in it, the container embeds or links its first page', async () => {
      const collection = collectionOf(await getContainer());
      expect(collection.total).toBeGreaterThan(0);
      expect(collection.first).toBeDefined();
    });
    requirement('4.2', 'SHOULD', 'with more than one page, last links the last page', async () => {
      const collection = collectionOf(await getContainer(undefined, CLOSED_POST));
      expect(collection.last).toBe(`${containerIri(CLOSED_POST)}?page=1`);
      const last = pageSchema.parse((await anyone().get(pathOf(collection.last ?? ''), ld())).json);
      expect(last.next).toBeUndefined();
      expect(last.items.length).toBeGreaterThan(0);
    });
    requirement('4.2', 'SHOULD', 'total is the number of annotations in the container', async () => {
      const collection = collectionOf(await getContainer(undefined, CLOSED_POST));
      expect(collection.total).toBe(205);
    });
    requirement('4.2', 'SHOULD', 'the IRI given differs between IRIs-only and full descriptions (a query parameter)', async () => {
      const full = collectionOf(await getContainer(DESCRIPTIONS)).id;
      const iris = collectionOf(await getContainer(IRIS)).id;
      expect(iris).not.toBe(full);
      expect(new URL(iris).search).toBe('?iris=1');
      expect(collectionOf(await anyone().get(pathOf(iris), ld())).id).toBe(iris);
    });
    requirement('4.2', 'MUST', 'Content-Location gives that IRI, the same as the id', async () => {
      for (const prefer of [undefined, IRIS, DESCRIPTIONS, MINIMAL]) {
        const response = await getContainer(prefer);
        expect(response.headers.get('content-location'), prefer).toBe(collectionOf(response).id);
      }
    });

    // 4.2.1 Container Representation Preferences
    requirement('4.2.1', 'SHOULD', 'with no preference, the container answers as PreferContainedDescriptions', async () => {
      const page = firstPage(await getContainer());
      expect(page.items.length).toBeGreaterThan(0);
      for (const item of page.items) expect(isAnnotation(item)).toBe(true);
    });
    requirement('4.2.1', 'SHOULD', 'preferences are honoured with Preference-Applied, and Vary includes Prefer', async () => {
      const honoured = await getContainer(IRIS);
      expect(honoured.headers.get('preference-applied')).toBe('return=representation');
      expect(honoured.headers.get('vary')?.split(/,\s*/)).toContain('Prefer');
      expect((await getContainer()).headers.get('preference-applied')).toBeNull();
    });

    // 4.2.2 Representations without Annotations
    requirement('4.2.2', 'MUST NOT', 'the minimal container includes ldp:contains or embeds the first page', async () => {
      const response = await getContainer(MINIMAL);
      const collection = collectionOf(response);
      expect(typeof collection.first).toBe('string');
      expect(Object.keys(collection).filter((key) => /contains|items/.test(key))).toEqual([]);
      expect(response.headers.get('preference-applied')).toBe('return=representation');
    });
    requirement('4.2.2', 'SHOULD', "the minimal container's linked pages follow PreferContainedIRIs or Descriptions", async () => {
      const iris = collectionOf(await getContainer(MINIMAL_IRIS));
      const irisPage = pageSchema.parse((await anyone().get(pathOf(String(iris.first)), ld())).json);
      expect(irisPage.items.every(isIri)).toBe(true);
      const full = collectionOf(await getContainer(MINIMAL));
      const fullPage = pageSchema.parse((await anyone().get(pathOf(String(full.first)), ld())).json);
      expect(fullPage.items.every(isAnnotation)).toBe(true);
    });

    // 4.2.3 Representations with Annotation IRIs
    requirement('4.2.3', 'MUST', 'PreferContainedIRIs: first is an AnnotationPage whose items are IRIs only', async () => {
      const page = firstPage(await getContainer(IRIS));
      expect(page.items.length).toBeGreaterThan(0);
      expect(page.items.every(isIri)).toBe(true);
      expect(page.items).toContain(note.id);
    });
    requirement('4.2.3', 'SHOULD', 'the linked pages follow PreferContainedIRIs', async () => {
      const collection = collectionOf(await getContainer(IRIS, CLOSED_POST));
      const next = firstPage(await getContainer(IRIS, CLOSED_POST)).next ?? '';
      expect(next).toBe(collection.last);
      const page = pageSchema.parse((await anyone().get(pathOf(next), ld())).json);
      expect(page.items.length).toBeGreaterThan(0);
      expect(page.items.every(isIri)).toBe(true);
    });

    // 4.2.4 Representations with Annotation Descriptions
    requirement('4.2.4', 'MUST', 'PreferContainedDescriptions: first is an AnnotationPage of complete annotations', async () => {
      const page = firstPage(await getContainer(DESCRIPTIONS));
      expect(page.items.every(isAnnotation)).toBe(true);
      expect(page.items).toContainEqual(expect.objectContaining({ id: note.id, target: note.target }));
    });
    requirement('4.2.4', 'SHOULD', 'the linked pages follow PreferContainedDescriptions', async () => {
      const next = firstPage(await getContainer(DESCRIPTIONS, CLOSED_POST)).next ?? '';
      const page = pageSchema.parse((await anyone().get(pathOf(next), ld())).json);
      expect(page.items.length).toBeGreaterThan(0);
      expect(page.items.every(isAnnotation)).toBe(true);
    });

    // 4.3 Annotation Pages
    requirement('4.3', 'MUST', 'every page links the container it is part of with partOf', async () => {
      for (const prefer of [DESCRIPTIONS, IRIS]) {
        const collection = collectionOf(await getContainer(prefer, CLOSED_POST));
        for (const link of [firstPage(await getContainer(prefer, CLOSED_POST)).id, collection.last ?? '']) {
          const page = pageSchema.parse((await anyone().get(pathOf(link), ld())).json);
          expect(page.partOf?.id, link).toBe(collection.id);
        }
      }
    });
    requirement('4.3', 'MUST', 'a page that is not the first links the previous one with prev', async () => {
      const collection = collectionOf(await getContainer(undefined, CLOSED_POST));
      const last = pageSchema.parse((await anyone().get(pathOf(collection.last ?? ''), ld())).json);
      expect(last.prev).toBe(`${containerIri(CLOSED_POST)}?page=0`);
      expect(firstPage(await getContainer(undefined, CLOSED_POST)).prev).toBeUndefined();
    });
    requirement('4.3', 'MUST', 'a page that is not the last links the next one with next', async () => {
      expect(firstPage(await getContainer(undefined, CLOSED_POST)).next).toBe(`${containerIri(CLOSED_POST)}?page=1`);
    });

    // 4.4 Discovery of Annotation Containers
    requirement('4.4', 'MUST', 'a post links the container of its notes with rel="http://www.w3.org/ns/oa#annotationService"', async () => {
      for (const locale of ['zh', 'en', 'zh']) {
        const response = await anyone().get(`/${locale}/posts/${OPEN_POST}`, { headers: { accept: 'text/html' } });
        expect(response.status, locale).toBe(200);
        expect(response.headers.get('link'), locale).toContain(`<${container()}>; rel="http://www.w3.org/ns/oa#annotationService"`);
      }
    });

    // 5.1 Create a New Annotation
    requirement('5.1', 'MUST', 'the server gives the annotation its own IRI in id, even when the client sent one', async () => {
      const { annotation } = await create({ ...seedNote('带着自己的 id'), id: 'https://elsewhere.example/annotations/42' });
      expect(annotation.id.startsWith(containerIri())).toBe(true);
    });
    requirement('5.1', 'SHOULD', 'the IRI it assigns is HTTPS', async () => {
      expect(new URL((await create()).annotation.id).protocol).toBe('https:');
    });
    requirement('5.1', 'MUST', "the annotation's IRI is the container's IRI with a segment added", async () => {
      const { annotation } = await create();
      expect(annotation.id).toMatch(new RegExp(`^${containerIri().replace(/[.]/g, '\\.')}[\\w-]+$`));
      expect((await anyone().get(pathOf(annotation.id), ld())).status).toBe(200);
    });
    requirement('5.1', 'MUST', 'a canonical IRI is kept without change', async () => {
      const canonical = `urn:uuid:${crypto.randomUUID()}`;
      const { annotation } = await create({ ...seedNote('有 canonical 的批注'), canonical });
      expect(annotation.canonical).toBe(canonical);
      expect(annotationDocumentSchema.parse((await anyone().get(pathOf(annotation.id), ld())).json).canonical).toBe(canonical);
    });
    requirement('5.1', 'SHOULD', "the client's id is copied to via", async () => {
      const { annotation } = await create({ ...seedNote('从别处来的批注'), id: 'https://elsewhere.example/annotations/43' });
      expect(annotation.via).toBe('https://elsewhere.example/annotations/43');
    });
    requirement('5.1', 'MUST', 'a successful creation answers 201 Created', async () => {
      expect((await author.post(container(), seedNote('新批注'), { contentType: LD_TYPE })).status).toBe(201);
    });
    requirement('5.1', 'MUST', "Location gives the new annotation's IRI", async () => {
      const { response, annotation } = await create();
      expect(response.headers.get('location')).toBe(annotation.id);
    });
    requirement('5.1', 'SHOULD', 'the 201 answer holds the annotation as stored, with its ETag', async () => {
      const { response, annotation } = await create();
      const read = await author.get(pathOf(annotation.id), ld());
      expect(read.json).toEqual(response.json);
      expect(read.headers.get('etag')).toBe(response.headers.get('etag'));
    });

    // 5.2 Suggesting an IRI for an Annotation
    requirement('5.2', 'SHOULD', 'a Slug names the new annotation when no resource has that IRI', async () => {
      const slug = `my_first_annotation-${Date.now()}`;
      const { response, annotation } = await create(seedNote('用 Slug 命名'), { slug: `"${slug}"` });
      expect(annotation.id).toBe(`${containerIri()}${slug}`);
      expect(response.headers.get('location')).toBe(annotation.id);
      const again = await create(seedNote('同一个 Slug'), { slug });
      expect(again.annotation.id).not.toBe(annotation.id);
    });

    // 5.3 Update an Existing Annotation
    requirement('5.3', 'SHOULD', 'PUT is supported', async () => {
      const { annotation } = await create();
      expect((await author.request('PUT', pathOf(annotation.id), { json: annotation, contentType: LD_TYPE })).status).toBe(200);
    });
    requirement('5.3', 'MUST', "PUT replaces the annotation's state with the body", async () => {
      const { annotation } = await create({ ...seedNote('旧的'), tags: ['旧标签'] });
      const replacement = { ...annotation, body: { type: 'TextualBody', value: '新的', format: 'text/markdown' } };
      await author.request('PUT', pathOf(annotation.id), { json: replacement, contentType: LD_TYPE });
      const read = annotationDocumentSchema.parse((await author.get(pathOf(annotation.id), ld())).json);
      expect(JSON.stringify(read.body)).toContain('新的');
      expect(JSON.stringify(read.body)).not.toContain('旧标签');
    });
    requirement('5.3', 'SHOULD', 'an update that changes canonical or via is refused', async () => {
      const { annotation } = await create({ ...seedNote('有 canonical'), canonical: 'urn:uuid:0f3f9c5e-8a61-4d57-9d1e-1a2b3c4d5e6f', id: 'https://elsewhere.example/a/1' });
      for (const change of [{ canonical: 'urn:uuid:11111111-2222-4333-8444-555555555555' }, { via: 'https://elsewhere.example/a/2' }]) {
        const response = await author.request('PUT', pathOf(annotation.id), { json: { ...annotation, ...change }, contentType: LD_TYPE });
        expect({ status: response.status, code: errorSchema.parse(response.json).error.code }).toEqual({ status: 409, code: 'annotation.iriImmutable' });
      }
      expect((await author.request('PUT', pathOf(annotation.id), { json: annotation, contentType: LD_TYPE })).status).toBe(200);
    });
    requirement('5.3', 'MUST', 'a successful PUT answers 200 with the new state of the annotation', async () => {
      const { annotation } = await create();
      const replacement = { ...annotation, body: { type: 'TextualBody', value: '改好了', format: 'text/markdown' } };
      const response = await author.request('PUT', pathOf(annotation.id), { json: replacement, contentType: LD_TYPE, headers: { accept: LD_TYPE } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(LD_TYPE);
      expect(JSON.stringify(annotationDocumentSchema.parse(response.json).body)).toContain('改好了');
      expect(response.headers.get('etag')).toBe((await author.get(pathOf(annotation.id), ld())).headers.get('etag'));
    });
    requirement('5.3', 'SHOULD', 'an If-Match with an ETag that no longer matches is refused with 412 (PUT and DELETE)', async () => {
      const { response, annotation } = await create();
      const stale = response.headers.get('etag') ?? '';
      await author.request('PUT', pathOf(annotation.id), { json: { ...annotation, body: { type: 'TextualBody', value: '第二版' } }, contentType: LD_TYPE, headers: { 'if-match': stale } });
      const put = await author.request('PUT', pathOf(annotation.id), { json: { ...annotation, body: { type: 'TextualBody', value: '第三版' } }, contentType: LD_TYPE, headers: { 'if-match': stale } });
      expect({ status: put.status, code: errorSchema.parse(put.json).error.code }).toEqual({ status: 412, code: 'annotation.preconditionFailed' });
      expect((await author.delete(pathOf(annotation.id), { headers: { 'if-match': stale } })).status).toBe(412);
    });

    // 5.4 Delete an Existing Annotation
    requirement('5.4', 'SHOULD', 'DELETE is supported', async () => {
      const { annotation } = await create();
      expect((await author.delete(pathOf(annotation.id))).status).not.toBe(405);
    });
    requirement('5.4', 'MUST', 'a successful DELETE answers 204', async () => {
      const { response, annotation } = await create();
      expect((await author.delete(pathOf(annotation.id), { headers: { 'if-match': response.headers.get('etag') ?? '' } })).status).toBe(204);
    });
    requirement('5.4', 'MUST', "the deleted annotation's IRI is removed from its container", async () => {
      const { annotation } = await create();
      await author.delete(pathOf(annotation.id));
      expect(firstPage(await author.get(container(), ld({ prefer: IRIS }))).items).not.toContain(annotation.id);
      expect((await author.get(pathOf(annotation.id), ld())).status).toBe(404);
    });
    requirement('5.4', 'SHOULD NOT', 'the IRI of a deleted annotation is used again, even for a Slug that asks for it', async () => {
      const slug = `reused-${Date.now()}`;
      const { annotation } = await create(seedNote('会被删掉'), { slug });
      expect((await author.delete(pathOf(annotation.id))).status).toBe(204);
      expect((await create(seedNote('想用同一个 IRI'), { slug })).annotation.id).not.toBe(annotation.id);
    });

    // 6. Error Conditions (informative: the status codes the Recommendation prefers)
    requirement('6', 'informative', 'a format that is not served (text/turtle) is 406, as the JSON error', async () => {
      for (const path of [container(), pathOf(note.id)]) {
        const response = await anyone().get(path, { headers: { accept: 'text/turtle' } });
        expect({ status: response.status, code: errorSchema.parse(response.json).error.code }, path).toEqual({ status: 406, code: 'request.notAcceptable' });
      }
    });
    requirement('6', 'informative', 'a method not allowed is 405 with Allow, and the error carries Link', async () => {
      const response = await anyone().request('POST', pathOf(note.id), { json: {} });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('DELETE, GET, HEAD, OPTIONS, PATCH, PUT');
      expect(response.headers.get('link')).toBe(`<${LDP}Resource>; rel="type"`);
      expect(errorSchema.parse(response.json).error.code).toBe('request.methodNotAllowed');
    });

    // Kept working for clients of this API from before these IRIs.
    test('the container without its trailing slash answers the same description', async () => {
      const response = await anyone().get(container().slice(0, -1), ld());
      expect(response.status).toBe(200);
      expect(collectionOf(response).id).toBe(containerIri());
    });
    test('an IRI of the old form /api/annotations/{id} redirects permanently (308) to the annotation under its container', async () => {
      const id = note.id.slice(containerIri().length);
      const response = await author.get(`/api/annotations/${id}`, ld());
      expect(response.status).toBe(308);
      expect(response.headers.get('location')).toBe(pathOf(note.id));
      expect((await anyone().get('/api/annotations/no-such-note', ld())).status).toBe(404);
    });
  });
});
