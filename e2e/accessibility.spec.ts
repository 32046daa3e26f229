/** axe finds no violation on any page, in light and dark schemes. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { postPath } from './fixtures';

const pages = ['/zh', '/en', postPath('zh'), postPath('en'), '/zh/tags', '/en/tags/docker', '/en/posts/no-such-post'];

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} scheme`, () => {
    test.use({ colorScheme });
    for (const path of pages) {
      test(`${path} has no axe violations`, async ({ page }) => {
        await page.goto(path);
        const results = await new AxeBuilder({ page }).analyze();
        expect(results.violations.map(({ id, nodes }) => ({ id, targets: nodes.map((node) => node.target.join(' ')) }))).toEqual([]);
      });
    }
  });
}

test('everything can be reached with the keyboard, starting with a skip link', async ({ page }) => {
  await page.goto(postPath('zh'));
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: '跳到正文' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
});
