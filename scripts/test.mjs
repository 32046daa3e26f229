#!/usr/bin/env node
/**
 * `npm test`: every suite, then one line of totals across all of them.
 *   1. gloss:check (every block of every post has a current English gloss), counted as one test,
 *   2. lint (ESLint, as `npm run lint`: no error and no warning), one test per linted file,
 *   3. unit tests (Vitest; among them `npm run graph`, lib/'s rooms importing one way),
 *   4. integration tests (Vitest: migrations and the HTTP API against real servers on SQLite and
 *   PostgreSQL), 5. browser tests (Playwright, against a production build).
 * Each suite's totals come from its own report (JSON, or ESLint's results), not from parsing text.
 * Exits non-zero if any test failed or a suite could not run.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reports = path.join(root, 'test-results');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

function run(command, args, extraEnv = {}) {
  const result = spawnSync(command, args, { cwd: root, env: { ...env, ...extraEnv }, stdio: 'inherit' });
  return result.status ?? 1;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function vitestTotals(report) {
  if (!report) return null;
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

function playwrightTotals(report) {
  if (!report?.stats) return null;
  const { expected, unexpected, flaky, skipped } = report.stats;
  return { passed: expected + flaky, failed: unexpected, skipped };
}

/** ESLint over the project, its problems printed; a file with any error or warning is a failed test. */
async function lint() {
  try {
    const eslint = new ESLint({ cwd: root });
    const results = await eslint.lintFiles(['.']);
    const report = await (await eslint.loadFormatter('stylish')).format(results);
    if (report) console.log(report);
    const failed = results.filter((result) => result.errorCount + result.warningCount > 0).length;
    return { status: failed === 0 ? 0 : 1, totals: { passed: results.length - failed, failed, skipped: 0 } };
  } catch (error) {
    console.error(error);
    return { status: 1, totals: null };
  }
}

rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const glossStatus = run(bin('tsx'), ['scripts/gloss-check.ts']);
const linted = await lint();

const suites = [
  {
    name: 'gloss:check',
    status: glossStatus,
    totals: () => ({ passed: glossStatus === 0 ? 1 : 0, failed: glossStatus === 0 ? 0 : 1, skipped: 0 }),
  },
  {
    name: 'lint',
    status: linted.status,
    totals: () => linted.totals,
  },
  {
    name: 'unit',
    status: run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${path.join(reports, 'unit.json')}`]),
    totals: () => vitestTotals(readJson(path.join(reports, 'unit.json'))),
  },
  {
    name: 'integration',
    status: run(bin('vitest'), ['run', '--config', 'vitest.integration.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${path.join(reports, 'integration.json')}`]),
    totals: () => vitestTotals(readJson(path.join(reports, 'integration.json'))),
  },
  {
    name: 'e2e',
    status: run(bin('playwright'), ['test'], { PW_REPORTERS: 'json' }),
    totals: () => playwrightTotals(readJson(path.join(reports, 'e2e.json'))),
  },
];

const sum = { passed: 0, failed: 0, skipped: 0 };
let broken = false;
for (const suite of suites) {
  const totals = suite.totals();
  if (!totals || totals.passed + totals.failed + totals.skipped === 0) {
    console.error(`The ${suite.name} suite ran no test (exit code ${suite.status}).`);
    broken = true;
    continue;
  }
  if (suite.status !== 0 && totals.failed === 0) {
    console.error(`The ${suite.name} suite exited with code ${suite.status} without a failing test: treating it as broken.`);
    broken = true;
  }
  console.log(`${suite.name}: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  for (const key of Object.keys(sum)) sum[key] += totals[key];
}

console.log(`${sum.passed} passed, ${sum.failed} failed, ${sum.skipped} skipped`);
process.exit(sum.failed > 0 || broken ? 1 : 0);
