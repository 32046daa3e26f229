/**
 * A headless Chromium for in-page measurements, launched through Playwright the way the browser
 * tests launch it (playwright.config.ts): Debian's Chromium where it is installed (CHROMIUM_PATH,
 * default /usr/bin/chromium), Playwright's own browser elsewhere.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-dev-shm-usage'];

/** Launches the browser; the caller closes it. */
export function launchChromium() {
  const system = existsSync(CHROMIUM_PATH);
  return chromium.launch(system ? { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS } : {});
}

/** Which browser launchChromium() runs, for notes. */
export function chromiumDescription(browser) {
  const where = existsSync(CHROMIUM_PATH) ? `${CHROMIUM_PATH} ${CHROMIUM_ARGS.join(' ')}` : "Playwright's bundled build";
  return `Chromium ${browser.version()} (${where})`;
}
