/**
 * ESLint (flat config): Next's rules with Core Web Vitals (React, hooks, accessibility, Next's
 * own) and typescript-eslint's recommended rules. `npm test` runs it with no warnings allowed
 * (`npm run lint`); an `eslint-disable` comment must name its rule and say why.
 */
import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import tseslint from 'typescript-eslint';

export default defineConfig([
  ...nextVitals,
  ...tseslint.configs.recommended,
  {
    // Playwright hands each fixture a callback named `use`; it is not React's `use` hook.
    files: ['e2e/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    linterOptions: {
      // A disable comment that no longer silences anything is itself reported.
      reportUnusedDisableDirectives: 'error',
    },
  },
  globalIgnores([
    // Builds: `npm start`'s, the browser tests' (one per port), the benchmarks' and the integration tests'.
    '.next/**',
    '.next-*/**',
    'out/**',
    'build/**',
    'next-env.d.ts',
    // Prisma's generated clients.
    'lib/db/generated/**',
    // What tests, benchmarks and the app write.
    'test-results/**',
    'playwright-report/**',
    'bench/results/**',
    'data/**',
    'tmp/**',
  ]),
]);
