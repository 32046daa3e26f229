/**
 * ESLint (flat config): Next's rules with Core Web Vitals (React, hooks, accessibility, Next's
 * own) and typescript-eslint's recommended rules. `npm test` runs it with no warnings allowed
 * (`npm run lint`); an `eslint-disable` comment must name its rule and say why.
 */
import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import tseslint from 'typescript-eslint';

/**
 * Every `eslint-disable` comment names the rules it turns off and says why after ` -- `: a bare
 * one hides every rule, and a silent one leaves the next reader guessing whether it still holds.
 * (A bare block comment turns this rule off too, so it is reported at the top of the file; only
 * one on the very first line, before any docblock, hides itself.)
 */
const disableComments = {
  rules: {
    'name-and-reason': {
      meta: {
        type: 'suggestion',
        messages: {
          noRule: 'An eslint-disable comment names the rules it turns off.',
          noReason: 'An eslint-disable comment says why, after " -- ".',
        },
        schema: [],
      },
      create(context) {
        return {
          Program() {
            for (const comment of context.sourceCode.getAllComments()) {
              const match = /^\s*eslint-disable(?:-next-line|-line)?(?=\s|$)(.*)$/s.exec(comment.value);
              if (!match) continue;
              const [rules = '', reason = ''] = (match[1] ?? '').split(/\s--\s/, 2);
              // A bare block comment turns off every rule after it, this one too: report it from the top.
              if (rules.trim() === '') context.report({ loc: comment.type === 'Block' ? { line: 1, column: 0 } : comment.loc, messageId: 'noRule' });
              else if (reason.trim() === '') context.report({ loc: comment.loc, messageId: 'noReason' });
            }
          },
        };
      },
    },
  },
};

export default defineConfig([
  ...nextVitals,
  ...tseslint.configs.recommended,
  {
    // Playwright hands each fixture a callback named `use`; it is not React's `use` hook.
    files: ['e2e/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    // A leading underscore marks a parameter kept for its position or a property left out of a
    // rest copy (`const { a: _a, ...rest } = x`); both are deliberate.
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // What a page loads takes zod from lib/browser-zod.ts, which keeps zod from trying
    // `new Function` under the pages' Content-Security-Policy.
    files: ['components/**', 'lib/comments/dto-schema.ts', 'lib/gloss/saved-words.ts', 'lib/gloss/glossary-types.ts'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'zod', message: 'Import * as z from lib/browser-zod.ts in code a page loads.' },
            { name: 'zod/mini', message: 'Import * as z from lib/browser-zod.ts in code a page loads.' },
          ],
        },
      ],
    },
  },
  {
    plugins: { 'disable-comments': disableComments },
    rules: { 'disable-comments/name-and-reason': 'error' },
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
