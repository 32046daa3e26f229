/**
 * Anchoring reader notes, in Chromium: the time to find 1,000 stored passages again in the seed
 * post's page, the work the notes layer does when the notes arrive (and again whenever pinyin is
 * switched). One run reads the page's layer document (`layerDocument(document)`), anchors every
 * passage (`anchorAll`) and makes a DOM Range of each result (`toRange`), timed with
 * performance.now() inside the page: 15 runs after 3 warm-ups.
 *
 * The code measured is the project's: lib/notes/anchoring (index.ts and dom.ts) bundled by
 * esbuild into one script and added to the page served by the runner. The page's own notes layer
 * loads first and is left alone; the runs change nothing in the page.
 *
 * The 1,000 passages are made in the page from the post as it is now, with a seeded random
 * generator (the same set on every run), by `describe` over random spans of both layers, most of
 * them as stored against this very text and the rest against an older version of a block, as a
 * note written before the author revised the post would be:
 *   - unchanged: the text is as it was (expected: found at the stored position);
 *   - shifted: a sentence was later removed from the start of the block (elsewhere in the block);
 *   - split: the block was once one paragraph with the next block (elsewhere in the layer);
 *   - reworded: one character inside the passage was changed since (approximate match);
 *   - gone: the passage lay in a sentence the author later deleted (orphaned).
 * How each kind was actually found is counted and printed.
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromiumDescription, launchChromium } from './lib/browser.mjs';

export const name = 'notes';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const SLUG = 'docker-and-hyper';
/** The English page shows the glosses inline, so both layers are on the page. */
const PAGE = `/en/posts/${SLUG}`;
const NOTES_API = `/api/posts/${SLUG}/annotations`;
const VIEWPORT = { width: 1280, height: 800 };
const GLOBAL = 'duizhaoAnchoring';
const WARMUPS = 3;
const RUNS = 15;
const TARGET_MEDIAN_MS = 100;
/** How many passages of each kind (1,000 in all). */
const MIX = { unchanged: 700, shifted: 100, split: 80, reworded: 80, gone: 40 };
const SEED = 20160520;

/** lib/notes/anchoring as one browser script that sets `window[GLOBAL]`. */
async function anchoringScript() {
  const entry = [
    "export { anchorAll, describe } from './lib/notes/anchoring/index.ts';",
    "export { layerDocument, toRange } from './lib/notes/anchoring/dom.ts';",
  ].join('\n');
  const result = await build({
    stdin: { contents: entry, resolveDir: root, sourcefile: 'bench-anchoring-entry.ts', loader: 'ts' },
    bundle: true,
    format: 'iife',
    globalName: GLOBAL,
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const [file] = result.outputFiles;
  if (!file) throw new Error('esbuild produced no output for the anchoring bundle');
  return file.text;
}

/**
 * Runs in the page: the passages of `mix`, each described against the block's text as it was
 * when the note was written. Returns the anchors and the kind of each.
 */
function makeAnchorsInPage({ global, mix, seed }) {
  const { describe, layerDocument } = window[global];
  let state = seed >>> 0;
  // mulberry32: small, seeded, good enough to pick spans.
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const between = (low, high) => low + Math.floor(random() * (high - low + 1));
  const pick = (list) => list[Math.floor(random() * list.length)];

  const doc = layerDocument(document);
  const usable = doc.filter((block) => block.text.trim().length >= 12);
  const nextInLayer = (block) => {
    const same = doc.filter((each) => each.layer === block.layer);
    return same[same.findIndex((each) => each.id === block.id) + 1];
  };
  const withBlock = (blocks, id, layer, text) => blocks.map((each) => (each.id === id && each.layer === layer ? { ...each, text } : each));
  const withoutBlock = (blocks, id, layer) => blocks.filter((each) => !(each.id === id && each.layer === layer));
  // Text no revision of this post could contain: characters it never uses.
  const forgotten = (layer, length) => {
    const pool = layer === 'zh' ? '龘靐齉爩鱻麤灪籲驫鸞齾讟' : 'qxzjvkwyqzxj';
    let text = '';
    while (text.length < length) text += layer === 'zh' ? pick(pool) : `${pick(pool)}${pick(pool)}${pick(pool)}${pick(pool)} `;
    return text.slice(0, length);
  };
  /** A random span of at least `min` characters inside `[from, to)` of `text`, or null. */
  const spanIn = (text, from, to, min, max) => {
    if (to - from < min) return null;
    const length = between(min, Math.min(max, to - from));
    const start = between(from, to - length);
    return text.slice(start, start + length).trim() === '' ? null : { start, end: start + length };
  };

  const makers = {
    unchanged() {
      const block = pick(usable);
      const span = spanIn(block.text, 0, block.text.length, 2, 40);
      return span && describe(doc, block.id, block.layer, span.start, span.end);
    },
    shifted() {
      const block = pick(usable);
      const removed = block.layer === 'zh' ? '这一句话后来被作者删掉了，因为它说得不太对。' : 'This sentence was later deleted by the author. ';
      const old = withBlock(doc, block.id, block.layer, removed + block.text);
      const span = spanIn(block.text, 0, block.text.length, 6, 40);
      return span && describe(old, block.id, block.layer, removed.length + span.start, removed.length + span.end);
    },
    split() {
      const block = pick(usable);
      const next = nextInLayer(block);
      if (!next || next.text.trim().length < 12) return null;
      const old = withoutBlock(withBlock(doc, block.id, block.layer, block.text + next.text), next.id, next.layer);
      const span = spanIn(next.text, 0, next.text.length, 6, 40);
      return span && describe(old, block.id, block.layer, block.text.length + span.start, block.text.length + span.end);
    },
    reworded() {
      const block = pick(usable);
      const span = spanIn(block.text, 0, block.text.length, 12, 40);
      if (!span) return null;
      const at = between(span.start + 3, span.end - 4);
      const was = block.layer === 'zh' ? '鑫' : 'q';
      if (block.text[at] === was || /\s/.test(block.text[at])) return null;
      const old = withBlock(doc, block.id, block.layer, block.text.slice(0, at) + was + block.text.slice(at + 1));
      return describe(old, block.id, block.layer, span.start, span.end);
    },
    gone() {
      const block = pick(usable);
      const deleted = forgotten(block.layer, between(12, 30));
      const at = between(0, block.text.length);
      const old = withBlock(doc, block.id, block.layer, block.text.slice(0, at) + deleted + block.text.slice(at));
      return describe(old, block.id, block.layer, at, at + deleted.length);
    },
  };

  const anchors = [];
  const kinds = [];
  for (const [kind, count] of Object.entries(mix)) {
    for (let made = 0, tries = 0; made < count; tries++) {
      if (tries > count * 100) throw new Error(`could not make ${count} "${kind}" passages from this page`);
      const anchor = makers[kind]();
      if (!anchor) continue;
      anchors.push(anchor);
      kinds.push(kind);
      made++;
    }
  }
  const layers = { zh: 0, en: 0 };
  for (const anchor of anchors) layers[anchor.layer]++;
  return {
    anchors,
    kinds,
    layers,
    blocks: { zh: doc.filter((block) => block.layer === 'zh').length, en: doc.filter((block) => block.layer === 'en').length },
    characters: doc.reduce((sum, block) => sum + block.text.length, 0),
  };
}

/**
 * Runs in the page: `warmups` + `runs` timed runs of what the notes layer does when notes arrive.
 * Returns the measured runs' times and, from the last run, how each passage was found.
 */
function anchorInPage({ global, anchors, warmups, runs }) {
  const { anchorAll, layerDocument, toRange } = window[global];
  const samples = [];
  let last = null;
  for (let run = 0; run < warmups + runs; run++) {
    const start = performance.now();
    const doc = layerDocument(document);
    const read = performance.now();
    const results = anchorAll(doc, anchors);
    const anchored = performance.now();
    const ranges = results.map((result) => (result ? toRange(document, result) : null));
    const end = performance.now();
    if (run >= warmups) samples.push({ total: end - start, layerDocument: read - start, anchorAll: anchored - read, toRange: end - anchored });
    last = { results, ranges };
  }
  const found = last.results.map((result, index) => {
    if (!result) return null;
    const range = last.ranges[index];
    return { method: result.method, blockId: result.blockId, range: range !== null, text: range ? range.toString() : null };
  });
  return { samples, found };
}

const ms = (value) => Math.round(value * 100) / 100;
const METHODS = ['position', 'quote-in-block', 'quote-in-document', 'fuzzy'];

export async function run(ctx) {
  ctx.log('bundling lib/notes/anchoring with esbuild');
  const script = await anchoringScript();
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    // The page's own notes layer reads the post's notes (page by page) once the page is hydrated.
    const notesRead = page.waitForResponse(
      async (response) => new URL(response.url()).pathname === NOTES_API && response.request().method() === 'GET' && response.ok() && !(await response.json()).next,
      { timeout: 30_000 },
    );
    notesRead.catch(() => {}); // awaited below; a failure is reported there, not as an unhandled rejection
    await page.goto(ctx.url(PAGE), { waitUntil: 'load' });
    await page.locator('nav.reading-toolbar').getByRole('button', { name: /Shortcuts|快捷键/ }).waitFor({ timeout: 30_000 });
    await notesRead;
    await page.addScriptTag({ content: script });

    const made = await page.evaluate(makeAnchorsInPage, { global: GLOBAL, mix: MIX, seed: SEED });
    ctx.log(`anchoring ${made.anchors.length} passages, ${WARMUPS} warm-ups + ${RUNS} runs`);
    const { samples, found } = await page.evaluate(anchorInPage, { global: GLOBAL, anchors: made.anchors, warmups: WARMUPS, runs: RUNS });
    await context.close();

    const of = (key) => samples.map((sample) => sample[key]);
    const byMethod = Object.fromEntries(METHODS.map((method) => [method, found.filter((each) => each?.method === method).length]));
    const orphaned = found.filter((each) => each === null).length;
    const withoutRange = found.filter((each) => each !== null && !each.range).length;
    // A passage found at its stored position, or found elsewhere exactly, must be its own words.
    const wrongWords = found.filter((each, index) => each && each.method !== 'fuzzy' && each.text !== made.anchors[index].exact).length;
    const byKind = {};
    made.kinds.forEach((kind, index) => {
      const outcome = found[index]?.method ?? 'orphaned';
      byKind[kind] ??= {};
      byKind[kind][outcome] = (byKind[kind][outcome] ?? 0) + 1;
    });

    const count = made.anchors.length;
    const rows = [
      ctx.row(`anchor ${count.toLocaleString('en-US')} notes (layerDocument + anchorAll + toRange), median of ${RUNS}`, ms(ctx.median(of('total'))), 'ms', ctx.atMost(TARGET_MEDIAN_MS)),
      ctx.row(`anchor ${count.toLocaleString('en-US')} notes, p95`, ms(ctx.percentile(of('total'), 95)), 'ms'),
      ctx.row('  layerDocument(document), median', ms(ctx.median(of('layerDocument'))), 'ms'),
      ctx.row('  anchorAll, median', ms(ctx.median(of('anchorAll'))), 'ms'),
      ctx.row('  toRange for every result, median', ms(ctx.median(of('toRange'))), 'ms'),
      ...METHODS.map((method) => ctx.row(`found by ${method}`, byMethod[method], 'notes')),
      ctx.row('orphaned', orphaned, 'notes'),
      ctx.row('found but no Range could be made', withoutRange, 'notes', ctx.exactly(0)),
      ctx.row('found exactly, but the Range holds other words', wrongWords, 'notes', ctx.exactly(0)),
    ];
    ctx.note(`in ${chromiumDescription(browser)}, viewport ${VIEWPORT.width}x${VIEWPORT.height}, on ${PAGE}: ${made.blocks.zh} Chinese and ${made.blocks.en} English blocks, ${made.characters.toLocaleString('en-US')} characters.`);
    ctx.note(`${count} passages (${made.layers.zh} on the Chinese, ${made.layers.en} on the English), seed ${SEED}; slowest run ${ms(Math.max(...of('total')))} ms, fastest ${ms(Math.min(...of('total')))} ms.`);
    for (const [kind, outcomes] of Object.entries(byKind)) {
      ctx.note(`  ${kind} (${MIX[kind]}): ${Object.entries(outcomes).map(([outcome, times]) => `${times} ${outcome}`).join(', ')}`);
    }
    const [load] = os.loadavg();
    if (load > os.cpus().length) ctx.note(`WARNING: the machine is busy (load average ${load.toFixed(1)} on ${os.cpus().length} CPUs); timings come out pessimistic.`);
    ctx.details.samples = samples.map((sample) => Object.fromEntries(Object.entries(sample).map(([key, value]) => [key, ms(value)])));
    ctx.details.byKind = byKind;
    return rows;
  } finally {
    await browser.close();
  }
}
