/**
 * Reader notes on the seed post, as readers use them: a note on words of the Chinese or of an
 * English gloss, made with the mouse or from the keyboard alone; highlights that find their words
 * again after a reload; markers beside both languages of a block; private notes that stay with
 * their reader; replies, edits and deletion; notes whose words left the post; notes written in
 * HTML and script shown as text; and a page that does not move when the notes arrive.
 *
 * The server and its database are shared with the other tests, which run at the same time. Every
 * test is a reader of its own (a fresh browser context: a reader cookie of its own, and its own
 * X-Forwarded-For, since notes share the comments' per-address rate limit), finds notes by their
 * unique text, and writes on blocks no other test writes on where exact counts are compared.
 * Public notes from other tests and earlier runs may be on the page too.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test as base, type APIRequestContext, type BrowserContext, type Page, type Response } from '@playwright/test';
import { z } from 'zod';
import { passageAnnotation } from '../components/notes/notes-model';
import { describe as describePassage } from '../lib/notes/anchoring/describe';
import type { Layer, LayerBlock } from '../lib/notes/anchoring/types';
import { postIri } from '../lib/notes/w3c/iri';
import { adminToken, editedSiteUrl, postPath, readerAddress, seed, siteUrl } from './fixtures';

type Locale = Parameters<typeof postPath>[0];

const collectionPath = `/api/posts/${seed.slug}/annotations/`;
const seedIri = postIri(siteUrl, seed.slug);

const copy = {
  en: {
    annotate: 'Annotate',
    note: 'Note',
    everyone: 'Everyone',
    onlyMe: 'Only me',
    tags: 'Tags (comma-separated, optional)',
    save: 'Save note',
    saved: 'Note saved.',
    show: 'Show in the text',
    replyAction: 'Reply',
    reply: 'Reply',
    sendReply: 'Post reply',
    edit: 'Edit',
    update: 'Save changes',
    delete: 'Delete',
    confirmDelete: 'Yes, delete',
    mine: 'Yours',
    privateBadge: 'Private',
    orphaned: /^Notes whose passage has changed \(\d+\)$/,
    marker: { zh: (count: number) => `Notes on this block’s Chinese: ${count}`, en: (count: number) => `Notes on this block’s English: ${count}` },
  },
  zh: {
    annotate: '添加批注',
    note: '批注内容',
    everyone: '所有人',
    onlyMe: '仅自己',
    tags: '标签（用逗号分隔，可选）',
    save: '保存批注',
    saved: '批注已保存。',
    show: '在正文中显示',
    replyAction: '回复',
    reply: '回复内容',
    sendReply: '发表回复',
    edit: '编辑',
    update: '保存修改',
    delete: '删除',
    confirmDelete: '确定删除',
    mine: '你的',
    privateBadge: '私密',
    orphaned: /^原文已改动的批注（\d+）$/,
    marker: { zh: (count: number) => `本段中文有 ${count} 条批注`, en: (count: number) => `本段英文译文有 ${count} 条批注` },
  },
} as const;

/** Words of one block of one layer; the words occur once in that block. */
type Passage = { blockId: string; layer: Layer; words: string };
type Visibility = 'public' | 'private';

/** A few words no other note has. */
const unique = (words: string) => `${words} ${randomUUID().slice(0, 8)}`;

const itemSchema = z.object({
  id: z.string(),
  motivation: z.enum(['commenting', 'replying']),
  target: z.unknown(),
  visibility: z.enum(['public', 'private']),
  deleted: z.literal(true).optional(),
});
const annotationPageSchema = z.object({ items: z.array(itemSchema), next: z.string().optional() });
const errorSchema = z.object({ error: z.object({ code: z.string() }) });
type Item = z.infer<typeof itemSchema>;

const test = base.extend<{ anotherReader: () => Promise<Page> }>({
  // This test's reader: its page and its requests come from an address of its own.
  extraHTTPHeaders: async ({}, use) => use({ 'x-forwarded-for': readerAddress() }),
  /** Someone else: a browser of their own, with their own reader cookie and address. */
  anotherReader: async ({ browser, baseURL }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async () => {
      const context = await browser.newContext({ baseURL, extraHTTPHeaders: { 'x-forwarded-for': readerAddress() } });
      contexts.push(context);
      return context.newPage();
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
});

const notesButton = (page: Page) => page.locator('.reading-toolbar [aria-controls="notes-panel"]');
const notesCount = (page: Page) => notesButton(page).locator('.count');
const notesPanel = (page: Page) => page.locator('aside#notes-panel');
const annotateButton = (page: Page, locale: Locale) => page.locator('.annotate-control').getByRole('button', { name: copy[locale].annotate });

const isNotesRead = (response: Response) => new URL(response.url()).pathname === collectionPath && response.request().method() === 'GET';

/**
 * The post, once it is interactive and the notes layer has read the last page of its notes.
 * Highlights and markers are drawn just after, so assertions on them wait for them.
 */
async function openPost(page: Page, locale: Locale) {
  const lastPage = page.waitForResponse(async (response) => isNotesRead(response) && response.ok() && !annotationPageSchema.parse(await response.json()).next);
  await page.goto(postPath(locale));
  await expect(page.getByRole('button', { name: /Shortcuts|快捷键/ })).toBeVisible();
  await lastPage;
  await expect(notesCount(page)).toHaveText(/^\d+$/);
}

async function openPanel(page: Page) {
  if ((await notesButton(page).getAttribute('aria-expanded')) !== 'true') await notesButton(page).click();
  await expect(notesPanel(page)).toBeVisible();
}

/** The card of the note whose text includes `text` (its own card, not one of its replies'). */
const noteCard = (page: Page, text: string) => notesPanel(page).locator('li.note > article').filter({ has: page.locator('.note-body', { hasText: text }) });

/** Selects the words of a passage as a reader's drag would, and returns the selected text. */
async function selectPassage(page: Page, passage: Passage): Promise<string> {
  return page.evaluate(({ blockId, layer, words }) => {
    const block = document.querySelector(layer === 'zh' ? `[data-block="${blockId}"]` : `#gloss-${blockId} > .gloss-text`);
    if (!block) throw new Error(`no ${layer} block ${blockId}`);
    block.scrollIntoView({ block: 'center' });
    const nodes: Text[] = [];
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (node.parentElement?.closest('rt, rp, [data-anchor-skip]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
    const text = nodes.map((node) => node.data).join('');
    const start = text.indexOf(words);
    if (start < 0 || text.indexOf(words, start + 1) >= 0) throw new Error(`"${words}" is not in ${layer} ${blockId} exactly once`);
    const point = (offset: number, isEnd: boolean): [Text, number] => {
      let seen = 0;
      for (const node of nodes) {
        if (isEnd ? offset <= seen + node.length : offset < seen + node.length) return [node, offset - seen];
        seen += node.length;
      }
      throw new Error('offset past the block');
    };
    const [startNode, startOffset] = point(start, false);
    const [endNode, endOffset] = point(start + words.length, true);
    const selection = window.getSelection();
    selection?.setBaseAndExtent(startNode, startOffset, endNode, endOffset);
    return selection?.toString() ?? '';
  }, passage);
}

type Where = { text: string; layer: Layer | null; blockId: string | null };

/** Every range of a named highlight: its text and the block and layer it is in. */
async function highlighted(page: Page, name: 'duizhao-notes' | 'duizhao-note-active'): Promise<Where[]> {
  return page.evaluate((highlightName) => {
    const highlight = CSS.highlights.get(highlightName);
    if (!highlight) return [];
    return [...highlight].map((range) => {
      const element = range.startContainer.parentElement;
      const gloss = element?.closest<HTMLElement>('.gloss');
      const chinese = element?.closest<HTMLElement>('[data-block]');
      const where = gloss ? { layer: 'en' as const, blockId: gloss.id.replace(/^gloss-/, '') } : chinese ? { layer: 'zh' as const, blockId: chinese.dataset.block ?? null } : { layer: null, blockId: null };
      return { text: range.toString(), ...where };
    });
  }, name);
}

/**
 * Waits until the Annotate control stands at the end of the current selection. It follows the
 * selection a moment after each change, and until then it still offers the previous passage.
 */
async function expectControlAtSelection(page: Page, locale: Locale) {
  await expect(annotateButton(page, locale)).toBeVisible();
  await expect
    .poll(() =>
      page.evaluate(() => {
        const selection = window.getSelection();
        const control = document.querySelector('.annotate-control');
        const rects = selection && selection.rangeCount > 0 ? selection.getRangeAt(0).getClientRects() : null;
        const last = rects?.[rects.length - 1];
        if (!control || !last) return false;
        const box = control.getBoundingClientRect();
        const left = Math.max(8, Math.min(last.right + window.scrollX - 40, document.documentElement.clientWidth - 160)) - window.scrollX;
        return Math.abs(box.top - (last.bottom + 6)) < 1 && Math.abs(box.left - left) < 1;
      }),
    )
    .toBe(true);
}

type Draft = { text: string; visibility?: Visibility; tags?: string };

/** Annotates the selected words through the composer; resolves to the stored note's id once the panel says it is saved. */
async function annotateSelection(page: Page, locale: Locale, draft: Draft): Promise<string> {
  const words = copy[locale];
  const panel = notesPanel(page);
  await expectControlAtSelection(page, locale);
  await annotateButton(page, locale).click();
  await expect(panel).toBeVisible();
  await panel.getByLabel(words.note, { exact: true }).fill(draft.text);
  if (draft.visibility === 'private') await panel.getByRole('radio', { name: words.onlyMe }).check();
  if (draft.tags) await panel.getByLabel(words.tags).fill(draft.tags);
  const created = page.waitForResponse((response) => new URL(response.url()).pathname === collectionPath && response.request().method() === 'POST');
  await panel.getByRole('button', { name: words.save }).click();
  const response = await created;
  expect(response.status()).toBe(201);
  await expect(panel.locator('.notes-status')).toHaveText(words.saved);
  return idOf(z.object({ id: z.string() }).parse(await response.json()).id);
}

const idOf = (iri: string) => new URL(iri).pathname.split('/').pop() ?? '';

/** Every note the reader of `request` may see, from every page of the collection, from the first on. */
async function listNotes(request: APIRequestContext): Promise<Item[]> {
  const items: Item[] = [];
  for (let path: string | null = `${collectionPath}?page=0`; path; ) {
    const response = await request.get(path);
    expect(response.status()).toBe(200);
    const page = annotationPageSchema.parse(await response.json());
    items.push(...page.items);
    path = page.next ? `${new URL(page.next).pathname}${new URL(page.next).search}` : null;
  }
  return items;
}

/** What the toolbar counts: notes on a passage (not replies) that are not deleted. */
const passageCount = (items: readonly Item[]) => items.filter((item) => typeof item.target !== 'string' && !item.deleted).length;

/** The Chinese layer of the page as anchoring reads it (pinyin off, so each block's text is its text content). */
async function chineseLayer(page: Page): Promise<LayerBlock[]> {
  return page.evaluate(() => [...document.querySelectorAll<HTMLElement>('[data-block]')].map((block) => ({ id: block.dataset.block ?? '', layer: 'zh' as const, text: block.textContent ?? '' })));
}

/** Stores a note on a passage as the notes UI would, through the API; resolves to its id. */
async function postNote(request: APIRequestContext, body: ReturnType<typeof passageAnnotation>): Promise<string> {
  const response = await request.post(collectionPath, { data: body });
  expect(response.status(), await response.text()).toBe(201);
  return idOf(z.object({ id: z.string() }).parse(await response.json()).id);
}

test.describe('reader notes', () => {
  test('a note made by dragging over Chinese words is highlighted on the same words after a reload', async ({ page }) => {
    const text = unique('Drag note');
    const words = '有大概一个小时';
    await openPost(page, 'en');
    const block = page.locator('[data-block="top-p1"]');
    await block.scrollIntoViewIfNeeded();
    // Where the words are on screen: the drag starts on the right half of 还, the character
    // before 有. (The page marks no word as an element until word help is asked for.)
    const ends = await block.evaluate((element, passage) => {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
      const at = nodes.map((node) => node.data).join('').indexOf(passage);
      const character = (offset: number) => {
        let seen = 0;
        for (const node of nodes) {
          if (offset < seen + node.length) {
            const range = document.createRange();
            range.setStart(node, offset - seen);
            range.setEnd(node, offset - seen + 1);
            const rect = range.getBoundingClientRect();
            return { text: range.toString(), word: node.parentElement?.closest('.w')?.textContent ?? null, left: rect.left, right: rect.right, y: rect.top + rect.height / 2 };
          }
          seen += node.length;
        }
        throw new Error('offset past the block');
      };
      return { before: character(at - 1), last: character(at + passage.length - 1) };
    }, words);
    expect(ends.before).toMatchObject({ text: '还', word: null });
    await page.mouse.move(ends.before.right - 1, ends.before.y);
    await page.mouse.down();
    await page.mouse.move((ends.before.right + ends.last.right) / 2, (ends.before.y + ends.last.y) / 2, { steps: 5 });
    await page.mouse.move(ends.last.right - 1, ends.last.y, { steps: 5 });
    await page.mouse.up();
    expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(words);

    await annotateSelection(page, 'en', { text });
    expect(await highlighted(page, 'duizhao-note-active')).toEqual([{ text: words, layer: 'zh', blockId: 'top-p1' }]);

    await openPost(page, 'en');
    await expect.poll(() => highlighted(page, 'duizhao-notes')).toContainEqual({ text: words, layer: 'zh', blockId: 'top-p1' });
    await openPanel(page);
    const card = noteCard(page, text);
    await expect(card.locator('.note-quote')).toHaveText(words);
    await card.getByRole('button', { name: copy.en.show }).click();
    await expect.poll(() => highlighted(page, 'duizhao-note-active')).toEqual([{ text: words, layer: 'zh', blockId: 'top-p1' }]);
  });

  test('a note on the English gloss is highlighted there and marked beside the Chinese, and the other way round', async ({ page }) => {
    const english: Passage = { blockId: 'docker-p2', layer: 'en', words: 'easy to use and simple' };
    const chinese: Passage = { blockId: 'docker-p2', layer: 'zh', words: '可爱的蓝鲸' };
    const words = copy.en;
    await openPost(page, 'en');
    // Only this reader writes on this block, and privately, so the counts are theirs alone.
    const besideChinese = page.locator('#docker-p2 > .note-markers');
    const besideEnglish = page.locator('#gloss-docker-p2 .note-markers');
    await expect(page.locator('#docker-p2 .note-marker')).toHaveCount(0);

    expect(await selectPassage(page, english)).toBe(english.words);
    await annotateSelection(page, 'en', { text: unique('Gloss note'), visibility: 'private' });
    expect(await highlighted(page, 'duizhao-note-active')).toEqual([{ text: english.words, layer: 'en', blockId: 'docker-p2' }]);
    await expect(besideChinese.getByRole('button', { name: words.marker.en(1), exact: true })).toBeVisible();
    await expect(besideEnglish.getByRole('button', { name: words.marker.en(1), exact: true })).toBeVisible();
    await expect(page.locator('#docker-p2 .note-marker[data-layer="zh"]')).toHaveCount(0);

    expect(await selectPassage(page, chinese)).toBe(chinese.words);
    await annotateSelection(page, 'en', { text: unique('Chinese note'), visibility: 'private' });
    expect(await highlighted(page, 'duizhao-note-active')).toEqual([{ text: chinese.words, layer: 'zh', blockId: 'docker-p2' }]);
    await expect(besideEnglish.getByRole('button', { name: words.marker.zh(1), exact: true })).toBeVisible();
    await expect(besideChinese.getByRole('button', { name: words.marker.zh(1), exact: true })).toBeVisible();

    const mine = (await highlighted(page, 'duizhao-notes')).filter((where) => where.blockId === 'docker-p2');
    expect(mine).toEqual(expect.arrayContaining([{ text: english.words, layer: 'en', blockId: 'docker-p2' }, { text: chinese.words, layer: 'zh', blockId: 'docker-p2' }]));
    expect(mine).toHaveLength(2);

    // A marker leads to the block's notes in the panel.
    await notesPanel(page).getByRole('button', { name: 'Close' }).click();
    await expect(notesPanel(page)).toBeHidden();
    await besideChinese.getByRole('button', { name: words.marker.en(1), exact: true }).click();
    const group = notesPanel(page).locator('#notes-block-docker-p2');
    await expect(group.getByRole('heading')).toBeFocused();
    await expect(group.locator('.note-quote')).toHaveText([chinese.words, english.words]);
  });

  test('a note a W3C client sends with only a TextQuoteSelector is highlighted on its words, in the Chinese and in the English', async ({ page }) => {
    const passages = [
      { where: { text: '把内核的一些特性', layer: 'zh' as const, blockId: 'docker-p2' }, quote: { exact: '把内核的一些特性' } },
      { where: { text: 'kernel features', layer: 'en' as const, blockId: 'docker-p2' }, quote: { exact: 'kernel features', prefix: 'a few ' } },
    ];
    const notes = passages.map((passage) => ({ ...passage, text: unique(`Lone quote (${passage.where.layer})`) }));
    for (const note of notes) {
      const response = await page.request.post(collectionPath, {
        data: {
          '@context': 'http://www.w3.org/ns/anno.jsonld',
          type: 'Annotation',
          body: { type: 'TextualBody', value: note.text },
          target: { source: seedIri, selector: { type: 'TextQuoteSelector', ...note.quote } },
          visibility: 'private',
        },
      });
      expect(response.status(), await response.text()).toBe(201);
    }
    await openPost(page, 'en');
    await openPanel(page);
    for (const note of notes) {
      await noteCard(page, note.text).getByRole('button', { name: copy.en.show }).click();
      await expect.poll(() => highlighted(page, 'duizhao-note-active')).toEqual([note.where]);
      await expect.poll(() => highlighted(page, 'duizhao-notes')).toContainEqual(note.where);
    }
  });

  test('a private note stays with its reader; a public one is seen by everyone', async ({ page, anotherReader }) => {
    const secret: Passage = { blockId: 'hyper-p2', layer: 'zh', words: '一等公民' };
    const shared: Passage = { blockId: 'hyper-p2', layer: 'zh', words: '传统的虚机' };
    const secretText = unique('Private note');
    const sharedText = unique('Public note');
    await openPost(page, 'en');
    await selectPassage(page, secret);
    const secretId = await annotateSelection(page, 'en', { text: secretText, visibility: 'private' });
    await selectPassage(page, shared);
    const sharedId = await annotateSelection(page, 'en', { text: sharedText });
    await expect(noteCard(page, secretText).locator('.note-badge')).toHaveText([copy.en.mine, copy.en.privateBadge]);
    await expect(noteCard(page, sharedText).locator('.note-badge')).toHaveText([copy.en.mine]);

    const other = await anotherReader();
    await openPost(other, 'en');
    await openPanel(other);
    await expect(noteCard(other, sharedText)).toBeVisible();
    await expect(noteCard(other, sharedText).locator('.note-quote')).toHaveText(shared.words);
    await expect(noteCard(other, sharedText).locator('.note-badge')).toHaveCount(0);
    await expect(noteCard(other, secretText)).toHaveCount(0);
    await expect(notesPanel(other)).not.toContainText(secretText);
    await expect.poll(() => highlighted(other, 'duizhao-notes')).toContainEqual({ text: shared.words, layer: 'zh', blockId: 'hyper-p2' });
    expect(await highlighted(other, 'duizhao-notes')).not.toContainEqual({ text: secret.words, layer: 'zh', blockId: 'hyper-p2' });

    const theirs = await listNotes(other.request);
    expect(theirs.map((item) => idOf(item.id))).toContain(sharedId);
    expect(theirs.map((item) => idOf(item.id))).not.toContain(secretId);
    expect((await other.request.get(`/api/annotations/${secretId}`)).status()).toBe(404);
    expect((await other.request.get(`/api/annotations/${sharedId}`)).status()).toBe(200);
    expect((await page.request.get(`/api/annotations/${secretId}`)).status()).toBe(200);
    expect((await listNotes(page.request)).map((item) => idOf(item.id))).toContain(secretId);

    // Each toolbar counts what its reader may see. Other tests add public notes meanwhile, so the
    // page and the listing are read again until they are of one moment.
    for (const [reader, ownSecret] of [
      [other, false],
      [page, true],
    ] as const) {
      await expect(async () => {
        await openPost(reader, 'en');
        const items = await listNotes(reader.request);
        expect(items.some((item) => idOf(item.id) === secretId)).toBe(ownSecret);
        await expect(notesCount(reader)).toHaveText(String(passageCount(items)), { timeout: 2_000 });
      }).toPass({ timeout: 30_000 });
    }
  });

  test('a note made from the keyboard alone', async ({ page }) => {
    const words = copy.zh;
    const text = unique('键盘批注');
    const panel = notesPanel(page);
    const field = panel.getByLabel(words.note, { exact: true });
    await openPost(page, 'zh');
    /** The text from the first word of the post to the third, once the words are marked. */
    let expected = '';
    const selectFirstWords = async () => {
      await page.keyboard.press('w');
      await expect(page.locator('.post-body .w').first()).toBeFocused();
      // Whatever lies between them.
      expected = await page.evaluate(() => {
        const [first, , third] = document.querySelectorAll('.post-body .w');
        if (!first || !third) throw new Error('fewer than three words');
        const range = document.createRange();
        range.setStartBefore(first);
        range.setEndAfter(third);
        return range.toString();
      });
      // Shift held down over two presses of the arrow, then pressed again with the third.
      await page.keyboard.down('Shift');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.up('Shift');
      await page.keyboard.press('Shift+ArrowRight');
      await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe(expected);
      await expectControlAtSelection(page, 'zh');
    };

    // Escape in the form gives the note up.
    await selectFirstWords();
    await page.keyboard.press('a');
    await expect(field).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(panel.locator('.note-composer')).toHaveCount(0);

    await selectFirstWords();
    await page.keyboard.press('a');
    await expect(field).toBeFocused();
    await expect(panel.locator('.note-composer h3')).toContainText(expected);
    await page.keyboard.type(text);
    await page.keyboard.press('Tab');
    await expect(panel.getByRole('radio', { name: words.everyone })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(panel.getByRole('radio', { name: words.onlyMe })).toBeChecked();
    await page.keyboard.press('Tab');
    await expect(panel.getByLabel(words.tags)).toBeFocused();
    await page.keyboard.type('键盘，测试');
    await page.keyboard.press('Tab');
    await expect(panel.getByRole('button', { name: words.save })).toBeFocused();
    await page.keyboard.press('Enter');

    await expect(panel.locator('.notes-status')).toHaveText(words.saved);
    const card = noteCard(page, text);
    await expect(card.locator('.note-quote')).toHaveText(expected);
    await expect(card.locator('.note-badge')).toHaveText([words.mine, words.privateBadge]);
    await expect(card.locator('.note-tag')).toHaveText(['#键盘', '#测试']);
    expect(await highlighted(page, 'duizhao-note-active')).toEqual([{ text: expected, layer: 'zh', blockId: 'top-p1' }]);

    // The block's marker is the next stop after its words (once the word's card is closed) and
    // leads to its notes in the panel; Escape there closes the panel and returns to its toolbar button.
    await page.keyboard.press('w');
    await expect(page.locator('#word-help')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.locator('#word-help')).toBeHidden();
    await page.keyboard.press('Tab');
    await expect(page.locator('#top-p1 > .note-markers .note-marker[data-layer="zh"]')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(panel.locator('#notes-block-top-p1 h3')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    await expect(notesButton(page)).toBeFocused();
  });

  test('HTML and script in a note and its tags are shown as text, never run', async ({ page, anotherReader }) => {
    const corpus = z.array(z.string()).parse(JSON.parse(readFileSync(new URL('../test/fixtures/xss/payloads.json', import.meta.url), 'utf8')));
    const payload = (needle: string) => {
      const found = corpus.find((each) => each === needle) ?? corpus.find((each) => each.includes(needle));
      if (!found) throw new Error(`no payload with ${needle}`);
      return found;
    };
    const bodyPayloads = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<svg onload=alert(1)>', '[x](javascript:alert(1))', '[x](&#106;avascript:alert(1))', '<details open ontoggle=alert(1)>', 'iframe src=javascript'].map(payload);
    // Tags are split at commas, so only payloads without one, and at most 40 characters each.
    const tags = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '[x](javascript:alert(1))', '<svg onload=alert(1)>'].map(payload).filter((tag) => !/[,，、]/.test(tag) && [...tag].length <= 40);
    expect(tags).toHaveLength(4);
    const marker = unique('XSS note');
    const text = [marker, ...bodyPayloads].join('\n\n');

    const dialogs: string[] = [];
    const watch = (reader: Page) =>
      reader.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
    watch(page);
    await openPost(page, 'zh');
    await selectPassage(page, { blockId: 'hyper-p5', layer: 'zh', words: '知乎' });
    await annotateSelection(page, 'zh', { text, tags: tags.join(', ') });

    const other = await anotherReader();
    watch(other);
    for (const reader of [page, other]) {
      await openPost(reader, 'zh');
      await openPanel(reader);
      const card = noteCard(reader, marker);
      await expect(card.locator('.note-tag')).toHaveText(tags.map((tag) => `#${tag}`));
      await expect(card.locator('.note-body')).toContainText(marker);
      const unsafe = await notesPanel(reader).evaluate((panel) => ({
        scripts: panel.querySelectorAll('script').length,
        handlers: [...panel.querySelectorAll('*')].flatMap((element) => element.getAttributeNames().filter((name) => name.toLowerCase().startsWith('on')).map((name) => `${element.tagName} ${name}`)),
        scriptUrls: [...panel.querySelectorAll('[href], [src], [action], [formaction], [srcset]')].flatMap((element) =>
          ['href', 'src', 'action', 'formaction', 'srcset'].map((name) => element.getAttribute(name) ?? '').filter((value) => /^\s*(javascript|vbscript|data):/i.test(value.replace(/[\u0000-\u0020]/g, ''))),
        ),
        embeds: panel.querySelectorAll('iframe, object, embed, svg, img, details').length,
      }));
      expect(unsafe).toEqual({ scripts: 0, handlers: [], scriptUrls: [], embeds: 0 });
    }
    expect(dialogs).toEqual([]);
  });

  test('notes on words the post no longer has are listed apart; notes on words that moved are found again', async ({ page }) => {
    await openPost(page, 'en');
    // The block as an older version of the post had it: with a sentence the author later took out.
    const current = await chineseLayer(page);
    const block = current.find((each) => each.id === 'docker-p1');
    if (!block) throw new Error('no block docker-p1');
    const cut = '毕竟没有认真听课。';
    const removed = '后来补课的时候才发现，老师其实讲得挺清楚的。';
    expect(block.text).toContain(cut);
    const older = current.map((each) => (each === block ? { ...each, text: each.text.replace(cut, cut + removed) } : each));
    const olderText = older.find((each) => each.id === 'docker-p1')?.text ?? '';
    const passageIn = (text: string, words: string) => {
      const start = text.indexOf(words);
      expect(start, `"${words}" once in the block`).toBeGreaterThanOrEqual(0);
      expect(text.indexOf(words, start + 1)).toBe(-1);
      const anchor = describePassage(older, 'docker-p1', 'zh', start, start + words.length);
      if (!anchor) throw new Error(`no anchor for "${words}"`);
      return anchor;
    };
    const goneWords = '老师其实讲得挺清楚的';
    const movedWords = 'API级别的虚拟化手段';
    expect(block.text).not.toContain(goneWords);
    const gone = passageIn(olderText, goneWords);
    const moved = passageIn(olderText, movedWords);
    // The moved words now start earlier in the block by the length of the sentence taken out.
    expect(block.text.indexOf(movedWords)).toBe(moved.start - removed.length);

    const goneText = unique('Orphaned note');
    const movedText = unique('Moved note');
    await postNote(page.request, passageAnnotation(seedIri, gone, { text: goneText, visibility: 'private', tags: [] }));
    await postNote(page.request, passageAnnotation(seedIri, moved, { text: movedText, visibility: 'private', tags: [] }));

    await openPost(page, 'en');
    await openPanel(page);
    const orphaned = notesPanel(page).locator('section.notes-orphaned');
    await expect(orphaned.getByRole('heading')).toHaveText(copy.en.orphaned);
    const goneCard = orphaned.locator('li.note > article').filter({ hasText: goneText });
    await expect(goneCard.locator('.note-quote')).toHaveText(goneWords);
    await expect(goneCard.getByRole('button', { name: copy.en.show })).toHaveCount(0);

    const movedCard = notesPanel(page).locator('#notes-block-docker-p1 li.note > article').filter({ hasText: movedText });
    await expect(movedCard.locator('.note-quote')).toHaveText(movedWords);
    await expect(orphaned).not.toContainText(movedText);
    await movedCard.getByRole('button', { name: copy.en.show }).click();
    await expect.poll(() => highlighted(page, 'duizhao-note-active')).toEqual([{ text: movedWords, layer: 'zh', blockId: 'docker-p1' }]);
    expect((await highlighted(page, 'duizhao-notes')).map((where) => where.text)).not.toContain(goneWords);
  });

  test('a reader replies to, edits and deletes their own note; another reader may only reply', async ({ page, anotherReader }) => {
    const words = copy.en;
    const first = unique('First thoughts');
    const edited = unique('Second thoughts');
    const replyText = unique('A reply');
    const passage: Passage = { blockId: 'hyper-p4', layer: 'zh', words: '自己实现的内核' };
    await openPost(page, 'en');
    await selectPassage(page, passage);
    const id = await annotateSelection(page, 'en', { text: first, tags: 'kernel' });
    // The note's own card, whatever it says (its replies are in a list of their own beside it).
    const item = notesPanel(page).locator(`li#note-${id}`);
    const card = item.locator(':scope > article');
    await expect(card.locator('.note-body')).toHaveText(first);

    await card.getByRole('button', { name: words.replyAction }).click();
    await item.getByLabel(words.reply, { exact: true }).fill(replyText);
    await item.getByRole('button', { name: words.sendReply }).click();
    const reply = item.locator('.note-replies li.note > article');
    await expect(reply.locator('.note-body')).toHaveText(replyText);

    await card.getByRole('button', { name: words.edit }).click();
    const field = card.getByLabel(words.note, { exact: true });
    await expect(field).toHaveValue(first);
    await field.fill(edited);
    await card.getByRole('button', { name: words.update }).click();
    await expect(card.locator('.note-body')).toHaveText(edited);
    await expect(card.locator('.note-tag')).toHaveText(['#kernel']);
    await openPost(page, 'en');
    await openPanel(page);
    await expect(card.locator('.note-body')).toHaveText(edited);

    const other = await anotherReader();
    await openPost(other, 'en');
    await openPanel(other);
    const theirView = notesPanel(other).locator(`li#note-${id} > article`);
    await expect(theirView.locator('.note-body')).toHaveText(edited);
    await expect(theirView.getByRole('button')).toHaveText([words.show, words.replyAction]);
    await expect(notesPanel(other).locator(`li#note-${id} .note-replies .note-body`)).toHaveText(replyText);
    const patch = await other.request.patch(`/api/annotations/${id}`, { data: { body: { type: 'TextualBody', value: 'Not theirs', format: 'text/markdown' } } });
    expect(patch.status()).toBe(403);
    expect(errorSchema.parse(await patch.json()).error.code).toBe('annotation.forbidden');
    expect((await other.request.delete(`/api/annotations/${id}`)).status()).toBe(403);

    await reply.getByRole('button', { name: words.delete }).click();
    await reply.getByRole('button', { name: words.confirmDelete }).click();
    await expect(item.locator('.note-replies')).toHaveCount(0);
    await card.getByRole('button', { name: words.delete }).click();
    await card.getByRole('button', { name: words.confirmDelete }).click();
    await expect(item).toHaveCount(0);
    expect((await page.request.get(`/api/annotations/${id}`)).status()).toBe(404);
  });

  test('the page does not move when the notes arrive and their highlights and markers are drawn', async ({ page }) => {
    await openPost(page, 'en');
    const layer = await chineseLayer(page);
    const passage = (blockId: string, words: string) => {
      const text = layer.find((each) => each.id === blockId)?.text ?? '';
      const anchor = describePassage(layer, blockId, 'zh', text.indexOf(words), text.indexOf(words) + words.length);
      if (!anchor) throw new Error(`no anchor for "${words}"`);
      return anchor;
    };
    await postNote(page.request, passageAnnotation(seedIri, passage('top-p1', '国际经济法'), { text: unique('Layout note'), visibility: 'private', tags: [] }));
    await postNote(page.request, passageAnnotation(seedIri, passage('结-p1', '愿原力与我同在'), { text: unique('Layout note'), visibility: 'private', tags: [] }));

    // Hold the notes back until the page as it is without them has been measured.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let asked = () => {};
    const requested = new Promise<void>((resolve) => (asked = resolve));
    await page.route(
      (url) => url.pathname === collectionPath,
      async (route) => {
        asked();
        await held;
        await route.continue();
      },
    );
    await page.goto(postPath('en'));
    await expect(page.getByRole('button', { name: /Shortcuts/ })).toBeVisible();
    // The notes layer is on the page and waiting for its notes.
    await requested;
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const layout = () =>
      page.evaluate(() => {
        const box = (selector: string) => {
          const element = document.querySelector(selector);
          if (!element) throw new Error(`no ${selector}`);
          const rect = element.getBoundingClientRect();
          return { selector, top: rect.top + window.scrollY, left: rect.left + window.scrollX, width: rect.width, height: rect.height };
        };
        return {
          scrollHeight: document.documentElement.scrollHeight,
          boxes: ['.reading-toolbar', '[data-block="top-p1"]', '#gloss-top-p1', '[data-block="hyper-p2"]', '[data-block="结-p1"]', '#gloss-结-p1'].map(box),
        };
      });
    const before = await layout();
    expect(await highlighted(page, 'duizhao-notes')).toEqual([]);
    await expect(page.locator('.note-markers')).toHaveCount(0);

    release();
    await expect(page.locator('#结-p1 > .note-markers .note-marker[data-layer="zh"]')).toBeVisible();
    await expect(page.locator('#top-p1 > .note-markers .note-marker[data-layer="zh"]')).toBeVisible();
    await expect.poll(() => highlighted(page, 'duizhao-notes')).toEqual(
      expect.arrayContaining([
        { text: '国际经济法', layer: 'zh', blockId: 'top-p1' },
        { text: '愿原力与我同在', layer: 'zh', blockId: '结-p1' },
      ]),
    );
    expect(await layout()).toEqual(before);
  });

  test('the admin finds a public note on the moderation page and deletes it; readers no longer see it', async ({ page, anotherReader }) => {
    const text = unique('Note for the moderator');
    const words = '为什么Docker就一下火起来了呢';
    await openPost(page, 'en');
    await selectPassage(page, { blockId: 'docker-p1', layer: 'zh', words });
    const id = await annotateSelection(page, 'en', { text });

    const admin = await anotherReader();
    await admin.goto('/en/admin');
    await admin.getByLabel('Admin token').fill(adminToken);
    await admin.getByRole('button', { name: 'Sign in' }).click();
    const notes = admin.getByRole('region', { name: 'Public reader notes' });
    const card = notes.getByRole('article').filter({ hasText: text });
    await expect(card.locator('blockquote')).toHaveText(words);
    await card.getByRole('button', { name: `Delete the note on “${words}”` }).click();
    await expect(admin.getByRole('status').filter({ hasText: 'Note deleted.' })).toBeVisible();
    await expect(notes).not.toContainText(text);

    expect((await page.request.get(`/api/annotations/${id}`)).status()).toBe(404);
    await openPost(page, 'en');
    await openPanel(page);
    await expect(notesPanel(page)).not.toContainText(text);
    expect((await highlighted(page, 'duizhao-notes')).map((where) => where.text)).not.toContain(words);
  });

  test('after the author revises the post, a note on words taken out is listed apart and one in a split paragraph follows its words', async ({ page }) => {
    // Written on the post as it is now...
    const goneText = unique('Note on a clause the author later cut');
    const keptText = unique('Note on words that moved to a new paragraph');
    await openPost(page, 'en');
    // Private, so that the other tests, which count markers on these blocks, never see them.
    await selectPassage(page, { blockId: 'docker-p1', layer: 'zh', words: '还会与硬件上的一些特性有关系' });
    await annotateSelection(page, 'en', { text: goneText, visibility: 'private' });
    await selectPassage(page, { blockId: 'docker-p2', layer: 'zh', words: '大家平时工作那么累' });
    await annotateSelection(page, 'en', { text: keptText, visibility: 'private' });

    // ...read on the revised post (test/fixtures/notes/edited-seed: the clause deleted, and
    // docker-p2 split in two, so its second half is now docker-p3), by the same reader.
    await page.goto(`${editedSiteUrl}${postPath('en')}`);
    await expect(page.getByRole('button', { name: /Shortcuts/ })).toBeVisible();
    await expect(notesCount(page)).toHaveText(/^\d+$/);
    await openPanel(page);
    const orphaned = notesPanel(page).locator('section.notes-orphaned');
    await expect(orphaned.getByRole('heading')).toHaveText(copy.en.orphaned);
    await expect(orphaned.locator('li.note > article').filter({ hasText: goneText }).locator('.note-quote')).toHaveText('还会与硬件上的一些特性有关系');
    await expect(orphaned).not.toContainText(keptText);
    await expect(notesPanel(page).locator('#notes-block-docker-p3 li.note > article').filter({ hasText: keptText })).toBeVisible();
    await expect.poll(async () => (await highlighted(page, 'duizhao-notes')).filter((where) => where.text === '大家平时工作那么累')).toEqual([{ text: '大家平时工作那么累', layer: 'zh', blockId: 'docker-p3' }]);
  });
});
