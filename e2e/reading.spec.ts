/** Reading "Docker与Hyper" as its author published it, in both UI languages, on desktop and phone. */
import { expect, test } from '@playwright/test';
import { hasHorizontalOverflow, postPath, seed } from './fixtures';

for (const locale of ['zh', 'en'] as const) {
  test(`the post reads in full under /${locale}`, async ({ page }) => {
    await page.goto(postPath(locale));
    const article = page.locator('main article.post');
    await expect(article.getByRole('heading', { level: 1 })).toHaveText(seed.title);
    const body = article.locator('.post-body');
    await expect(body).toHaveAttribute('lang', 'zh-Hans');
    await expect(body).toContainText(seed.firstSentence);
    await expect(body).toContainText(seed.lastSentence);
    await expect(body.locator('[data-block]')).toHaveCount(seed.blockIds.length);
    expect(await body.locator('[data-block]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-block')))).toEqual(seed.blockIds);
    for (const id of seed.headingIds) await expect(body.locator(`h2[id="${id}"]`)).toBeVisible();
    await expect(body.locator('[data-block] code')).toHaveText(/HyperContainer = Hypervisor \+ Kernel \+ Docker Image/);
    await expect(body.getByRole('link', { name: '回答' })).toHaveAttribute('href', 'https://www.zhihu.com/question/35412725/answer/101715150');
  });
}

test('the figure shows the architecture diagram at 500x500', async ({ page }) => {
  await page.goto(postPath('zh'));
  const figure = page.locator('.post-body figure');
  await expect(figure.locator('figcaption')).toHaveText('hyper架构图');
  const image = figure.getByRole('img', { name: 'hyper架构图' });
  await expect(image).toHaveAttribute('src', '/images/docker/hyper.png');
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => [img.complete, img.naturalWidth, img.naturalHeight])).toEqual([true, 500, 500]);
});

test('an old heading link lands on its heading', async ({ page }) => {
  await page.goto(`${postPath('zh')}#${encodeURIComponent('结')}`);
  await expect(page.locator('h2[id="结"]')).toBeInViewport();
});

test('the post header shows the date, in the UI language, and the tags', async ({ page }) => {
  await page.goto(postPath('zh'));
  await expect(page.locator('.post-meta time')).toHaveText('2016年5月20日');
  await expect(page.locator('.post-meta time')).toHaveAttribute('datetime', '2016-05-20');
  await page.goto(postPath('en'));
  await expect(page.locator('.post-meta time')).toHaveText('May 20, 2016');
  await expect(page.locator('main article.post').getByRole('link', { name: '#docker' })).toHaveAttribute('href', '/en/tags/docker');
});

test('the post list shows the post with its date, tags and opening', async ({ page }) => {
  await page.goto('/zh');
  const card = page.locator('main article').first();
  await expect(card.getByRole('heading', { level: 2 })).toHaveText(seed.title);
  await expect(card).toContainText('精选');
  await expect(card.locator('time')).toHaveText('2016年5月20日');
  await expect(card).toContainText(seed.firstSentence);
  await card.getByRole('link', { name: seed.title }).click();
  await expect(page).toHaveURL(postPath('zh'));
});

test('tag pages list the posts with that tag', async ({ page }) => {
  await page.goto('/en/tags');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tags');
  await expect(page.locator('main')).toContainText('1 post');
  await page.getByRole('link', { name: '#docker' }).click();
  await expect(page).toHaveURL('/en/tags/docker');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Posts tagged “docker”');
  await expect(page.getByRole('link', { name: seed.title })).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the post, the list and the language switch all work', async ({ page }) => {
    await page.goto('/zh');
    await page.getByRole('link', { name: seed.title }).click();
    await expect(page.locator('.post-body')).toContainText(seed.lastSentence);
    await expect(page.locator('.post-body img')).toBeVisible();
    await page.getByRole('link', { name: '切换到英文界面' }).click();
    await expect(page).toHaveURL(postPath('en'));
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('.post-body')).toContainText(seed.firstSentence);
  });
});

test('the page reads at 360 px without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of [postPath('zh'), postPath('en'), '/zh', '/en/tags']) {
    await page.goto(path);
    expect(await hasHorizontalOverflow(page), path).toBe(false);
  }
});

test('the body is set for reading: CJK fonts, a book measure and Han-Latin spacing', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(postPath('zh'));
  const style = await page.locator('.post-body p').first().evaluate((p) => {
    const computed = getComputedStyle(p);
    return { font: computed.fontFamily, width: p.getBoundingClientRect().width, fontSize: parseFloat(computed.fontSize), autospace: computed.getPropertyValue('text-autospace') };
  });
  expect(style.font).toContain('Noto Sans CJK SC');
  const charsPerLine = style.width / style.fontSize;
  expect(charsPerLine).toBeGreaterThan(34);
  expect(charsPerLine).toBeLessThan(46);
  expect(style.autospace).toBe('normal');
});
