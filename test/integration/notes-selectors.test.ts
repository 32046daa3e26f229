/**
 * Notes created by any W3C client, over HTTP against the production server, on SQLite and on
 * PostgreSQL: each selector form a client may send (a lone TextQuoteSelector; a quote with a
 * TextPositionSelector over the whole text; a FragmentSelector or a CssSelector naming the block)
 * is anchored by the server in the post's text, in the Chinese and in the English gloss, and
 * stored and returned as the very selectors the page itself describes for those words; a quote
 * that is not in the post is refused with 400 annotation.notAnchored.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { describe as describeSelection } from '../../lib/notes/anchoring/describe';
import type { Layer } from '../../lib/notes/anchoring/types';
import { toW3CSelectors } from '../../lib/notes/w3c/selectors';
import { annotationDocumentSchema, annotationPageSchema } from '../../lib/notes/w3c/dto-schema';
import { postLayers, SEED_DIR, SEED_STEM, type PostLayers } from '../fixtures/notes/post-layers';
import { createTempDatabase, postgresUnavailableReason, PROVIDERS, type TempDatabase } from './databases';
import { Reader } from './http-client';
import { LIMITS_OFF_ENV, OPEN_POST, READY_TIMEOUT_MS, SITE_URL, startServer, type RunningServer } from './server';

const pgUnavailable = await postgresUnavailableReason();
const CONTAINER = `/api/posts/${OPEN_POST}/annotations/`;
const errorSchema = z.object({ error: z.object({ code: z.string() }) });

let seed: PostLayers;

/** The selectors the page itself stores for the words `[start, end)` of a block, as the API returns them. */
function pageSelectors(blockId: string, layer: Layer, start: number, end: number) {
  const anchor = describeSelection(seed.blocks, blockId, layer, start, end);
  if (!anchor) throw new Error(`no text at ${layer} ${blockId} ${start}..${end}`);
  const [quote, css] = toW3CSelectors(anchor);
  return [{ type: quote.type, exact: quote.exact, ...(quote.prefix ? { prefix: quote.prefix } : {}), ...(quote.suffix ? { suffix: quote.suffix } : {}) }, css];
}

/** Where a block's text starts in its layer's whole text (its blocks joined by `\n`). */
function offsetOf(blockId: string, layer: Layer): number {
  let offset = 0;
  for (const block of seed.blocks.filter((each) => each.layer === layer)) {
    if (block.id === blockId) return offset;
    offset += block.text.length + 1;
  }
  throw new Error(`no block ${blockId}`);
}

const PASSAGES = [
  { layer: 'zh' as const, start: 5, end: 11, exact: 'Docker', prefix: '很多人都说', suffix: '只不过是把内核', css: '[data-block="docker-p2"]', fragment: 'docker-p2' },
  { layer: 'en' as const, start: 68, end: 83, exact: 'kernel features', prefix: 'a few ', suffix: ', such as', css: '#gloss-docker-p2 > .gloss-text', fragment: 'gloss-docker-p2' },
];

type Passage = (typeof PASSAGES)[number];
const FORMS: Array<[string, (passage: Passage) => unknown]> = [
  ['a lone TextQuoteSelector', ({ exact, prefix, suffix }) => ({ type: 'TextQuoteSelector', exact, prefix, suffix })],
  [
    'a TextQuoteSelector and a TextPositionSelector over the whole text',
    ({ exact, prefix, suffix, layer, start, end }) => [
      { type: 'TextQuoteSelector', exact, prefix, suffix },
      { type: 'TextPositionSelector', start: offsetOf('docker-p2', layer) + start, end: offsetOf('docker-p2', layer) + end },
    ],
  ],
  ['a FragmentSelector naming the block, refined by the quote', ({ exact, fragment }) => ({ type: 'FragmentSelector', value: fragment, refinedBy: { type: 'TextQuoteSelector', exact } })],
  ['a CssSelector naming the block, and the quote', ({ exact, css }) => [{ type: 'CssSelector', value: css }, { type: 'TextQuoteSelector', exact }]],
  ['a CssSelector naming the block, refined by a position in it', ({ css, start, end }) => ({ type: 'CssSelector', value: css, refinedBy: { type: 'TextPositionSelector', start, end } })],
];

beforeAll(async () => {
  seed = await postLayers(SEED_DIR, SEED_STEM);
}, 120_000);

describe.each(PROVIDERS)('notes from any W3C client, anchored by the server, on %s', (provider) => {
  const unavailable = provider === 'postgres' ? pgUnavailable : null;
  if (unavailable) console.warn(`[integration] skipping the PostgreSQL selector tests: ${unavailable}`);

  describe.skipIf(unavailable !== null)(provider, () => {
    let database: TempDatabase | undefined;
    let server: RunningServer | undefined;
    const reader = () => {
      if (!server) throw new Error('the server did not start');
      return new Reader(server.baseUrl);
    };
    const post = (selector: unknown, text = `A note ${Date.now()}`) =>
      reader().post(CONTAINER, {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        type: 'Annotation',
        body: { type: 'TextualBody', value: text },
        target: { source: `${SITE_URL}/posts/${OPEN_POST}`, selector },
      });

    beforeAll(async () => {
      database = await createTempDatabase(provider);
      server = await startServer({ databaseUrl: database.url, env: { TRUSTED_PROXIES: '127.0.0.1', ...LIMITS_OFF_ENV }, label: `${provider} selectors` });
    }, READY_TIMEOUT_MS + 60_000);

    afterAll(async () => {
      await server?.stop();
      await database?.drop();
    }, 60_000);

    for (const passage of PASSAGES) {
      test.each(FORMS)(`${passage.layer}: %s lands on the words the page selected, stored and listed as the page's own selectors`, async (_, form) => {
        const text = `${passage.layer} ${Date.now()} ${Math.random()}`;
        const response = await post(form(passage), text);
        expect(response.status, response.text).toBe(201);
        const expected = { source: `${SITE_URL}/posts/${OPEN_POST}`, selector: pageSelectors('docker-p2', passage.layer, passage.start, passage.end) };
        expect(annotationDocumentSchema.parse(response.json).target).toEqual(expected);
        const listed = annotationPageSchema.parse((await reader().get(`${CONTAINER}?page=0`)).json).items.find((item) => item.id === annotationDocumentSchema.parse(response.json).id);
        expect(listed?.target).toEqual(expected);
      });
    }

    test('a short quote with no context is taken where it is in the post', async () => {
      const response = await post({ type: 'TextQuoteSelector', exact: '内核' });
      expect(response.status, response.text).toBe(201);
      const [quote, css] = z.tuple([z.object({ exact: z.string() }), z.object({ value: z.string() })]).parse(z.object({ target: z.object({ selector: z.unknown() }) }).parse(response.json).target.selector);
      expect(quote.exact).toBe('内核');
      expect(css.value).toMatch(/^\[data-block="/);
    });

    test.each([
      ['Chinese words not in the post', { type: 'TextQuoteSelector', exact: '这句话不在文章里' }],
      ['English words not in the gloss', { type: 'TextQuoteSelector', exact: 'words this gloss never had' }],
      ['words not in the block named', [{ type: 'FragmentSelector', value: 'gloss-docker-p2' }, { type: 'TextQuoteSelector', exact: 'Docker只不过是把内核' }]],
    ])('%s are refused with 400 annotation.notAnchored', async (_, selector) => {
      const response = await post(selector);
      expect({ status: response.status, code: errorSchema.parse(response.json).error.code }).toEqual({ status: 400, code: 'annotation.notAnchored' });
    });
  });
});
