/** Word help, saved words, clean copying, and accessibility of every reading mode. */
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { pointAtWord, postPath } from './fixtures';

const card = (page: Page) => page.getByRole('dialog', { name: /Word help|词语释义/ });

async function ready(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole('button', { name: /Shortcuts|快捷键/ })).toBeVisible();
}

/** English and pinyin are for reading as they are: a page translator must leave them alone. */
async function expectUntranslated(element: Locator, lang: 'en' | 'zh-Latn-pinyin') {
  await expect(element).toHaveAttribute('lang', lang);
  await expect(element).toHaveAttribute('translate', 'no');
}

async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map(({ id, nodes }) => ({ id, targets: nodes.map((node) => node.target.join(' ')) }));
}

test('clicking a word shows its reading and the sense that fits', async ({ page }) => {
  await ready(page, postPath('en'));
  await pointAtWord(page, '虚拟机');
  await expect(card(page)).toContainText('xūnǐjī');
  await expect(card(page)).toContainText('virtual machine');
  await expect(card(page)).toContainText('CC-CEDICT');
  await expectUntranslated(card(page).getByText('xūnǐjī', { exact: true }), 'zh-Latn-pinyin');
  await expectUntranslated(card(page).getByText('virtual machine', { exact: true }), 'en');
  await page.keyboard.press('Escape');
  await expect(card(page)).toBeHidden();
});

test('a curated phrase gloss wins over the dictionary', async ({ page }) => {
  await ready(page, postPath('en'));
  await pointAtWord(page, '作死');
  await expect(card(page)).toContainText('zuòsǐ');
  await expect(card(page)).toContainText('go looking for trouble');
  await expect(card(page)).toContainText('Translator’s gloss');
});

test('the glossary is fetched only when word help is first used', async ({ page }) => {
  const glossaryRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/glossary/')) glossaryRequests.push(request.url());
  });
  await ready(page, postPath('zh'));
  await page.keyboard.press('g');
  expect(glossaryRequests).toEqual([]);
  await pointAtWord(page, '盗梦空间');
  await expect(card(page)).toContainText('Inception');
  await pointAtWord(page, '蓝鲸');
  await expect(card(page)).toContainText('blue whale; here Docker');
  expect(glossaryRequests).toHaveLength(1);
});

test('word help works from the keyboard alone', async ({ page }) => {
  await ready(page, postPath('en'));
  await page.keyboard.press('w');
  const first = page.locator('.post-body .w').first();
  await expect(first).toBeFocused();
  await expect(card(page)).toContainText('每逢');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.post-body .w').nth(1)).toBeFocused();
  await expect(card(page)).toContainText('考试');
  await expect(page.locator('.post-body .w').nth(1)).toHaveAttribute('aria-describedby', 'word-help');
  await page.keyboard.press('Enter');
  await expect(card(page).getByRole('button', { name: 'Save word' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(card(page)).toBeHidden();
  await expect(page.locator('.post-body .w').nth(1)).toBeFocused();
  // One tab stop into the text: Tab leaves it.
  await page.keyboard.press('Tab');
  await expect(page.locator('.post-body .w').nth(2)).not.toBeFocused();
});

test('the page is served without an element per word; asking for help marks every word in place', async ({ page, request }) => {
  for (const path of [postPath('zh'), postPath('en'), `${postPath('zh')}?gloss=parallel&pinyin=0`]) {
    expect(await (await request.get(path)).text(), path).not.toMatch(/class="w[ "]/);
  }
  const glossary = (await (await request.get('/glossary/docker-and-hyper.json')).json()) as { blocks: Record<string, number[]> };
  const placed = Object.values(glossary.blocks).reduce((sum, bounds) => sum + bounds.length / 2, 0);
  expect(placed).toBeGreaterThan(300);
  await ready(page, postPath('zh'));
  const texts = () => page.locator('.post-body [data-block]').evaluateAll((blocks) => blocks.map((block) => block.textContent));
  const before = await texts();
  await expect(page.locator('.post-body .w')).toHaveCount(0);
  await pointAtWord(page, '虚拟机');
  await expect(card(page)).toContainText('xūnǐjī');
  await expect(page.locator('.post-body .w.w-active')).toHaveText('虚拟机');
  await expect(page.locator('.post-body .w')).toHaveCount(placed);
  expect(await texts()).toEqual(before);
});

test('the text is one tab stop: Tab reaches the first word', async ({ page }) => {
  await ready(page, postPath('en'));
  let reached = false;
  for (let presses = 0; presses < 60 && !reached; presses += 1) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.matches('.post-body, .post-body .w') ?? false);
  }
  expect(reached).toBe(true);
  await expect(page.locator('.post-body .w').first()).toBeFocused();
  await expect(card(page)).toContainText('每逢');
});

test('saved words export as a TSV file Anki imports', async ({ page }) => {
  await ready(page, postPath('en'));
  for (const word of ['虚拟机', '作死']) {
    await pointAtWord(page, word);
    await card(page).getByRole('button', { name: 'Save word' }).click();
    await expect(card(page).getByRole('button', { name: 'Saved' })).toHaveAttribute('aria-pressed', 'true');
  }
  await page.reload();
  await page.getByRole('button', { name: /Saved words/ }).click();
  const list = page.getByRole('dialog', { name: 'Saved words' });
  await expect(list).toContainText('虚拟机');
  await expect(list).toContainText('作死');
  const savedWord = list.getByRole('listitem').filter({ hasText: '虚拟机' });
  await expectUntranslated(savedWord.getByText('xūnǐjī', { exact: true }), 'zh-Latn-pinyin');
  await expectUntranslated(savedWord.getByText('virtual machine', { exact: true }), 'en');
  const download = page.waitForEvent('download');
  await list.getByRole('button', { name: 'Export for Anki (TSV)' }).click();
  const file = await (await download).path();
  const lines = (await readFile(file, 'utf8')).trim().split('\n');
  expect(lines.slice(0, 2)).toEqual(['#separator:tab', '#html:false']);
  expect(lines).toContain('虚拟机\txūnǐjī\tvirtual machine\tduizhao docker-and-hyper');
  expect(lines.find((line) => line.startsWith('作死\t'))?.split('\t')).toHaveLength(4);
});

test.describe('copying', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('copying Chinese gives clean Chinese, without pinyin or gloss', async ({ page }) => {
    await ready(page, `${postPath('zh')}?gloss=inline&pinyin=1`);
    await page.evaluate(() => {
      const from = document.querySelector('[data-block="结-h"]');
      const to = document.querySelector('[data-block="结-p1"]');
      if (!from || !to) throw new Error('blocks not found');
      const range = document.createRange();
      range.setStartBefore(from);
      range.setEndAfter(to);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
    });
    await page.keyboard.press('Control+C');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe('结\n\n哦，还有十几分钟就要考试了，愿原力与我同在。');
  });
});

test.describe('on a touch screen', () => {
  test.use({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });

  test('tapping a word shows its reading and sense; tapping elsewhere puts the card away', async ({ page }) => {
    await ready(page, postPath('en'));
    await pointAtWord(page, '虚拟机', 'tap');
    await expect(card(page)).toContainText('xūnǐjī');
    await expect(card(page)).toContainText('virtual machine');
    await page.getByRole('heading', { level: 1 }).tap();
    await expect(card(page)).toBeHidden();
  });
});

test.describe('accessibility of every reading mode', () => {
  const modes = ['?gloss=off&pinyin=0', '?gloss=off&pinyin=1', '?gloss=inline&pinyin=0', '?gloss=parallel&pinyin=0', '?gloss=inline&pinyin=1', '?gloss=parallel&pinyin=1'];
  for (const locale of ['zh', 'en'] as const) {
    for (const query of modes) {
      test(`no axe violations under /${locale} at ${query}`, async ({ page }) => {
        await ready(page, `${postPath(locale)}${query}`);
        expect(await axeViolations(page)).toEqual([]);
      });
    }
  }

  test('no axe violations in the dark colour scheme at ?gloss=inline&pinyin=1', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await ready(page, `${postPath('zh')}?gloss=inline&pinyin=1`);
    // The dark palette is the one checked (--paper in app/globals.css).
    await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(27, 26, 24)');
    expect(await axeViolations(page)).toEqual([]);
  });

  test('no axe violations with word help and the shortcut help open', async ({ page }) => {
    await ready(page, postPath('en'));
    await pointAtWord(page, '虚拟机');
    await expect(card(page)).toContainText('virtual machine');
    expect((await new AxeBuilder({ page }).analyze()).violations.map((violation) => violation.id)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Shift+Slash');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations.map((violation) => violation.id)).toEqual([]);
  });
});
