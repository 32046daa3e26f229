/** UI language: negotiation at `/`, the switch, per-route `<html lang>`, alternates and 404s. */
import { expect, test } from '@playwright/test';
import { postPath, seed, siteUrl } from './fixtures';

test.describe('opening /', () => {
  test('follows Accept-Language', async ({ request }) => {
    const english = await request.get('/', { headers: { 'Accept-Language': 'en-GB,en;q=0.9' }, maxRedirects: 0 });
    expect(english.status()).toBe(307);
    expect(new URL(english.headers()['location'] ?? '', 'http://x').pathname).toBe('/en');
    const chinese = await request.get('/', { headers: { 'Accept-Language': 'zh-TW,zh;q=0.9,en;q=0.8' }, maxRedirects: 0 });
    expect(new URL(chinese.headers()['location'] ?? '', 'http://x').pathname).toBe('/zh');
  });

  test('prefers the cookie to Accept-Language', async ({ request }) => {
    const response = await request.get('/', { headers: { 'Accept-Language': 'en', Cookie: 'lang=zh' }, maxRedirects: 0 });
    expect(new URL(response.headers()['location'] ?? '', 'http://x').pathname).toBe('/zh');
  });

  test('falls back to Chinese', async ({ request }) => {
    const response = await request.get('/', { headers: { 'Accept-Language': 'fr-FR,de;q=0.5' }, maxRedirects: 0 });
    expect(new URL(response.headers()['location'] ?? '', 'http://x').pathname).toBe('/zh');
  });
});

test('the language switch keeps the page and is remembered', async ({ page, context }) => {
  await page.goto(postPath('zh'));
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await expect(page.getByRole('navigation', { name: '站点导航' })).toBeVisible();
  await page.getByRole('link', { name: '切换到英文界面' }).click();
  await expect(page).toHaveURL(postPath('en'));
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('navigation', { name: 'Site' })).toBeVisible();
  await expect(page.locator('.post-body')).toHaveAttribute('lang', 'zh-Hans');
  const cookie = (await context.cookies()).find((each) => each.name === 'lang');
  expect(cookie?.value).toBe('en');
  await page.goto('/');
  await expect(page).toHaveURL('/en');
});

test('every page declares its alternates and x-default', async ({ page }) => {
  await page.goto(postPath('en'));
  const alternates = await page.locator('link[rel="alternate"][hreflang]').evaluateAll((links) =>
    Object.fromEntries(links.map((link) => [link.getAttribute('hreflang'), link.getAttribute('href')])),
  );
  expect(alternates).toEqual({
    'zh-Hans': `${siteUrl}${postPath('zh')}`,
    en: `${siteUrl}${postPath('en')}`,
    'x-default': `${siteUrl}/posts/${seed.slug}`,
  });
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${siteUrl}${postPath('en')}`);
});

test('the x-default address negotiates the language', async ({ request }) => {
  const response = await request.get(`/posts/${seed.slug}`, { headers: { 'Accept-Language': 'en' }, maxRedirects: 0 });
  expect(response.status()).toBe(307);
  expect(new URL(response.headers()['location'] ?? '', 'http://x').pathname).toBe(postPath('en'));
});

test.describe('unknown pages get a 404 in the reader’s language', () => {
  test('an unknown post under /en', async ({ page }) => {
    const response = await page.goto('/en/posts/no-such-post');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });

  test('an unknown post under /zh', async ({ page }) => {
    const response = await page.goto('/zh/posts/no-such-post');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('找不到这个页面');
    await page.getByRole('link', { name: '返回文章列表' }).click();
    await expect(page).toHaveURL('/zh');
  });

  test('an unknown locale, in the negotiated language', async ({ page }) => {
    await page.setExtraHTTPHeaders({ 'Accept-Language': 'en' });
    const response = await page.goto('/fr/posts/docker-and-hyper');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  });

  test('an unknown tag', async ({ page }) => {
    const response = await page.goto('/zh/tags/no-such-tag');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('找不到这个页面');
  });
});
