#!/usr/bin/env node
/**
 * `npm run graph`: the import graph of `lib/` at the level of its rooms (each folder directly
 * under lib/, and each file that sits directly in lib/), with how many imports make each edge.
 * Every import counts: relative and `@/lib/...` specifiers, type-only imports, re-exports,
 * dynamic `import()` and JSDoc `import('...')` types. Generated code (lib/db/generated) is left out.
 *
 * Exits 1 when two rooms import each other in both directions: shared code then belongs in a
 * room of its own (see the README's "Layout of the code"). `node scripts/import-graph.mjs <dir>`
 * reads another project root (the unit test gives it a small tree with a two-way pair).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const SOURCE = /\.(?:ts|tsx|mts|mjs|js)$/;
const SKIPPED = new Set(['generated', 'node_modules']);
/** JSDoc type imports (`@type {import('./x').Y}`), which the TypeScript scanner does not report. */
const JSDOC_IMPORT = /import\(\s*['"]([^'"]+)['"]\s*\)/g;

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return SKIPPED.has(name) ? [] : sourceFiles(full);
    return SOURCE.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Every module specifier a file names. */
function specifiers(text) {
  const found = new Set(ts.preProcessFile(text, true, true).importedFiles.map((file) => file.fileName));
  for (const match of text.matchAll(JSDOC_IMPORT)) if (match[1]) found.add(match[1]);
  return [...found];
}

/** The room a path inside lib/ belongs to: `lib/comments`, or `lib/env` for lib/env.ts. */
function roomOf(libDir, file) {
  const [first = '', ...rest] = path.relative(libDir, file).split(path.sep);
  return `lib/${rest.length > 0 ? first : first.replace(/(?:\.test)?\.[^.]+$/, '')}`;
}

/** Where a specifier points, as a path (without extension), or null when it is a package. */
function target(root, from, specifier) {
  if (specifier.startsWith('.')) return path.resolve(path.dirname(from), specifier);
  if (specifier.startsWith('@/')) return path.join(root, specifier.slice(2));
  return null;
}

/** Edges between rooms: `from -> to` with how many (file, specifier) pairs make each. */
export function importGraph(root) {
  const libDir = path.join(root, 'lib');
  const edges = new Map();
  for (const file of sourceFiles(libDir)) {
    const from = roomOf(libDir, file);
    for (const specifier of specifiers(readFileSync(file, 'utf8'))) {
      const resolved = target(root, file, specifier);
      if (resolved === null || path.relative(libDir, resolved).startsWith('..')) continue;
      const to = roomOf(libDir, resolved);
      if (to === from) continue;
      const key = `${from} -> ${to}`;
      edges.set(key, (edges.get(key) ?? 0) + 1);
    }
  }
  return [...edges].map(([key, count]) => {
    const [from, to] = key.split(' -> ');
    return { from, to, count };
  }).sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}

/** Pairs of rooms that import each other, each pair once. */
export function twoWayPairs(edges) {
  const has = new Set(edges.map(({ from, to }) => `${from} -> ${to}`));
  return edges.filter(({ from, to }) => from < to && has.has(`${to} -> ${from}`)).map(({ from, to }) => [from, to]);
}

function main() {
  const root = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
  const edges = importGraph(root);
  const width = Math.max(...edges.map(({ from }) => from.length), 0);
  console.log('Imports between the rooms of lib/ (count = importing file and module pairs):');
  for (const { from, to, count } of edges) console.log(`  ${from.padEnd(width)} -> ${to}  (${count})`);
  const pairs = twoWayPairs(edges);
  if (pairs.length === 0) {
    console.log('No two rooms import each other.');
    return 0;
  }
  for (const [a, b] of pairs) console.error(`Two-way: ${a} <-> ${b}`);
  console.error('Move what both need into a room of its own, so imports run one way.');
  return 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exit(main());
