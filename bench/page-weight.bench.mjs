/**
 * Page weight of the post page in both locales: the HTML document, the JavaScript a first visit
 * loads (every /_next/ script and script preload in the HTML; nomodule polyfills apart), and the
 * CSS (inline <style> plus any linked stylesheets). Sizes are decoded bytes and gzip at zlib level 6 (see ctx.gzipSize).
 */
import { GZIP_LEVEL } from './lib/context.mjs';
import { elementTexts, tags } from './lib/html.mjs';

export const name = 'page-weight';

const PAGES = ['/zh/posts/docker-and-hyper', '/en/posts/docker-and-hyper'];
const GZ = `B gzip-${GZIP_LEVEL}`;

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

/** Raw and gzip bytes of a set of files, each fetched only once per benchmark run. */
async function filesWeight(ctx, urls, cache) {
  let raw = 0;
  let gzip = 0;
  for (const url of urls) {
    if (!cache.has(url)) cache.set(url, ctx.fetchBuffer(url));
    const body = await cache.get(url);
    raw += body.length;
    gzip += ctx.gzipSize(body);
  }
  return { raw, gzip };
}

async function pageRows(ctx, path, cache) {
  const pageUrl = ctx.url(path);
  const html = await ctx.fetchText(pageUrl);
  const scripts = scriptUrls(html, pageUrl);
  const js = await filesWeight(ctx, scripts.modern, cache);
  const legacyJs = await filesWeight(ctx, scripts.legacy, cache);
  const inlineJs = Buffer.from(elementTexts(html, 'script', (attrs) => !attrs.src).join(''));
  const inlineCss = Buffer.from(elementTexts(html, 'style').join(''));
  const sheets = stylesheetUrls(html, pageUrl);
  const linkedCss = await filesWeight(ctx, sheets, cache);
  return [
    ctx.row(`${path} HTML`, Buffer.byteLength(html), 'B'),
    ctx.row(`${path} HTML`, ctx.gzipSize(html), GZ),
    ctx.row(`${path} first-load JS files`, scripts.modern.length, 'files'),
    ctx.row(`${path} first-load JS`, js.raw, 'B'),
    ctx.row(`${path} first-load JS`, js.gzip, GZ),
    ctx.row(`${path} nomodule JS (${scripts.legacy.length} file(s), old browsers only)`, legacyJs.gzip, GZ),
    ctx.row(`${path} inline <script> text (in HTML)`, inlineJs.length, 'B'),
    ctx.row(`${path} CSS inline + ${sheets.length} linked`, inlineCss.length + linkedCss.raw, 'B'),
    ctx.row(`${path} CSS inline + ${sheets.length} linked`, ctx.gzipSize(inlineCss) + linkedCss.gzip, GZ),
  ];
}

export async function run(ctx) {
  const cache = new Map();
  const rows = [];
  for (const path of PAGES) rows.push(...(await pageRows(ctx, path, cache)));
  ctx.note(`gzip sizes are node:zlib gzipSync at level ${GZIP_LEVEL} (the default); JS and CSS gzip figures are sums of per-file sizes (inline <style> text counts as one piece).`);
  ctx.note('first-load JS excludes nomodule scripts, which modern browsers never fetch; they are shown on their own row.');
  ctx.note('inline <script> text (mostly the RSC payload) is already part of the HTML figures.');
  return rows;
}
