/**
 * Every page that shows what readers wrote, opened in the hostile-input suite's browser: the post
 * in each reading mode under /zh and /en with JavaScript (its notes panel open) and without, every
 * page of the comments page and pages opened at one comment, the moderation page signed in as the
 * admin, and the feeds. On each: the tripwires (hostile-input-browser.ts), no unsafe markup in the
 * reader-written parts, and names and websites shown as they read back through the API.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { ADMIN_PARTS, COMMENT_PARTS, NOTE_PARTS, shownAuthors, unsafeMarkup, type BrowserTally, type ReaderParts } from './hostile-input-browser';
import { OPEN_POST } from './server';

export type PageRun = {
  tally: BrowserTally;
  problems: string[];
  /** Names and websites of the public comments, by id, as the API answers them. */
  authors: ReadonlyMap<string, { author: string; website: string | null }>;
  /** Tags of the public notes, as the API answers them; and how many public notes there are. */
  tags: ReadonlySet<string>;
  notes: number;
  /** Characters XML 1.0 forbids, found in the comments feed: there must be none (the feed is then not well-formed). */
  feedForbidden: string[];
};

/** Characters outside XML 1.0's `Char`: C0 controls but tab, newline and return; U+FFFE, U+FFFF. */
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

const POST = (locale: string) => `/${locale}/posts/${OPEN_POST}`;
const READING_MODES = ['?gloss=off', '?gloss=inline', '?gloss=parallel', '?pinyin=1'];
const TIMEOUT = 30_000;

async function open(context: BrowserContext, run: PageRun, url: string, parts: readonly ReaderParts[], ready?: (page: Page) => Promise<void>): Promise<Page> {
  const page = await context.newPage();
  run.tally.pagesOpened += 1;
  const response = await page.goto(url, { waitUntil: 'load', timeout: TIMEOUT });
  if (response?.status() !== 200) run.problems.push(`${url} answered ${response?.status()}`);
  if (ready) await ready(page);
  for (const problem of await unsafeMarkup(page, parts)) run.problems.push(`${url}: ${problem}`);
  return page;
}

/** Every comment on the page shows the name and website the API gives; returns how many were shown. */
async function expectAuthorsShown(page: Page, run: PageRun, url: string): Promise<number> {
  const shown = await shownAuthors(page);
  for (const comment of shown) {
    const wanted = run.authors.get(comment.id);
    if (!wanted) run.problems.push(`${url}: comment ${comment.id} is not in the public thread`);
    else if (comment.author !== wanted.author || comment.website !== wanted.website) {
      run.problems.push(`${url}: comment ${comment.id} shows ${JSON.stringify([comment.author, comment.website])}, the API has ${JSON.stringify([wanted.author, wanted.website])}`);
    }
  }
  return shown.length;
}

const hydrated = async (page: Page) => {
  await page.locator('.reading-toolbar [aria-controls="notes-panel"]').and(page.locator(':enabled')).waitFor({ timeout: TIMEOUT });
};

/** Opens the notes panel and waits until it lists every public note. */
async function openNotes(page: Page, run: PageRun, url: string): Promise<void> {
  await page.locator('.reading-toolbar [aria-controls="notes-panel"] .count').filter({ hasText: /^\d+$/ }).waitFor({ timeout: TIMEOUT });
  await page.locator('.reading-toolbar [aria-controls="notes-panel"]').click();
  await page.locator('aside#notes-panel li.note').nth(run.notes - 1).waitFor({ state: 'attached', timeout: TIMEOUT });
  for (const problem of await unsafeMarkup(page, [NOTE_PARTS])) run.problems.push(`${url} (notes panel): ${problem}`);
  const shownTags = new Set(await page.locator('aside#notes-panel .note-tag').allTextContents());
  for (const tag of run.tags) if (!shownTags.has(`#${tag}`)) run.problems.push(`${url} (notes panel): tag ${JSON.stringify(tag)} not shown`);
}

export async function visitPostPages(withScript: BrowserContext, withoutScript: BrowserContext, run: PageRun): Promise<void> {
  for (const locale of ['zh', 'en']) {
    for (const mode of READING_MODES) {
      const url = `${POST(locale)}${mode}`;
      const page = await open(withScript, run, url, [COMMENT_PARTS], hydrated);
      await expectAuthorsShown(page, run, url);
      await openNotes(page, run, url);
      await page.close();
      const plain = await open(withoutScript, run, url, [COMMENT_PARTS]);
      await expectAuthorsShown(plain, run, url);
      await plain.close();
    }
  }
}

/** Every page of the comments page (zh without JavaScript, en with), and pages opened at single comments. */
export async function visitCommentPages(withScript: BrowserContext, withoutScript: BrowserContext, run: PageRun, pages: number, commentIds: readonly string[]): Promise<number> {
  let shown = 0;
  for (const [locale, context] of [['zh', withoutScript], ['en', withScript]] as const) {
    for (let n = 1; n <= pages; n += 1) {
      const url = `${POST(locale)}/comments?page=${n}`;
      const page = await open(context, run, url, [COMMENT_PARTS]);
      shown += await expectAuthorsShown(page, run, url);
      await page.close();
    }
    for (const id of commentIds) {
      const url = `${POST(locale)}/comments?comment=${id}`;
      const page = await open(context, run, url, [COMMENT_PARTS]);
      if ((await page.locator(`#comment-${id}`).count()) !== 1) run.problems.push(`${url}: does not show comment ${id}`);
      await expectAuthorsShown(page, run, url);
      await page.close();
    }
  }
  return shown;
}

/** Signs in on /en/admin as the admin would, then reads the queue there and, without JavaScript, on /zh/admin. */
export async function visitAdmin(
  withScript: BrowserContext,
  withoutScriptAs: (state: Awaited<ReturnType<BrowserContext['storageState']>>) => Promise<BrowserContext>,
  run: PageRun,
  adminToken: string,
): Promise<number> {
  const page = await open(withScript, run, '/en/admin', []);
  await page.getByLabel('Admin token').fill(adminToken);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('region', { name: 'Public reader notes' }).waitFor({ timeout: TIMEOUT });
  for (const problem of await unsafeMarkup(page, [ADMIN_PARTS])) run.problems.push(`/en/admin: ${problem}`);
  const cards = await page.locator('main article').count();
  const state = await withScript.storageState();
  await page.close();
  const plain = await open(await withoutScriptAs(state), run, '/zh/admin', [ADMIN_PARTS]);
  if ((await plain.locator('main article').count()) !== cards) run.problems.push(`/zh/admin shows ${await plain.locator('main article').count()} cards, /en/admin ${cards}`);
  await plain.close();
  return cards;
}

/**
 * The feeds, opened in the browser (tripwires on), and their XML read as a feed reader would: well
 * formed once characters XML forbids are left out (they are counted in `feedForbidden`), no element in the HTML, SVG or MathML namespace, and each comment's HTML content within
 * the reader-markdown allowlist once a feed reader unescapes it.
 */
export async function visitFeeds(withScript: BrowserContext, run: PageRun, baseUrl: string): Promise<number> {
  let entries = 0;
  for (const url of ['/feed.xml', `/feed/${OPEN_POST}.xml`]) {
    const page = await withScript.newPage();
    run.tally.pagesOpened += 1;
    const response = await page.goto(url, { waitUntil: 'load', timeout: TIMEOUT });
    if (response?.status() !== 200) run.problems.push(`${url} answered ${response?.status()}`);
    const served = await (await fetch(`${baseUrl}${url}`)).text();
    // Counted apart (see feedForbidden), then left out, so the rest can be parsed and checked.
    for (const match of served.matchAll(XML_FORBIDDEN)) run.feedForbidden.push(`U+${match[0].codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')} at ${match.index} in ${url}`);
    const xml = served.replace(XML_FORBIDDEN, '');
    const found = await page.evaluate(({ source, readerFeed }) => {
      const doc = new DOMParser().parseFromString(source, 'application/xml');
      const problems: string[] = [];
      if (doc.getElementsByTagName('parsererror').length > 0) problems.push('not well-formed XML');
      for (const element of doc.getElementsByTagName('*')) {
        if (/xhtml|svg|MathML/i.test(element.namespaceURI ?? '')) problems.push(`<${element.localName}> in ${element.namespaceURI}`);
        for (const attribute of Array.from(element.attributes)) if (attribute.name.toLowerCase().startsWith('on')) problems.push(`${attribute.name} on <${element.localName}>`);
      }
      // The site's feed carries the posts' own HTML; only the comments feed is readers' words.
      const contents = readerFeed ? [...doc.getElementsByTagName('content')] : [];
      for (const content of contents) {
        const html = new DOMParser().parseFromString(content.textContent ?? '', 'text/html');
        for (const element of html.body.querySelectorAll('*')) {
          if (!['p', 'br', 'em', 'strong', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a'].includes(element.localName)) problems.push(`<${element.localName}> in a feed entry's HTML`);
          for (const attribute of Array.from(element.attributes)) {
            if (!(element.localName === 'a' && ((attribute.name === 'href' && /^(?:https?:\/\/|mailto:)/i.test(attribute.value)) || attribute.name === 'rel'))) problems.push(`${attribute.name} in a feed entry's HTML`);
          }
        }
      }
      return { problems, entries: doc.getElementsByTagName('entry').length };
    }, { source: xml, readerFeed: url !== '/feed.xml' });
    for (const problem of found.problems) run.problems.push(`${url}: ${problem}`);
    if (url !== '/feed.xml') entries = found.entries;
    await page.close();
  }
  return entries;
}
