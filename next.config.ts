/** Next.js configuration: a server-rendered reader whose post pages are prerendered at build. */
import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Posts and their Jekyll baselines are read from disk at build time.
  outputFileTracingIncludes: { '/**': ['./content/**/*'] },
};

export default nextConfig;
