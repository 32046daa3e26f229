/**
 * The gloss layer's costs. In Chromium, the time from a gloss mode switch (a click on the next
 * mode link in the reading toolbar) to the frame that shows it, and the network requests the
 * switches make (the target is none: a mode is a CSS state of `.reading`). Then the bytes it adds: each post's
 * word glossary (/glossary/<slug>.json, every post in /sitemap.xml) and the post page's HTML in
 * each of the six reading states (?gloss=off|inline|parallel & pinyin=0|1, fetched without cookies).
 * Sizes are decoded bytes and gzip at zlib level 6 (see ctx.gzipSize).
 *
 * How a switch is timed, inside the page: performance.now(), click, then
 * requestAnimationFrame(() => setTimeout(done, 0)). The rAF callback runs at the start of the next
 * frame, before its style, layout and paint; a task queued from it runs once that frame's rendering
 * work on the main thread is done, so `done` marks the frame that shows the new mode (raster and
 * compositing, on other threads, come after and are not counted). The start of a second rAF would
 * instead be the frame after, adding a whole idle frame interval to every switch.
 * Clicks land at random points between frames, as a reader's do: each follows a 50-67 ms timer that
 * runs off the frame clock. So the total holds, on average, half a frame of waiting for the next
 * frame to begin; the handler and rendering rows show the work itself. For scale, the same page
 * is then switched by setting `.reading`'s data-gloss alone: the style, layout and paint any
 * switch of this page costs on this machine, with no app code.
 */
import os from 'node:os';
import { GZIP_LEVEL } from './lib/context.mjs';
import { chromiumDescription, launchChromium } from './lib/browser.mjs';
import { tags } from './lib/html.mjs';

export const name = 'gloss';

const SLUG = 'docker-and-hyper';
const SWITCH_PAGES = [`/zh/posts/${SLUG}`, `/en/posts/${SLUG}`];
const SWITCHES = 20;
const VIEWPORT = { width: 1280, height: 800 };
/** One frame at 60 Hz. */
const FRAME_MS = 16.7;
/** Requests made after the last switch still count if they start within this time. */
const SETTLE_MS = 500;
const GLOSSARY_MAX_GZIP = 40 * 1024;
const MODES = ['off', 'inline', 'parallel'];
const STATES = MODES.flatMap((gloss) => ['0', '1'].map((pinyin) => ({ gloss, pinyin })));
const GZ = `B gzip-${GZIP_LEVEL}`;

/**
 * Runs in the page: `count` switches, each to the mode after the current one, timed as the docblock
 * says. `by: 'click'` clicks the next mode link (the app's switch); `by: 'attribute'` only sets
 * `.reading`'s data-gloss, the bare CSS cost of a switch with no app code (React's state then lags
 * behind, so it comes last). Returns per-switch times in ms: total (switch to frame done), handler
 * (the switch's synchronous work, React's commit included) and rendering (frame start to frame
 * done). Throws if a switch does not change data-gloss at once.
 */
async function switchInPage({ count, modes, by }) {
  const root = document.querySelector('.reading');
  const pause = () => new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 17));
  const frameDone = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const frameStart = performance.now();
        setTimeout(() => resolve({ frameStart, done: performance.now() }), 0);
      }),
    );
  const samples = [];
  for (let i = 0; i < count; i++) {
    await pause();
    const next = modes[(modes.indexOf(root.dataset.gloss) + 1) % modes.length];
    const link = document.querySelector(`nav.reading-toolbar a[data-gloss-mode="${next}"]`);
    const start = performance.now();
    if (by === 'click') link.click();
    else root.dataset.gloss = next;
    const handled = performance.now();
    const frame = frameDone();
    if (root.dataset.gloss !== next) throw new Error(`switch ${i + 1}: data-gloss is "${root.dataset.gloss}", not "${next}", after the ${by}`);
    const { frameStart, done } = await frame;
    samples.push({ to: next, total: done - start, handler: handled - start, rendering: done - frameStart });
  }
  return samples;
}

const ms = (value) => Math.round(value * 100) / 100;
const rounded = (sample) => ({ ...sample, total: ms(sample.total), handler: ms(sample.handler), rendering: ms(sample.rendering) });

/** [item, count] pairs, most frequent first. */
function tally(items) {
  const counts = new Map();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]);
}

/**
 * On one page in a fresh browser context: the app's switch timings and the requests made meanwhile,
 * then the bare CSS switch timings on the same page.
 */
async function measureSwitches(ctx, browser, path) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.goto(ctx.url(path), { waitUntil: 'load' });
    // The toolbar's shortcuts button renders only once the page is hydrated; before that a mode link is a plain link.
    await page.locator('nav.reading-toolbar').getByRole('button', { name: /快捷键|Shortcuts/ }).waitFor({ timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    const startMode = await page.locator('.reading').getAttribute('data-gloss');

    const requests = [];
    const onRequest = (request) => requests.push(`${request.method()} ${request.url()} (${request.resourceType()})`);
    page.on('request', onRequest);
    const samples = await page.evaluate(switchInPage, { count: SWITCHES, modes: MODES, by: 'click' });
    await page.waitForTimeout(SETTLE_MS);
    page.off('request', onRequest);
    const cssSamples = await page.evaluate(switchInPage, { count: SWITCHES, modes: MODES, by: 'attribute' });
    return { startMode, samples, cssSamples, requests };
  } finally {
    await context.close();
  }
}

async function switchRows(ctx) {
  const browser = await launchChromium();
  const rows = [];
  try {
    ctx.note(`switches in ${chromiumDescription(browser)}, viewport ${VIEWPORT.width}x${VIEWPORT.height}, a fresh context per page.`);
    for (const path of SWITCH_PAGES) {
      ctx.log(`${SWITCHES} gloss switches on ${path}`);
      const { startMode, samples, cssSamples, requests } = await measureSwitches(ctx, browser, path);
      const of = (key, from = samples) => from.map((sample) => sample[key]);
      const label = `${path} switch`;
      rows.push(
        ctx.row(`${label} → next frame, median of ${SWITCHES}`, ms(ctx.median(of('total'))), 'ms', ctx.atMost(FRAME_MS)),
        ctx.row(`${label} → next frame, p90`, ms(ctx.percentile(of('total'), 90)), 'ms'),
        ctx.row(`${label}: click handler, median`, ms(ctx.median(of('handler'))), 'ms'),
        ctx.row(`${label}: frame rendering, median`, ms(ctx.median(of('rendering'))), 'ms'),
        ctx.row(`${label}: requests during ${SWITCHES} switches`, requests.length, 'requests', ctx.exactly(0)),
        ctx.row(`${path} bare CSS switch → next frame, median`, ms(ctx.median(of('total', cssSamples))), 'ms'),
      );
      ctx.note(`${path}: started in "${startMode}", cycled ${MODES.join('→')} by clicking the next mode link; slowest switch ${ms(Math.max(...of('total')))} ms.`);
      for (const [request, times] of tally(requests)) ctx.note(`   request during switches: ${times}x ${request}`);
      ctx.details[path] = { startMode, samples: samples.map(rounded), bareCssSamples: cssSamples.map(rounded), requests };
    }
  } finally {
    await browser.close();
  }
  const [load] = os.loadavg();
  if (load > os.cpus().length) ctx.note(`WARNING: the machine is busy (load average ${load.toFixed(1)} on ${os.cpus().length} CPUs); switch timings come out pessimistic.`);
  return rows;
}

/** Post slugs from the sitemap: every /zh/posts/<slug> URL. */
async function postSlugs(ctx) {
  const xml = await ctx.fetchText('/sitemap.xml');
  const slugs = new Set();
  for (const [, loc] of xml.matchAll(/<loc>\s*([^<]+?)\s*<\/loc>/g)) {
    const match = new URL(loc.replaceAll('&amp;', '&')).pathname.match(/^\/zh\/posts\/([^/]+)$/);
    if (match) slugs.add(match[1]);
  }
  if (!slugs.size) throw new Error('no /zh/posts/<slug> URL in /sitemap.xml');
  return [...slugs];
}

async function glossaryRows(ctx) {
  const rows = [];
  for (const slug of await postSlugs(ctx)) {
    const path = `/glossary/${slug}.json`;
    const body = await ctx.fetchBuffer(path);
    const words = Object.keys(JSON.parse(body.toString('utf8')).words ?? {}).length;
    rows.push(ctx.row(`${path} (${words} words)`, body.length, 'B'), ctx.row(`${path} (${words} words)`, ctx.gzipSize(body), GZ, ctx.atMost(GLOSSARY_MAX_GZIP)));
  }
  return rows;
}

/** HTML of the post in each reading state; Node's fetch keeps no cookies, so only the query decides. */
async function htmlRows(ctx) {
  const rows = [];
  for (const { gloss, pinyin } of STATES) {
    const path = `/zh/posts/${SLUG}?gloss=${gloss}&pinyin=${pinyin}`;
    const html = await ctx.fetchText(path);
    const reading = tags(html, 'div').find((attrs) => (attrs.class ?? '').split(/\s+/).includes('reading'));
    if (reading?.['data-gloss'] !== gloss || reading?.['data-pinyin'] !== pinyin) {
      ctx.note(`WARNING: ${path} was served as gloss=${reading?.['data-gloss']} pinyin=${reading?.['data-pinyin']}`);
    }
    rows.push(ctx.row(`${path} HTML`, Buffer.byteLength(html), 'B'), ctx.row(`${path} HTML`, ctx.gzipSize(html), GZ));
  }
  return rows;
}

export async function run(ctx) {
  const rows = [...(await switchRows(ctx)), ...(await glossaryRows(ctx)), ...(await htmlRows(ctx))];
  ctx.note('switch → next frame: click to the end of the next frame\'s main-thread rendering (rAF, then setTimeout 0), clicks at random points between frames; the handler and rendering rows are its work, the rest is waiting for the frame to begin. The bare CSS row is the floor any switch of this page pays on this machine.');
  ctx.note(`glossaries: every /zh/posts/<slug> in /sitemap.xml; HTML: fetched without cookies. gzip is node:zlib gzipSync at level ${GZIP_LEVEL}.`);
  return rows;
}
