/**
 * A popular post: the seed post with 1,000 comments (800 conversations, 200 replies), as a blog
 * that moved in with its Disqus history would have. What the post page weighs then (HTML as
 * served and gzipped, elements in its document, comments it carries), against the same page with
 * no comments, and one page of the thread from the API.
 *
 * Starts a server of its own on a fresh SQLite file (the runner's server keeps its database), on
 * the runner's build, with the comment rate limits raised out of the way, and removes both after.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { elementTexts } from './lib/html.mjs';
import { BENCH_HOST } from './lib/server.mjs';
import { freePort, startBenchServer } from './lib/services.mjs';

export const name = 'popular-post';

const SLUG = 'docker-and-hyper';
const API_PATH = `/api/posts/${SLUG}/comments`;
const CONVERSATIONS = 800;
const REPLIES = 200;
const WRITERS = 8;
const RATE_LIMIT_OFF = '100000000';
const TARGETS = { htmlGzipBytes: 40 * 1024, elements: 800 };
const PAGES = [
  { path: `/zh/posts/${SLUG}`, mode: 'off', heading: (count) => `评论（${count}）` },
  { path: `/en/posts/${SLUG}`, mode: 'inline', heading: (count) => `Comments (${count})` },
];

/** Elements in a document: start tags, with what scripts and styles hold left out. */
function elementCount(html) {
  const markup = html.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, '<$1>');
  return (markup.match(/<[a-zA-Z][\w-]*[\s/>]/g) ?? []).length;
}

async function postComment(origin, body, parentId) {
  const response = await fetch(`${origin}${API_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ author: `Reader ${body.length}`, body, parentId }),
  });
  const text = await response.text();
  if (response.status !== 201) throw new Error(`POST ${API_PATH} answered ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text).comment.id;
}

/** Runs task(0..count-1), WRITERS at a time. */
async function inParallel(count, task) {
  let next = 0;
  await Promise.all(
    Array.from({ length: WRITERS }, async () => {
      for (let i = next++; i < count; i = next++) await task(i);
    }),
  );
}

/** The conversations first, then replies spread over them. */
async function seed(origin) {
  const conversations = [];
  await inParallel(CONVERSATIONS, async (i) => {
    conversations.push(await postComment(origin, `Comment ${i + 1} on the post: the part about hyper and Docker images was what I needed.`));
  });
  await inParallel(REPLIES, (i) => postComment(origin, `Reply ${i + 1}: 同意，容器启动速度那一段写得很清楚。`, conversations[(i * 7919) % conversations.length]));
}

/** The page once it shows `count` comments (a write revalidates it; the next request renders it). */
async function pageShowing(url, heading) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const response = await fetch(url);
    const html = await response.text();
    if (response.ok && html.includes(heading)) return html;
    if (Date.now() > deadline) throw new Error(`${url} did not show "${heading}" within 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function pageRows(ctx, label, html, withTargets) {
  const threads = (html.match(/<li id="comment-[^"]+" class="comment" data-lang="[^"]+" data-depth="1"/g) ?? []).length;
  const comments = (html.match(/<li id="comment-/g) ?? []).length;
  return [
    ctx.row(`${label} HTML`, Buffer.byteLength(html), 'B'),
    ctx.row(`${label} HTML`, ctx.gzipSize(html), 'B gzip', withTargets ? ctx.atMost(TARGETS.htmlGzipBytes) : undefined),
    ctx.row(`${label} elements`, elementCount(html), 'elements', withTargets ? ctx.atMost(TARGETS.elements) : undefined),
    ctx.row(`${label} inline <script> text`, Buffer.byteLength(elementTexts(html, 'script', (attrs) => !attrs.src).join('')), 'B'),
    ctx.row(`${label} comments carried (conversations)`, comments, `(${threads})`),
  ];
}

export async function run(ctx) {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'duizhao-bench-popular-'));
  const port = await freePort(BENCH_HOST, 3323);
  let server = null;
  const rows = [];
  try {
    server = await startBenchServer(ctx, {
      port,
      logName: 'popular-post-server.log',
      readyPath: API_PATH,
      about: 'a fresh SQLite file',
      env: {
        DATABASE_URL: path.join(folder, 'popular.db'),
        COMMENTS_RATE_PER_MINUTE: RATE_LIMIT_OFF,
        COMMENTS_RATE_PER_DAY: RATE_LIMIT_OFF,
        REDIS_URL: undefined,
        COMMENTS_PREMODERATE: undefined,
      },
    });
    const origin = server.origin;
    for (const page of PAGES) rows.push(...pageRows(ctx, `${page.path} (${page.mode}), no comments`, await pageShowing(`${origin}${page.path}`, page.heading(0)), false));

    const started = Date.now();
    ctx.log(`seeding ${CONVERSATIONS} conversations and ${REPLIES} replies, ${WRITERS} writers at once`);
    await seed(origin);
    ctx.details.seedSeconds = (Date.now() - started) / 1000;
    const total = CONVERSATIONS + REPLIES;
    for (const page of PAGES) rows.push(...pageRows(ctx, `${page.path} (${page.mode}), ${total} comments`, await pageShowing(`${origin}${page.path}`, page.heading(total)), true));

    const apiPage = Buffer.from(await (await fetch(`${origin}${API_PATH}?page=2`)).arrayBuffer());
    const wholeThread = Buffer.from(await (await fetch(`${origin}${API_PATH}`)).arrayBuffer());
    rows.push(ctx.row(`GET ${API_PATH}?page=2 (one page)`, ctx.gzipSize(apiPage), 'B gzip'));
    rows.push(ctx.row(`GET ${API_PATH} (the whole thread)`, ctx.gzipSize(wholeThread), 'B gzip'));
  } finally {
    await server?.stop();
    rmSync(folder, { recursive: true, force: true });
  }
  ctx.note(`Seeded through the API: ${CONVERSATIONS} top-level comments, then ${REPLIES} replies spread over them; pages carry 30 conversations (lib/comments/thread-pages.ts).`);
  ctx.note('Elements: start tags in the document as served, script and style contents left out. The element target is the issue\'s for the post page; today each Chinese word is an element of its own (word help).');
  return rows;
}
