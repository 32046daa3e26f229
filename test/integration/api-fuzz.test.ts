/**
 * Every API route under generated input (fast-check), over real HTTP, on SQLite and PostgreSQL:
 * whatever a client sends, the answer is never a 5xx; a refusal is a 4xx with the JSON error
 * `{error: {code, message}}` and a code of lib/http/errors.ts; and a refusal changes nothing: at
 * the end, the thread and the notes hold exactly what the 2xx answers said was stored.
 *
 * Inputs mix the shapes each route expects with every kind of wrongness: missing and extra keys,
 * wrong types, control characters, bidi controls, lone surrogates, huge and empty strings, ids
 * that exist and ids that do not, malformed JSON, other content types, query strings.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { errorCodes } from '../../lib/http/errors';
import { createTempDatabase, postgresUnavailableReason, PROVIDERS, type TempDatabase } from './databases';
import { Reader, type ApiResponse } from './http-client';
import { seedNote } from './seed-note';
import { LIMITS_OFF_ENV, OPEN_POST, READY_TIMEOUT_MS, SITE_URL, startServer, type RunningServer } from './server';

const pgUnavailable = await postgresUnavailableReason();
const RUNS = Number(process.env.FUZZ_RUNS ?? 120);
const errorAnswer = z.object({ error: z.object({ code: z.enum(errorCodes), message: z.string() }) });
const commentId = z.object({ comment: z.object({ id: z.string(), pending: z.literal(true).optional() }) });
const noteId = z.object({ id: z.string() });

/** Strings that have broken parsers, databases and pages before, beside generated ones. */
const nasty = fc.constantFrom(
  '', ' ', '\u0000', 'a\u0000b', '\u202Eevil', '\u200B', '\uD800', '\uDFFF', '\r\n', '\t', '😀'.repeat(2600), 'x'.repeat(5001),
  'javascript:alert(1)', 'https:/zh/admin', 'https://user:pass@example.com/', '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>',
  '../../etc/passwd', '%00', '%E0%A4%A', '{"a":', 'null', '[]', '1e309', '-0', '__proto__', 'constructor',
);
const text = fc.oneof(fc.string({ maxLength: 80 }), fc.fullUnicodeString({ maxLength: 80 }), nasty);
/** For paths and query strings: no longer than an address gets (a 16 KB request line is Node's own 431). */
const urlText = text.filter((candidate) => candidate.length <= 200);
/**
 * A path segment on the wire. A lone surrogate cannot be percent-encoded as UTF-8; what a client
 * can send in its place is the UTF-8 of a surrogate code point, which does not decode.
 */
const segment = (candidate: string) => encodeURIComponent(candidate.toWellFormed()) + (candidate.isWellFormed() ? '' : '%ED%A0%80');
const scalar = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.dictionary(text, scalar, { maxKeys: 3 }));

const commentBody = fc.record(
  { author: fc.oneof(text, value), body: fc.oneof(text, value), email: fc.oneof(text, value), website: fc.oneof(text, value), parentId: fc.oneof(text, value), lang: fc.oneof(fc.constantFrom('zh', 'en', 'fr'), value), honeypot: value, formToken: value },
  { requiredKeys: [] },
);
const selector = fc.oneof(
  fc.record({ type: fc.constantFrom('TextQuoteSelector', 'Nonsense'), exact: text, prefix: fc.oneof(text, value), suffix: fc.oneof(text, value) }, { requiredKeys: ['type'] }),
  fc.record({ type: fc.constant('TextPositionSelector'), start: fc.oneof(fc.integer(), value), end: fc.oneof(fc.integer(), value) }, { requiredKeys: ['type'] }),
  fc.record({ type: fc.constantFrom('CssSelector', 'FragmentSelector'), value: fc.oneof(text, fc.constantFrom('[data-block="top-p1"]', 'top-p1')) }, { requiredKeys: ['type'] }),
  value,
);
const annotationBody = fc.record(
  {
    '@context': fc.oneof(fc.constant('http://www.w3.org/ns/anno.jsonld'), value),
    type: fc.oneof(fc.constant('Annotation'), value),
    motivation: fc.oneof(fc.constantFrom('commenting', 'replying', 'bookmarking'), value),
    body: fc.oneof(fc.record({ type: fc.constant('TextualBody'), value: text, format: fc.oneof(fc.constant('text/markdown'), value), purpose: fc.oneof(fc.constant('tagging'), value) }, { requiredKeys: [] }), value),
    target: fc.oneof(
      fc.record({ source: fc.oneof(fc.constant(`${SITE_URL}/zh/posts/${OPEN_POST}`), text), selector: fc.oneof(selector, fc.array(selector, { maxLength: 3 })) }, { requiredKeys: [] }),
      value,
    ),
    tags: value,
    visibility: fc.oneof(fc.constantFrom('public', 'private'), value),
    id: value,
  },
  { requiredKeys: [] },
);
/** A body as sent: JSON of a value, or raw text under some content type. */
const payload = <T,>(json: fc.Arbitrary<T>) =>
  fc.oneof(
    { weight: 4, arbitrary: json.map((data) => ({ json: data as unknown })) },
    { weight: 1, arbitrary: fc.record({ body: fc.oneof(text, fc.constant('{"author":')), contentType: fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/ld+json') }) },
  );

describe.each(PROVIDERS)('the API under generated input on %s', (provider) => {
  const unavailable = provider === 'postgres' ? pgUnavailable : null;
  if (unavailable) console.warn(`[integration] skipping the PostgreSQL fuzzing: ${unavailable}`);

  describe.skipIf(unavailable !== null)(provider, () => {
    let database: TempDatabase;
    let server: RunningServer;
    const statuses: Record<string, number> = {};
    const comments = new Set<string>();
    const notes = new Set<string>();
    let existingComment = '';
    let existingNote = '';

    beforeAll(async () => {
      database = await createTempDatabase(provider);
      server = await startServer({
        databaseUrl: database.url,
        label: `${provider} (fuzzing)`,
        env: { TRUSTED_PROXIES: '127.0.0.1', ...LIMITS_OFF_ENV },
      });
      const author = new Reader(server.baseUrl);
      existingComment = commentId.parse((await author.post(`/api/posts/${OPEN_POST}/comments`, { author: 'Seed', body: 'A comment to aim at' })).json).comment.id;
      comments.add(existingComment);
      const note = await author.post(`/api/posts/${OPEN_POST}/annotations`, seedNote('A note to aim at'));

      existingNote = new URL(noteId.parse(note.json).id).pathname;
      notes.add(existingNote);
    }, READY_TIMEOUT_MS + 60_000);

    afterAll(async () => {
      console.log(`[integration] ${provider} fuzzing, ${RUNS} runs per route: answers by status ${JSON.stringify(statuses)}`);
      await server?.stop();
      await database?.drop();
    }, 60_000);

    /** The property every answer has; 2xx answers that stored something are noted for the final count. */
    function check(route: string, response: ApiResponse): void {
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      expect(response.status, `${route}: ${response.text.slice(0, 300)}`).toBeLessThan(500);
      if (response.status >= 400) {
        const parsed = errorAnswer.safeParse(response.json);
        expect(parsed.success, `${route} answered ${response.status} without the API's JSON error: ${response.text.slice(0, 300)}`).toBe(true);
      }
    }

    const send = (reader: Reader, method: string, path: string, body: { json?: unknown; body?: string; contentType?: string } | undefined) =>
      reader.request(method, path, body === undefined ? {} : 'json' in body ? { json: body.json } : { body: body.body, contentType: body.contentType });

    const id = fc.oneof(fc.constant('EXISTING'), urlText, fc.stringMatching(/^[\w-]{1,40}$/));
    const idIn = (candidate: string, existing: string) => (candidate === 'EXISTING' ? existing : segment(candidate));

    test('POST /api/posts/{slug}/comments', async () => {
      await fc.assert(
        fc.asyncProperty(payload(commentBody), fc.oneof(fc.constant(OPEN_POST), urlText), async (body, slug) => {
          const route = `POST comments of ${JSON.stringify(slug).slice(0, 40)}`;
          const response = await send(new Reader(server.baseUrl), 'POST', `/api/posts/${segment(slug)}/comments`, body);
          check(route, response);
          // One awaiting moderation (more than three links) is not in the public thread.
          const created = response.status === 201 ? commentId.parse(response.json).comment : null;
          if (created && !created.pending) comments.add(created.id);
        }),
        { numRuns: RUNS },
      );
    });

    test('GET /api/posts/{slug}/comments with any query', async () => {
      await fc.assert(
        fc.asyncProperty(fc.dictionary(fc.constantFrom('page', 'order', 'comment', 'x'), urlText, { maxKeys: 3 }), async (query) => {
          const response = await new Reader(server.baseUrl).get(`/api/posts/${OPEN_POST}/comments?${new URLSearchParams(query)}`);
          check(`GET thread ?${new URLSearchParams(query)}`, response);
        }),
        { numRuns: RUNS },
      );
    });

    test('PATCH, DELETE and flag /api/comments/{id}', async () => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom('PATCH', 'DELETE', 'FLAG'), id, payload(commentBody), async (method, target, body) => {
          const path = `/api/comments/${idIn(target, existingComment)}`;
          const reader = new Reader(server.baseUrl);
          const response = method === 'FLAG' ? await send(reader, 'POST', `${path}/flag`, body) : await send(reader, method, path, method === 'PATCH' ? body : undefined);
          check(`${method} ${path}`, response);
        }),
        { numRuns: RUNS },
      );
    });

    test('POST /api/posts/{slug}/annotations', async () => {
      await fc.assert(
        fc.asyncProperty(payload(annotationBody), fc.oneof(fc.constant(OPEN_POST), urlText), async (body, slug) => {
          const response = await send(new Reader(server.baseUrl), 'POST', `/api/posts/${segment(slug)}/annotations`, body);
          check(`POST annotations of ${JSON.stringify(slug).slice(0, 40)}`, response);
          if (response.status === 201) notes.add(new URL(noteId.parse(response.json).id).pathname);
        }),
        { numRuns: RUNS },
      );
    });

    test('GET, PUT, PATCH and DELETE /api/annotations/{id}, and the container with any query', async () => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom('GET', 'PUT', 'PATCH', 'DELETE', 'CONTAINER'), id, payload(annotationBody), fc.dictionary(fc.constantFrom('page', 'iris', 'x'), urlText, { maxKeys: 2 }), async (method, target, body, query) => {
          const reader = new Reader(server.baseUrl);
          if (method === 'CONTAINER') {
            check('GET container', await reader.get(`/api/posts/${OPEN_POST}/annotations?${new URLSearchParams(query)}`));
            return;
          }
          const path = target === 'EXISTING' ? existingNote : `/api/annotations/${segment(target)}`;
          check(`${method} ${path}`, await send(reader, method, path, method === 'PUT' || method === 'PATCH' ? body : undefined));
        }),
        { numRuns: RUNS },
      );
    });

    test('every route answers every method: a success, or the API\'s JSON error (a 405 names what it allows)', async () => {
      const routes = [
        `/api/posts/${OPEN_POST}/comments`,
        `/api/posts/${OPEN_POST}/annotations`,
        '/api/comments/no-such-comment',
        '/api/comments/no-such-comment/flag',
        '/api/comments/count?slugs=x',
        '/api/comments/form-token',
        '/api/comments/preview',
        '/api/annotations/no-such-note',
        '/api/health',
        '/api/no/such/route',
      ];
      for (const route of routes) {
        for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
          const response = await new Reader(server.baseUrl).request(method, route, method === 'GET' || method === 'DELETE' ? {} : { json: {} });
          check(`${method} ${route}`, response);
          if (response.status === 405) expect(response.headers.get('allow'), `${method} ${route}`).toBeTruthy();
        }
      }
    });

    test('refusals changed nothing: the thread and the notes hold exactly what was answered as stored', async () => {
      const thread = z.object({ comments: z.array(z.object({ id: z.string() })) }).parse((await new Reader(server.baseUrl).get(`/api/posts/${OPEN_POST}/comments`)).json);
      // Every fuzzed request comes from a new reader, without the authors' cookies: none could delete.
      expect(new Set(thread.comments.map((comment) => comment.id))).toEqual(comments);
      // Private notes are not in the public count: the public ones are those a stranger can read.
      let visible = 0;
      for (const note of notes) if ((await new Reader(server.baseUrl).get(note)).status === 200) visible += 1;
      const container = (await new Reader(server.baseUrl).get(`/api/posts/${OPEN_POST}/annotations`)).json;
      const total = z.union([z.object({ total: z.number() }), z.object({ partOf: z.object({ total: z.number() }) })]).parse(container);
      expect('total' in total ? total.total : total.partOf.total).toBe(visible);
    });
  });
});
