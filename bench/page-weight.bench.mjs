/**
 * Page weight of the post page in both locales: the HTML document, the JavaScript a first visit
 * loads (every /_next/ script and script preload in the HTML; nomodule polyfills apart), and the
 * CSS (inline <style> plus any linked stylesheets). Sizes are decoded bytes and gzip at zlib level 6 (see ctx.gzipSize).
 *
 * The post page's first-load JS is judged against a bare Next page's, measured the same way in the
 * same run (lib/bare-next.mjs: built and served on the project's own Next and React): what the post
 * page loads beyond it is the app's own cost (target: at most 20 KB gzip).
 */
import path from 'node:path';
import { startBareNext } from './lib/bare-next.mjs';
import { GZIP_LEVEL } from './lib/context.mjs';
import { elementTexts, tags } from './lib/html.mjs';

export const name = 'page-weight';

const PAGES = ['/zh/posts/docker-and-hyper', '/en/posts/docker-and-hyper'];
const GZ = `B gzip-${GZIP_LEVEL}`;
/** First-load JS a post page may add to a bare Next page's. */
const OVER_BARE_MAX_GZIP = 20 * 1024;

/** Absolute, de-duplicated URLs of the sources that are Next.js assets (under /_next/). */
function nextUrls(sources, pageUrl) {
  const urls = sources.filter(Boolean).map((source) => new URL(source, pageUrl));
  return [...new Set(urls.filter((url) => url.pathname.startsWith('/_next/')).map((url) => url.href))];
}

/**
 * URLs under /_next/ of the scripts a first load fetches: <script src> and script preloads. Scripts
 * marked nomodule are listed apart: modern browsers skip them (they are polyfills for old ones).
 */
function scriptUrls(html, pageUrl) {
  const scripts = tags(html, 'script').filter((attrs) => attrs.src);
  const preloads = tags(html, 'link').filter((attrs) => {
    const rel = (attrs.rel ?? '').toLowerCase().split(/\s+/);
    return rel.includes('modulepreload') || (rel.includes('preload') && attrs.as === 'script');
  });
  const legacy = nextUrls(scripts.filter((attrs) => 'nomodule' in attrs).map((attrs) => attrs.src), pageUrl);
  const modern = nextUrls([...scripts.filter((attrs) => !('nomodule' in attrs)).map((attrs) => attrs.src), ...preloads.map((attrs) => attrs.href)], pageUrl);
  return { modern, legacy };
}

function stylesheetUrls(html, pageUrl) {
  return tags(html, 'link')
    .filter((attrs) => (attrs.rel ?? '').toLowerCase().split(/\s+/).includes('stylesheet') && attrs.href)
    .map((attrs) => new URL(attrs.href, pageUrl).href);
}

/**
 * Raw and gzip bytes of a set of files, each fetched only once per benchmark run, with the
 * figures of each file (by path) for the JSON details.
 */
async function filesWeight(ctx, urls, cache) {
  let raw = 0;
  let gzip = 0;
  const files = [];
  for (const url of urls) {
    if (!cache.has(url)) cache.set(url, ctx.fetchBuffer(url));
    const body = await cache.get(url);
    const file = { path: new URL(url).pathname, raw: body.length, gzip: ctx.gzipSize(body) };
    files.push(file);
    raw += file.raw;
    gzip += file.gzip;
  }
  return { raw, gzip, files };
}

/** The first-load JS of a page's HTML: the scripts a first visit fetches, and their weight. */
async function firstLoadJs(ctx, html, pageUrl, cache) {
  const scripts = scriptUrls(html, pageUrl);
  return { scripts, js: await filesWeight(ctx, scripts.modern, cache) };
}

async function pageRows(ctx, pagePath, cache) {
  const pageUrl = ctx.url(pagePath);
  const html = await ctx.fetchText(pageUrl);
  const { scripts, js } = await firstLoadJs(ctx, html, pageUrl, cache);
  ctx.details.firstLoadJs[pagePath] = js.files;
  const legacyJs = await filesWeight(ctx, scripts.legacy, cache);
  const inlineJs = Buffer.from(elementTexts(html, 'script', (attrs) => !attrs.src).join(''));
  const inlineCss = Buffer.from(elementTexts(html, 'style').join(''));
  const sheets = stylesheetUrls(html, pageUrl);
  const linkedCss = await filesWeight(ctx, sheets, cache);
  const rows = [
    ctx.row(`${pagePath} HTML`, Buffer.byteLength(html), 'B'),
    ctx.row(`${pagePath} HTML`, ctx.gzipSize(html), GZ),
    ctx.row(`${pagePath} first-load JS files`, scripts.modern.length, 'files'),
    ctx.row(`${pagePath} first-load JS`, js.raw, 'B'),
    ctx.row(`${pagePath} first-load JS`, js.gzip, GZ),
    ctx.row(`${pagePath} nomodule JS (${scripts.legacy.length} file(s), old browsers only)`, legacyJs.gzip, GZ),
    ctx.row(`${pagePath} inline <script> text (in HTML)`, inlineJs.length, 'B'),
    ctx.row(`${pagePath} CSS inline + ${sheets.length} linked`, inlineCss.length + linkedCss.raw, 'B'),
    ctx.row(`${pagePath} CSS inline + ${sheets.length} linked`, ctx.gzipSize(inlineCss) + linkedCss.gzip, GZ),
  ];
  return { rows, jsGzip: js.gzip };
}

/**
 * The bare Next page's first-load JS, measured as a post page's is; null (with a note saying why)
 * when the bare app cannot be built or served, which leaves the rest of the benchmark standing.
 */
async function bareNextJs(ctx, cache) {
  const logFile = path.join(ctx.resultsDir, 'page-weight-bare-next.log');
  ctx.log(`building and starting a bare Next app (log: ${path.relative(process.cwd(), logFile)})`);
  let bare;
  try {
    bare = await startBareNext({ logFile });
  } catch (error) {
    ctx.note(`no bare Next page to compare with: ${error?.message ?? error}`);
    return null;
  }
  try {
    const html = await ctx.fetchText(bare.url);
    const { scripts, js } = await firstLoadJs(ctx, html, bare.url, cache);
    ctx.details.firstLoadJs['bare Next page'] = js.files;
    ctx.details.bareNext = { versions: bare.versions, buildMs: bare.buildMs };
    return { ...js, count: scripts.modern.length, versions: bare.versions };
  } finally {
    await bare.stop();
  }
}

export async function run(ctx) {
  const cache = new Map();
  const rows = [];
  const postJs = new Map();
  ctx.details.firstLoadJs = {};
  for (const pagePath of PAGES) {
    const page = await pageRows(ctx, pagePath, cache);
    rows.push(...page.rows);
    postJs.set(pagePath, page.jsGzip);
  }
  const bare = await bareNextJs(ctx, cache);
  if (bare) {
    rows.push(ctx.row(`bare Next page first-load JS (${bare.count} files)`, bare.gzip, GZ));
    for (const [pagePath, gzip] of postJs) rows.push(ctx.row(`${pagePath} first-load JS over a bare Next page`, gzip - bare.gzip, GZ, ctx.atMost(OVER_BARE_MAX_GZIP)));
    ctx.note(`bare Next page: next ${bare.versions.next}, react ${bare.versions.react}, one server-component page, built and served in this run (lib/bare-next.mjs); target: post page first-load JS <= bare + ${OVER_BARE_MAX_GZIP} B (20 KB) gzip.`);
  }
  ctx.note(`gzip sizes are node:zlib gzipSync at level ${GZIP_LEVEL} (the default); JS and CSS gzip figures are sums of per-file sizes (inline <style> text counts as one piece).`);
  ctx.note('first-load JS excludes nomodule scripts, which modern browsers never fetch; they are shown on their own row.');
  ctx.note('inline <script> text (mostly the RSC payload) is already part of the HTML figures.');
  return rows;
}
