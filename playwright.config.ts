/**
 * Browser tests against the production build (`npm start`, which builds when needed), in
 * Debian's Chromium where it is installed and Playwright's own browser elsewhere.
 */
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './test/support/chromium.mjs';

const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${port}`;
/** A second run beside the first (another port) gets its own build folder and database too. */
const distDir = process.env.E2E_DIST_DIR ?? (port === 3210 ? '.next-e2e' : `.next-e2e-${port}`);

/** The revised site's port: the next one up (see `editedSiteUrl` in e2e/fixtures.ts). */
const editedPort = port + 1;
/** The moved-in blog's port (see `movedBlogUrl` in e2e/fixtures.ts). */
const movedBlogPort = port + 2;
const movedBlog = path.join('test', 'fixtures', 'moved-blog');

function server(listenOn: number, buildDir: string, env: Record<string, string>, before = '') {
  return {
    command: `${before}node scripts/start.mjs`,
    env: {
      PORT: String(listenOn),
      HOST: '127.0.0.1',
      SITE_URL: 'https://duizhao.example',
      NEXT_DIST_DIR: buildDir,
      // Its own database, so browser tests never write into the reader's data/.
      DATABASE_URL: path.join('data', 'e2e', String(port), 'duizhao.db'),
      // Comment limits are per client address. Every browser test that writes says who it is in
      // X-Forwarded-For (readerAddress() in e2e/fixtures.ts), believed from this local peer, so a
      // low limit is reached only by the test that means to reach it.
      TRUSTED_PROXIES: '127.0.0.1',
      COMMENTS_RATE_PER_MINUTE: '5',
      COMMENTS_RATE_PER_DAY: '100000',
      // Notes are written from the browser's own address, many a minute across the suite.
      NOTES_RATE_PER_MINUTE: '100000',
      NOTES_RATE_PER_DAY: '1000000',
      // Turns the moderation page on (adminToken in e2e/fixtures.ts).
      ADMIN_TOKEN: 'e2e-admin-token-0123456789',
      ...env,
    },
    reuseExistingServer: !process.env.CI,
    // Two builds on a 2-core machine, when neither is current yet.
    timeout: 600_000,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
  };
}

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  // Per port, so a run beside another does not wipe its traces.
  outputDir: port === 3210 ? 'test-results/artifacts' : `test-results/artifacts-${port}`,
  reporter: process.env.PW_REPORTERS === 'json' ? [['list'], ['json', { outputFile: 'test-results/e2e.json' }]] : 'list',
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions(),
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], channel: undefined }, testIgnore: /popular-post\.spec\.ts/ },
    // A page's worth of comments on the seed post would move the comments the other tests look
    // for: added only once they are done.
    { name: 'popular', use: { ...devices['Desktop Chrome'], channel: undefined }, testMatch: /popular-post\.spec\.ts/, dependencies: ['desktop'] },
    { name: 'phone', use: { ...devices['Pixel 7'] }, testMatch: /reading\.spec\.ts/ },
  ],
  // The site, and beside it the same site after its author revised the seed post (the notes tests
  // read there what became of notes written before the revision; both use one database), and a
  // Jekyll blog moved in whole.
  webServer: [
    { ...server(port, distDir, {}), url: `${baseURL}/zh` },
    {
      ...server(editedPort, `${distDir}-edited`, { CONTENT_DIR: path.join('test', 'fixtures', 'notes', 'edited-seed') }),
      // Ready once its notes API answers: the tests read notes there, on the database the first
      // server is busy writing to.
      url: `http://127.0.0.1:${editedPort}/api/posts/docker-and-hyper/annotations`,
    },
    // A whole Jekyll blog moved in, as its author would: comments imported, then started. Its own
    // database, so the imported comments meet no others.
    {
      ...server(
        movedBlogPort,
        `${distDir}-moved-blog`,
        { CONTENT_DIR: movedBlog, DATABASE_URL: path.join('data', 'e2e', String(port), 'moved-blog.db') },
        `npm run -s comments:import -- ${path.join(movedBlog, 'disqus-export.xml')} && `,
      ),
      url: `http://127.0.0.1:${movedBlogPort}/zh`,
    },
  ],
});
