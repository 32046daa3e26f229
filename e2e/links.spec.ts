/** Addresses outside the reading pages: the old Jekyll permalink, the feed, sitemap, robots and share cards. */
import { expect, test } from '@playwright/test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { postPath, seed, siteUrl } from './fixtures';

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

test.describe('the Jekyll permalink', () => {
  test.use({ locale: 'zh-CN' });

  test('redirects permanently to the post, keeping the heading fragment', async ({ request, page }) => {
    const response = await request.get(seed.permalink, { headers: { 'Accept-Language': 'zh-CN' }, maxRedirects: 0 });
    expect(response.status()).toBe(308);
    expect(new URL(response.headers()['location'] ?? '', 'http://x').pathname).toBe(postPath('zh'));
    await page.goto(`${seed.permalink}#hyper`);
    await expect(page).toHaveURL(new RegExp(`${postPath('zh')}#hyper$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
    await expect(page.locator('h2#hyper')).toBeInViewport();
  });
});

test('/feed.xml is a valid Atom feed with the post in full', async ({ request }) => {
  const response = await request.get('/feed.xml');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/atom+xml');
  const text = await response.text();
  expect(XMLValidator.validate(text)).toBe(true);
  const { feed } = xml.parse(text);
  expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
  for (const required of ['id', 'title', 'updated']) expect(feed[required]).toBeTruthy();
  const entries = [feed.entry].flat();
  expect(entries).toHaveLength(1);
  const [entry] = entries;
  expect(entry.title['#text'] ?? entry.title).toBe(seed.title);
  expect(entry.id).toBe(`${siteUrl}${postPath('zh')}`);
  expect(entry.updated).toMatch(/^2016-05-20T00:00:00/);
  expect(entry.content['@type']).toBe('html');
  expect(entry.content['#text']).toContain(seed.lastSentence);
  expect(entry.content['#text']).toContain(`${siteUrl}/images/docker/hyper.png`);
});

test('the sitemap lists every page in both languages, and robots.txt points to it', async ({ request }) => {
  const sitemap = await (await request.get('/sitemap.xml')).text();
  expect(XMLValidator.validate(sitemap)).toBe(true);
  const urls = [xml.parse(sitemap).urlset.url].flat().map((url: { loc: string }) => url.loc);
  expect(urls).toEqual(expect.arrayContaining([`${siteUrl}${postPath('zh')}`, `${siteUrl}${postPath('en')}`, `${siteUrl}/zh`, `${siteUrl}/en/tags/docker`]));
  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toContain(`Sitemap: ${siteUrl}/sitemap.xml`);
  expect(robots).toMatch(/Disallow: \/api\//);
});

test('a shared link unfurls: OpenGraph and Twitter cards with the canonical URL', async ({ page }) => {
  await page.goto(postPath('zh'));
  const meta = async (selector: string) => page.locator(selector).getAttribute('content');
  expect(await meta('meta[property="og:title"]')).toBe(seed.title);
  expect(await meta('meta[property="og:type"]')).toBe('article');
  expect(await meta('meta[property="og:url"]')).toBe(`${siteUrl}${postPath('zh')}`);
  expect(await meta('meta[property="og:image"]')).toBe(`${siteUrl}/images/docker/hyper.png`);
  expect(await meta('meta[property="og:description"]')).toContain(seed.firstSentence);
  expect(await meta('meta[property="article:published_time"]')).toBe('2016-05-20');
  expect(await meta('meta[name="twitter:card"]')).toBe('summary_large_image');
  expect(await meta('meta[name="twitter:title"]')).toBe(seed.title);
  await expect(page.locator(`link[rel="alternate"][type="application/atom+xml"][href="${siteUrl}/feed.xml"]`)).toHaveCount(1);
});

test('the credits page credits CC-CEDICT and its licence, linked from every page', async ({ page }) => {
  await page.goto(postPath('en'));
  await page.getByRole('contentinfo').getByRole('link', { name: 'Credits' }).click();
  await expect(page).toHaveURL('/en/credits');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Credits and licences');
  await expect(page.getByRole('link', { name: 'CC-CEDICT' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'CC BY-SA 4.0' })).toHaveAttribute('href', 'https://creativecommons.org/licenses/by-sa/4.0/');
  const glossary = await page.request.get('/glossary/docker-and-hyper.json');
  expect((await glossary.json()).license).toContain('CC BY-SA 4.0');
});
