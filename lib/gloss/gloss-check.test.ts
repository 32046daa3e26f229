/**
 * `npm run gloss:check` as an author runs it: on a fixture with one current, one stale and one
 * missing gloss it fails and says which is which (with the fingerprint to record); on the real
 * content it passes.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fingerprint } from './fingerprint';

const root = path.resolve(import.meta.dirname, '../..');

function glossCheck(...args: string[]) {
  const run = spawnSync('npx', ['tsx', 'scripts/gloss-check.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('gloss:check', () => {
  test('fails on a post with a stale and a missing gloss, naming each block', () => {
    const { status, output } = glossCheck('--content', 'test/fixtures/gloss');
    expect(status).toBe(1);
    expect(output).toContain('gloss-fixture: 1 current, 1 missing, 1 stale (test/fixtures/gloss/2020-02-01-gloss-fixture.gloss.yaml)');
    expect(output).toMatch(/^ {2}missing {2}top-p3: 回家的路上下起了小雨。$/m);
    // The new fingerprint, to paste into `source` once the English is updated.
    const now = '公园里的花都开了，红的黄的都有。';
    expect(fingerprint(now)).toBe('23fd3543cf');
    expect(output).toMatch(/^ {2}stale {4}top-p2: the Chinese changed; new source: 23fd3543cf$/m);
    expect(output).toContain('was: 公园里的花还没有开。');
    expect(output).toContain(`now: ${now}`);
    // The current paragraph is not called out.
    expect(output).not.toMatch(/top-p1/);
    expect(output).toContain('gloss:check failed: 1 post(s) with missing or stale glosses.');
    expect(output).not.toContain('gloss:check passed');
  }, 60_000);

  test('passes on the site’s content', () => {
    const { status, output } = glossCheck();
    expect(output).toContain('docker-and-hyper: 11 current, 0 missing, 0 stale');
    expect(output).toContain('gloss:check passed');
    expect(status).toBe(0);
  }, 60_000);
});
