/**
 * The Content-Security-Policy in a real browser: every page and reading mode loads, hydrates and
 * works (word help, the notes layer, the shortcuts) without one violation, and the policy is
 * really enforced: a script injected into the page does not run.
 */
import { expect, test, type Page } from '@playwright/test';
import { adminToken, pointAtWord, postPath, readerAddress, seed, writePrivateNote } from './fixtures';

type Violation = { directive: string; blocked: string; sample: string };

/** Collects every `securitypolicyviolation` from before the page's first script. */
async function watchViolations(page: Page): Promise<() => Promise<Violation[]>> {
  await page.addInitScript(() => {
    const seen: Violation[] = [];
    (window as unknown as { __violations: Violation[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push({ directive: event.effectiveDirective, blocked: event.blockedURI, sample: event.sample });
    });
  });
  const consoleReports: Violation[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) consoleReports.push({ directive: 'console', blocked: '', sample: message.text() });
  });
  return async () => [...(await page.evaluate(() => (window as unknown as { __violations: Violation[] }).__violations)), ...consoleReports];
}

const toolbarReady = (page: Page) => expect(page.getByRole('button', { name: /Shortcuts|快捷键/ })).toBeVisible();

const pages: Array<{ path: string; post?: boolean }> = [
  { path: '/zh' },
  { path: '/en' },
  { path: '/zh/tags' },
  { path: '/en/tags/docker' },
  { path: '/zh/credits' },
  { path: `/zh/posts/${seed.slug}/comments` },
  { path: '/en/admin' },
  { path: '/zh/no-such-page' },
  ...['zh', 'en'].flatMap((locale) =>
    ['off', 'inline', 'parallel'].flatMap((gloss) =>
      ['0', '1'].map((pinyin) => ({ path: `${postPath(locale as 'zh' | 'en')}?gloss=${gloss}&pinyin=${pinyin}`, post: true })),
    ),
  ),
];

for (const { path, post } of pages) {
  test(`no policy violation on ${path}`, async ({ page }) => {
    const violations = await watchViolations(page);
    const response = await page.goto(path);
    const policy = response?.headers()['content-security-policy'] ?? '';
    expect(policy).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+/);
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    if (post) {
      await toolbarReady(page);
      // What loads later: word help and its glossary, the notes layer, the shortcut help.
      await pointAtWord(page, '虚拟机');
      await expect(page.getByRole('dialog', { name: /Word help|词语释义/ })).toBeVisible();
      await page.keyboard.press('Escape');
      await page.locator('.reading-toolbar [aria-controls="notes-panel"]').click();
      await expect(page.locator('aside#notes-panel')).toBeVisible();
    } else {
      await page.waitForLoadState('networkidle');
    }
    expect(await violations()).toEqual([]);
  });
}

test.describe('with a note of the reader\'s own', () => {
  test.use({ extraHTTPHeaders: { 'x-forwarded-for': readerAddress() } });

  // The notes layer then loads as the page hydrates, before anything else that checks answers.
  test('no policy violation as the notes layer loads and draws its marker', async ({ page }) => {
    await writePrivateNote(page, 'en', 'hyper-p1', '虚拟机', 'A note for the policy test');
    const violations = await watchViolations(page);
    await page.goto(postPath('en'));
    await expect(page.locator('#hyper-p1 > .note-markers')).toBeAttached();
    expect(await violations()).toEqual([]);
  });
});

test('no policy violation on the moderation page signed in', async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto('/en/admin');
  await page.getByLabel('Admin token').fill(adminToken);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Signed in as the admin')).toBeVisible();
  expect(await violations()).toEqual([]);
});

test('a script injected into the page is refused and reported', async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto(postPath('zh'));
  await toolbarReady(page);
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true;';
    document.body.append(script);
  });
  await expect.poll(async () => (await violations()).map((each) => each.directive)).toContain('script-src-elem');
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
});
