/**
 * Integration tests (test/integration): real databases (an SQLite file, a fresh PostgreSQL
 * database) and the real production server over HTTP. One file at a time: the API tests build
 * and start servers, which would starve parallel files on a small machine.
 *   npx vitest run --config vitest.integration.config.ts
 */
import { defineConfig } from 'vitest/config';
import path from 'node:path';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['test/integration/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['./vitest.setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 360_000,
    teardownTimeout: 60_000,
    fileParallelism: false,
  },
});
