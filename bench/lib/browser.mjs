/**
 * A headless Chromium for in-page measurements, launched through Playwright the way the browser
 * tests launch it (playwright.config.ts): Debian's Chromium where it is installed (CHROMIUM_PATH,
 * default /usr/bin/chromium), Playwright's own browser elsewhere.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH, chromiumLaunchOptions } from '../../test/support/chromium.mjs';

export { CHROMIUM_PATH };

/** Launches the browser; the caller closes it. */
export function launchChromium() {
  return chromium.launch(chromiumLaunchOptions());
}

/** Which browser launchChromium() runs, for notes. */
export function chromiumDescription(browser) {
  const where = existsSync(CHROMIUM_PATH) ? `${CHROMIUM_PATH} ${CHROMIUM_ARGS.join(' ')}` : "Playwright's bundled build";
  return `Chromium ${browser.version()} (${where})`;
}
