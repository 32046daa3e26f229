/** Shared facts about the seed post and small helpers for the browser tests. */
import { expect, type Page } from '@playwright/test';
import { passageAnnotation } from '../components/notes/notes-model';
import { describe as describePassage } from '../lib/notes/anchoring/describe';
import { postIri } from '../lib/notes/w3c/iri';

export const seed = {
  slug: 'docker-and-hyper',
  title: 'Docker与Hyper',
  permalink: '/2016/05/20/docker-and-hyper.html',
  headingIds: ['docker', 'hyper', '结'],
  blockIds: ['top-p1', 'docker-h', 'docker-p1', 'docker-p2', 'hyper-h', 'hyper-p1', 'hyper-fig1', 'hyper-p2', 'hyper-p3', 'hyper-q1', 'hyper-p4', 'hyper-p5', '结-h', '结-p1'],
  firstSentence: '每逢考试就要作死，谁都拦不住',
  lastSentence: '哦，还有十几分钟就要考试了，愿原力与我同在。',
} as const;

/** The SITE_URL the test server is built with (playwright.config.ts). */
export const siteUrl = 'https://duizhao.example';

/**
 * The second test server (playwright.config.ts): the same site and database, serving the seed post
 * as its author later revised it (test/fixtures/notes/edited-seed).
 */
export const editedSiteUrl = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3210) + 1}`;

/**
 * The third test server (playwright.config.ts): a Jekyll blog moved in whole
 * (test/fixtures/moved-blog: _config.yml, _posts/, and its Disqus export imported before start).
 */
export const movedBlogUrl = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3210) + 2}`;

export const postPath = (locale: 'zh' | 'en') => `/${locale}/posts/${seed.slug}`;

/** True when the page scrolls sideways, which a phone reader must never have to do. */
export async function hasHorizontalOverflow(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
}

/** The ADMIN_TOKEN the test server is started with (playwright.config.ts). */
export const adminToken = 'e2e-admin-token-0123456789';

/**
 * A client address of its own for one reader, to send as X-Forwarded-For (the test server trusts
 * it from the local peer): comments are rate-limited per address, and a test that shares one
 * with another could be refused for what the other wrote. Drawn from the IPv6 documentation
 * range, 2001:db8::/32, which belongs to no one.
 */
export function readerAddress(): string {
  const group = () => Math.floor(Math.random() * 0x10000).toString(16);
  return `2001:db8:${group()}:${group()}::${group()}`;
}

/**
 * Clicks (or taps) a word of the post where it is on screen, as a reader does: the middle of its
 * first occurrence in the Chinese text. The page marks no words until help is first asked for,
 * so this finds the text itself, not an element.
 */
export async function pointAtWord(page: Page, word: string, how: 'click' | 'tap' = 'click'): Promise<void> {
  const at = await page.evaluate((wanted) => {
    for (const block of document.querySelectorAll('.post-body [data-block]')) {
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT, {
        acceptNode: (node) => (node.parentElement?.closest('rt, rp') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
      });
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const index = (node as Text).data.indexOf(wanted);
        if (index === -1) continue;
        node.parentElement?.scrollIntoView({ block: 'center' });
        const range = document.createRange();
        range.setStart(node, index + Math.floor(wanted.length / 2));
        range.setEnd(node, index + Math.floor(wanted.length / 2) + 1);
        const rect = range.getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
    }
    return null;
  }, word);
  if (!at) throw new Error(`"${word}" is not in the post's text`);
  if (how === 'tap') await page.touchscreen.tap(at.x, at.y);
  else await page.mouse.click(at.x, at.y);
}

/**
 * A private note of this page's reader (its cookies) on `words` in a block of the seed post, sent
 * through the API from the post page, as the notes panel would send it. The page is left on the
 * post; load it again to see the note.
 */
export async function writePrivateNote(page: Page, locale: 'zh' | 'en', blockId: string, words: string, text: string): Promise<void> {
  await page.goto(postPath(locale));
  const layer = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-block]')].map((block) => ({ id: block.dataset.block ?? '', layer: 'zh' as const, text: block.textContent ?? '' })),
  );
  const blockText = layer.find((block) => block.id === blockId)?.text ?? '';
  const anchor = describePassage(layer, blockId, 'zh', blockText.indexOf(words), blockText.indexOf(words) + words.length);
  if (!anchor) throw new Error(`no anchor for "${words}" in ${blockId}`);
  const note = passageAnnotation(postIri(siteUrl, seed.slug), anchor, { text, visibility: 'private', tags: [] });
  const created = await page.request.post(`/api/posts/${seed.slug}/annotations`, { data: note });
  expect(created.status(), await created.text()).toBe(201);
}
