/**
 * Nothing on the post page moves after the first paint: the cumulative layout shift, summed by a
 * `PerformanceObserver` installed before any of the page's own code, is 0 at phone, tablet and
 * desktop widths, in both locales and every reading mode, and with saved words and notes, whose
 * counts and markers arrive after hydration.
 *
 * A page counts as settled when what hydration and the notes probe change is on screen: the
 * toolbar's buttons enabled, both counts known, the markers of any notes drawn, the fonts loaded.
 */
import { expect, test, type Page } from '@playwright/test';
import { savedWordsKey, type SavedWord } from '../lib/gloss/saved-words';
import { postPath, readerAddress, seed, writePrivateNote } from './fixtures';

type Locale = Parameters<typeof postPath>[0];

const widths = [360, 412, 768, 1280] as const;
const locales: readonly Locale[] = ['zh', 'en'];
const modes = [
  { name: 'off', query: '?gloss=off' },
  { name: 'inline', query: '?gloss=inline' },
  { name: 'parallel', query: '?gloss=parallel' },
  { name: 'pinyin', query: '?pinyin=1' },
] as const;

const toolbarNames = {
  zh: { notes: /批注/, words: /生词本/ },
  en: { notes: /Notes/, words: /Saved words/ },
} as const;

type Shift = { value: number; sources: string[] };

declare global {
  interface Window {
    layoutShifts?: Shift[];
    /** When the element after <main> entered the document. */
    mainParsedAt?: number;
  }
}

/** Records every layout shift not caused by input, from before the page's first byte is parsed. */
async function observeLayoutShifts(page: Page) {
  await page.addInitScript(() => {
    const shifts: Shift[] = [];
    window.layoutShifts = shifts;
    type Source = { node?: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly };
    type LayoutShift = PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: Source[] };
    const name = (node: Node | null | undefined): string => {
      if (!node) return 'gone';
      const element = node instanceof Element ? node : node.parentElement;
      const path = element ? `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${[...element.classList].map((each) => `.${each}`).join('')}` : '';
      const text = (node.textContent ?? '').slice(0, 12);
      return node instanceof Element ? `${path} "${text}"` : `${node.nodeName} "${text}" in ${path}`;
    };
    const rect = ({ x, y, width, height }: DOMRectReadOnly) => [x, y, width, height].map((each) => Math.round(each * 10) / 10).join(',');
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as LayoutShift[]) {
        if (entry.hadRecentInput) continue;
        const sources = (entry.sources ?? []).map((source) => `${name(source.node)}: ${rect(source.previousRect)} -> ${rect(source.currentRect)} at ${Math.round(entry.startTime)} ms`);
        shifts.push({ value: entry.value, sources });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** Waits until everything that arrives after the first paint is on screen. */
async function settle(page: Page, locale: Locale) {
  const names = toolbarNames[locale];
  await expect(page.getByRole('button', { name: /Shortcuts|快捷键/ })).toBeEnabled();
  const notes = page.getByRole('button', { name: names.notes }).first();
  const words = page.getByRole('button', { name: names.words });
  await expect(notes.locator('.count')).toHaveText(/^\d+$/);
  await expect(words.locator('.count')).toHaveText(/^\d+$/);
  if (Number(await notes.locator('.count').textContent()) > 0) await expect(page.locator('.note-markers').first()).toBeAttached();
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))));
}

async function layoutShifts(page: Page): Promise<{ total: number; shifts: Shift[] }> {
  const shifts = await page.evaluate(() => window.layoutShifts ?? []);
  return { total: shifts.reduce((sum, shift) => sum + shift.value, 0), shifts };
}

for (const width of widths) {
  for (const locale of locales) {
    for (const mode of modes) {
      test(`no layout shift at ${width} px, /${locale}, ${mode.name}`, async ({ page }) => {
        await page.setViewportSize({ width, height: 800 });
        await observeLayoutShifts(page);
        await page.goto(`${postPath(locale)}${mode.query}`);
        await settle(page, locale);
        const { total, shifts } = await layoutShifts(page);
        expect(total, JSON.stringify(shifts)).toBe(0);
      });
    }
  }
}

/** Twelve saved words: a two-digit count where the server's HTML had a dash. */
function savedWords(): SavedWord[] {
  const words = ['作死', '盗梦空间', '蓝鲸', '毕设', '虚拟机', '容器', '内核', '镜像', '考试', '原力', '经济法', '操作系统'];
  return words.map((word) => ({ word, pinyin: '', sense: '', slug: seed.slug, savedAt: '2026-12-01T00:00:00.000Z' }));
}

test.describe('with saved words and a note', () => {
  test.use({ extraHTTPHeaders: { 'x-forwarded-for': readerAddress() } });

  for (const width of [412, 1280] as const) {
    for (const locale of locales) {
      test(`no layout shift at ${width} px, /${locale}`, async ({ page }) => {
        await page.setViewportSize({ width, height: 800 });
        // A private note of this reader's own, so the notes layer loads and draws its marker.
        await writePrivateNote(page, locale, 'hyper-p1', '虚拟机', 'A note for the layout test');
        await page.evaluate(([key, value]) => localStorage.setItem(key, value), [savedWordsKey, JSON.stringify(savedWords())] as const);

        await observeLayoutShifts(page);
        await page.goto(postPath(locale));
        await settle(page, locale);
        await expect(page.getByRole('button', { name: toolbarNames[locale].words }).locator('.count')).toHaveText('12');
        await expect(page.locator('#hyper-p1 > .note-markers')).toBeAttached();
        const { total, shifts } = await layoutShifts(page);
        expect(total, JSON.stringify(shifts)).toBe(0);
      });
    }
  }
});

// The first paint waits for the whole of <main> (the layout's `<link rel=expect>`). On a slow
// phone the parser yields many times inside the post, and a paint between two of those yields
// shows a block's toggle without its label or half a line, which the rest then moves. The CPU is
// slowed as on such a phone, so that the parser does yield inside <main>.
test('the first paint waits until the page\'s main content is parsed whole, on a slow CPU', async ({ page }) => {
  await page.setViewportSize({ width: 768, height: 800 });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!document.querySelector('main + footer')) return;
      window.mainParsedAt = performance.now();
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  for (const locale of locales) {
    await page.goto(`${postPath(locale)}?pinyin=1`);
    const firstPaint = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const [entry] = performance.getEntriesByName('first-paint');
          if (entry) resolve(entry.startTime);
          else new PerformanceObserver((list) => resolve(list.getEntries()[0]?.startTime ?? 0)).observe({ type: 'paint' });
        }),
    );
    const mainParsedAt = await page.evaluate(() => window.mainParsedAt ?? 0);
    expect(mainParsedAt, 'the footer after <main> was seen').toBeGreaterThan(0);
    expect(firstPaint, `/${locale}: first paint at ${Math.round(firstPaint)} ms, <main> parsed whole at ${Math.round(mainParsedAt)} ms`).toBeGreaterThan(mainParsedAt);
  }
});
