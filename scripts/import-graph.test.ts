/**
 * `npm run graph` keeps lib/'s rooms importing one way: it passes on this project, and fails, naming
 * the pair, on a small tree where two rooms import each other (through a type-only import, a
 * JSDoc type and an `@/lib` path, which count like any other import).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

const script = path.join(import.meta.dirname, 'import-graph.mjs');
const graph = (root?: string) => spawnSync(process.execPath, [script, ...(root ? [root] : [])], { encoding: 'utf8' });

const trees: string[] = [];
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'import-graph-'));
  trees.push(root);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}
afterAll(() => {
  for (const root of trees) rmSync(root, { recursive: true, force: true });
});

describe('the import graph of lib/', () => {
  test('this project has no two rooms importing each other', () => {
    const run = graph();
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('No two rooms import each other.');
    expect(run.stdout).toMatch(/lib\/comments\s+-> lib\/http {2}\(\d+\)/);
    expect(run.status).toBe(0);
  });

  test('a type-only import back is a two-way pair: exit 1, and the pair named', () => {
    const root = tree({
      'lib/notes/actions.ts': "import { takeAllowance } from '../limits/rate-limit';\nexport const note = takeAllowance;\n",
      'lib/limits/rate-limit.ts': "import type { Note } from '@/lib/notes/types';\nexport const takeAllowance = (note: Note) => note;\n",
      'lib/notes/types.ts': 'export type Note = { id: string };\n',
    });
    const run = graph(root);
    expect(run.stdout).toContain('lib/limits -> lib/notes  (1)');
    expect(run.stdout).toContain('lib/notes  -> lib/limits  (1)');
    expect(run.stderr).toContain('Two-way: lib/limits <-> lib/notes');
    expect(run.status).toBe(1);
  });

  test('JSDoc types, re-exports and files at the root of lib/ count; packages and generated code do not', () => {
    const root = tree({
      'lib/process-wide.mjs': "/** @typedef {import('./db/client').Db} Db */\nexport const slots = 1;\n",
      'lib/db/client.ts': "export * from './generated/client';\nimport 'zod';\nexport type Db = object;\n",
      'lib/db/generated/client.ts': "import '../../http/errors';\n",
      'lib/http/errors.ts': "export { slots } from '../process-wide.mjs';\n",
    });
    const run = graph(root);
    expect(run.stdout).toContain('lib/http         -> lib/process-wide  (1)');
    expect(run.stdout).toContain('lib/process-wide -> lib/db  (1)');
    expect(run.stdout).not.toMatch(/^\s*lib\/db\s+->/m);
    expect(run.status).toBe(0);
  });
});
