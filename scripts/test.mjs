#!/usr/bin/env node
/**
 * `npm test`: every suite, then one line of totals across all of them.
 *   1. gloss:check (every block of every post has a current English gloss), counted as one test,
 *   2. unit tests (Vitest), 3. integration tests (Vitest: migrations and the HTTP API against real
 *   servers on SQLite and PostgreSQL), 4. browser tests (Playwright, against a production build).
 * Each suite writes a JSON report; the totals come from those reports, not from parsing text.
 * Exits non-zero if any test failed or a suite could not run.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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

rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const glossStatus = run(bin('tsx'), ['scripts/gloss-check.ts']);

const suites = [
  {
    name: 'gloss:check',
    status: glossStatus,
    totals: () => ({ passed: glossStatus === 0 ? 1 : 0, failed: glossStatus === 0 ? 0 : 1, skipped: 0 }),
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
