/** The English gloss layer: modes, per-block toggles, pinyin, shortcuts and the reader's place. */
import { expect, test, type Page } from '@playwright/test';
import { hasHorizontalOverflow, postPath } from './fixtures';

const reading = (page: Page) => page.locator('.reading');
const visibleGlosses = (page: Page) => page.locator('.post-body .gloss:visible');
const GLOSSED_BLOCKS = 11;

/** Scrolls so a block starts just under the (sticky) toolbar, as a reader in the middle of the post. */
async function readFrom(page: Page, blockId: string) {
  const block = page.locator(`[data-block="${blockId}"]`);
  await block.evaluate((element) => {
    const toolbar = document.querySelector('.reading-toolbar')?.getBoundingClientRect().bottom ?? 0;
    window.scrollBy(0, element.getBoundingClientRect().top - Math.max(toolbar, 0) - 24);
  });
  return block;
}

const topOf = (page: Page, blockId: string) => page.locator(`[data-block="${blockId}"]`).evaluate((element) => element.getBoundingClientRect().top);

test.describe('defaults', () => {
  test('Chinese readers start with the original alone, English readers with the gloss', async ({ page }) => {
    await page.goto(postPath('zh'));
    await expect(reading(page)).toHaveAttribute('data-gloss', 'off');
    await expect(visibleGlosses(page)).toHaveCount(0);
    await page.goto(postPath('en'));
    await expect(reading(page)).toHaveAttribute('data-gloss', 'inline');
    await expect(visibleGlosses(page)).toHaveCount(GLOSSED_BLOCKS);
    await expect(page.locator('[data-block="top-p1"] + .gloss')).toContainText('Every time exams come around');
  });

  test('every gloss is marked English and not for machine translation', async ({ page }) => {
    await page.goto(postPath('en'));
    const glosses = page.locator('.post-body .gloss');
    await expect(glosses).toHaveCount(GLOSSED_BLOCKS);
    for (const gloss of await glosses.all()) {
      await expect(gloss).toHaveAttribute('lang', 'en');
      await expect(gloss).toHaveAttribute('translate', 'no');
    }
  });
});

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled });

    test('each mode is one click away and shows in the URL', async ({ page }) => {
      await page.goto(postPath('zh'));
      const toolbar = page.getByRole('navigation', { name: '阅读设置' });
      await toolbar.getByRole('link', { name: '逐段' }).click();
      await expect(reading(page)).toHaveAttribute('data-gloss', 'inline');
      await expect(page).toHaveURL(/\?gloss=inline&pinyin=0$/);
      await expect(visibleGlosses(page)).toHaveCount(GLOSSED_BLOCKS);
      await expect(toolbar.getByRole('link', { name: '逐段' })).toHaveAttribute('aria-current', 'true');

      await toolbar.getByRole('link', { name: '并排' }).click();
      await expect(reading(page)).toHaveAttribute('data-gloss', 'parallel');
      await expect(page).toHaveURL(/\?gloss=parallel&pinyin=0$/);
      const [zh, en] = await Promise.all([
        page.locator('[data-block="docker-p1"]').boundingBox(),
        page.locator('[data-block="docker-p1"] ~ .gloss').boundingBox(),
      ]);
      expect(en && zh && en.x > zh.x + zh.width).toBe(true);

      await toolbar.getByRole('link', { name: '关', exact: true }).click();
      await expect(reading(page)).toHaveAttribute('data-gloss', 'off');
      await expect(visibleGlosses(page)).toHaveCount(0);
    });

    test('pinyin shows over every word, with the reading that fits', async ({ page }) => {
      await page.goto(postPath('en'));
      const toolbar = page.getByRole('navigation', { name: 'Reading options' });
      await toolbar.getByRole('link', { name: 'Show pinyin' }).click();
      await expect(page).toHaveURL(/pinyin=1/);
      const onlyIf = page.locator('ruby.w', { hasText: '只要' }).first();
      await expect(onlyIf.locator('rt')).toHaveText('zhǐyào');
      await expect(page.locator('ruby.w', { hasText: '还有' }).first().locator('rt')).toHaveText('háiyǒu');
      await expect(page.locator('ruby.w', { hasText: '虚拟机' }).first().locator('rt')).toHaveText('xūnǐjī');
      const rt = page.locator('.post-body rt').first();
      await expect(rt).toHaveAttribute('lang', 'zh-Latn-pinyin');
      await expect(rt).toHaveAttribute('translate', 'no');
      await expect(page.locator('.post-body rp').first()).toHaveText('(');
      await toolbar.getByRole('link', { name: 'Hide pinyin' }).click();
      await expect(page.locator('ruby.w')).toHaveCount(0);
    });

    test('the mode survives a reload at the plain address', async ({ page }) => {
      await page.goto(postPath('zh'));
      const toolbar = page.getByRole('navigation', { name: '阅读设置' });
      await toolbar.getByRole('link', { name: '并排' }).click();
      await expect(reading(page)).toHaveAttribute('data-gloss', 'parallel');
      await toolbar.getByRole('link', { name: '显示拼音' }).click();
      await expect(page.locator('ruby.w').first()).toBeVisible();
      await page.goto(postPath('zh'));
      await expect(reading(page)).toHaveAttribute('data-gloss', 'parallel');
      await expect(reading(page)).toHaveAttribute('data-pinyin', '1');
    });
  });
}

test.describe('the per-block toggle', () => {
  test('shows or hides the English of one paragraph only', async ({ page }) => {
    await page.goto(postPath('zh'));
    await expect(page.getByRole('button', { name: /快捷键/ })).toBeVisible();
    const toggle = page.locator('#docker-p2 [data-gloss-toggle]');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await toggle.click();
    await expect(page.locator('#docker-p2 > .gloss')).toBeVisible();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(visibleGlosses(page)).toHaveCount(1);
    await expect(page).toHaveURL(postPath('zh'));
    await toggle.click();
    await expect(visibleGlosses(page)).toHaveCount(0);

    await page.getByRole('link', { name: '逐段' }).click();
    await page.locator('#hyper-p1 [data-gloss-toggle]').click();
    await expect(page.locator('#hyper-p1 > .gloss')).toBeHidden();
    await expect(visibleGlosses(page)).toHaveCount(GLOSSED_BLOCKS - 1);
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('turns the gloss on and lands back on that paragraph', async ({ page }) => {
      await page.goto(postPath('zh'));
      await readFrom(page, 'hyper-p2');
      await page.locator('#hyper-p2 [data-gloss-toggle]').click();
      await expect(page).toHaveURL(/\?gloss=inline&pinyin=0#hyper-p2$/);
      await expect(page.locator('#hyper-p2 > .gloss')).toBeVisible();
      await expect(page.locator('#hyper-p2')).toBeInViewport();
    });

    // The toolbar's links cannot know where the reader is without JavaScript; each block offers
    // pinyin with its own fragment instead.
    test('turns pinyin on and off from a paragraph and lands back on it', async ({ page }) => {
      await page.goto(postPath('zh'));
      await readFrom(page, 'hyper-p2');
      await page.locator('#hyper-p2').getByRole('link', { name: '显示拼音，并回到这一段' }).click();
      await expect(page).toHaveURL(/\?gloss=off&pinyin=1#hyper-p2$/);
      await expect(page.locator('#hyper-p2 ruby.w').first()).toBeVisible();
      await expect(page.locator('#hyper-p2')).toBeInViewport();
      await expect(page.locator('#top-p1')).not.toBeInViewport();

      await page.locator('#hyper-p2').getByRole('link', { name: '隐藏拼音，并回到这一段' }).click();
      await expect(page).toHaveURL(/\?gloss=off&pinyin=0#hyper-p2$/);
      await expect(page.locator('ruby.w')).toHaveCount(0);
      await expect(page.locator('#hyper-p2')).toBeInViewport();
    });
  });

  test('with JavaScript the block offers no pinyin link: the toolbar keeps the place itself', async ({ page }) => {
    await page.goto(postPath('zh'));
    await expect(page.getByRole('button', { name: /快捷键/ })).toBeVisible();
    await expect(page.locator('#hyper-p2 [data-gloss-toggle]')).toBeVisible();
    await expect(page.locator('#hyper-p2').getByRole('link', { name: /拼音/ })).toHaveCount(0);
  });
});

test.describe('side by side on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  // Two columns of a phone's width would be a few characters each: below 62rem parallel stacks.
  test('the English of a paragraph is under its Chinese, not beside it', async ({ page }) => {
    await page.goto(`${postPath('zh')}?gloss=parallel&pinyin=0`);
    await expect(reading(page)).toHaveAttribute('data-gloss', 'parallel');
    const zh = await page.locator('[data-block="docker-p1"]').boundingBox();
    const en = await page.locator('#docker-p1 > .gloss').boundingBox();
    if (!zh || !en) throw new Error('paragraph or gloss not laid out');
    expect(en.y).toBeGreaterThanOrEqual(zh.y + zh.height);
    expect(Math.abs(en.x - zh.x)).toBeLessThanOrEqual(2);
    expect(en.width).toBeGreaterThan(zh.width * 0.9);
    expect(await hasHorizontalOverflow(page)).toBe(false);
  });
});

test.describe('keeping the reader’s place', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('switching the gloss keeps the paragraph being read within 4 px', async ({ page }) => {
    await page.goto(postPath('zh'));
    await expect(page.getByRole('button', { name: /快捷键/ })).toBeVisible();
    await readFrom(page, 'hyper-p2');
    for (const [label, mode] of [['逐段', 'inline'], ['并排', 'parallel'], ['关', 'off']] as const) {
      const before = await topOf(page, 'hyper-p2');
      await page.getByRole('navigation', { name: '阅读设置' }).getByRole('link', { name: label, exact: true }).click();
      await expect(reading(page)).toHaveAttribute('data-gloss', mode);
      expect(Math.abs((await topOf(page, 'hyper-p2')) - before), mode).toBeLessThanOrEqual(4);
    }
  });

  test('switching pinyin keeps the paragraph being read within 4 px', async ({ page }) => {
    await page.goto(postPath('en'));
    await expect(page.getByRole('button', { name: /Shortcuts/ })).toBeVisible();
    await readFrom(page, 'docker-p2');
    const before = await topOf(page, 'docker-p2');
    await page.keyboard.press('p');
    await expect(page.locator('ruby.w').first()).toBeAttached();
    await expect.poll(async () => Math.abs((await topOf(page, 'docker-p2')) - before)).toBeLessThanOrEqual(4);
  });
});

test.describe('keyboard shortcuts', () => {
  test('g cycles the gloss, p toggles pinyin, ? explains them', async ({ page }) => {
    await page.goto(postPath('zh'));
    await expect(page.getByRole('button', { name: /快捷键/ })).toBeVisible();
    await page.keyboard.press('g');
    await expect(reading(page)).toHaveAttribute('data-gloss', 'inline');
    await page.keyboard.press('g');
    await expect(reading(page)).toHaveAttribute('data-gloss', 'parallel');
    await page.keyboard.press('g');
    await expect(reading(page)).toHaveAttribute('data-gloss', 'off');
    await page.keyboard.press('p');
    await expect(reading(page)).toHaveAttribute('data-pinyin', '1');
    await expect(page.locator('ruby.w').first()).toBeVisible();
    await page.keyboard.press('Shift+Slash');
    const help = page.getByRole('dialog', { name: '键盘快捷键' });
    await expect(help).toBeVisible();
    await expect(help).toContainText('切换英文对照');
    const pinyinShortcut = help.locator('.shortcut-list > div').filter({ has: page.getByRole('term').filter({ hasText: /^p$/ }) });
    await expect(pinyinShortcut.getByRole('definition')).toHaveText('显示或隐藏拼音');
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();
  });
});
