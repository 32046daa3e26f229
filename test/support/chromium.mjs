// @ts-check
/**
 * How every browser the project drives is launched (the browser tests, the integration tests that
 * open pages, the benchmarks): Debian's Chromium where it is installed (CHROMIUM_PATH, default
 * /usr/bin/chromium), headless, without the sandbox root cannot use and without the background
 * connections this machine's closed network refuses; Playwright's own browser elsewhere.
 */
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update'];

/** Playwright's launch options for that browser ({} for its own). */
export function chromiumLaunchOptions() {
  return existsSync(CHROMIUM_PATH) ? { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS } : {};
}
