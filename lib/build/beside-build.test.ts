/** Files kept beside the build (beside-build.ts): made once, read after, never read for other inputs. */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { keptBesideBuild } from './beside-build';

describe('keptBesideBuild', () => {
  let build: string;
  const before = process.env.NEXT_DIST_DIR;
  beforeEach(() => {
    build = mkdtempSync(path.join(os.tmpdir(), 'duizhao-beside-build-'));
    process.env.NEXT_DIST_DIR = build;
  });
  afterEach(() => {
    process.env.NEXT_DIST_DIR = before;
    rmSync(build, { recursive: true, force: true });
  });

  const kept = (source: string, made: string[]) =>
    keptBesideBuild({
      folder: 'things',
      name: 'a post/zh',
      source,
      parse: (text) => {
        if (!text.startsWith('thing:')) throw new Error('not a thing');
        return text;
      },
      serialize: (value) => value,
      make: async () => {
        made.push(source);
        return `thing:${source}`;
      },
    });

  test('made once, then read from its file, also by another process on the same build', async () => {
    const made: string[] = [];
    expect(await kept('v1', made)).toBe('thing:v1');
    expect(await kept('v1', made)).toBe('thing:v1');
    expect(made).toEqual(['v1']);
    const files = readdirSync(path.join(build, 'things'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^a%20post%2Fzh-/);
  });

  test('other inputs make another file; a file the code cannot read is made again', async () => {
    const made: string[] = [];
    await kept('v1', made);
    expect(await kept('v2', made)).toBe('thing:v2');
    for (const file of readdirSync(path.join(build, 'things'))) writeFileSync(path.join(build, 'things', file), 'from an older build');
    expect(await kept('v1', made)).toBe('thing:v1');
    expect(made).toEqual(['v1', 'v2', 'v1']);
  });
});
