/**
 * Which database a URL names: PostgreSQL for `postgres://`/`postgresql://`, else an SQLite file
 * (a path or a `file:` URL). Pure, so scripts and tests share the rule.
 */
import path from 'node:path';

export type DatabaseTarget = { provider: 'postgres'; url: string } | { provider: 'sqlite'; file: string };

export function databaseTarget(url: string): DatabaseTarget {
  if (/^postgres(?:ql)?:\/\//i.test(url)) return { provider: 'postgres', url };
  const file = url.replace(/^file:(\/\/)?/, '');
  return { provider: 'sqlite', file: file === ':memory:' ? file : path.resolve(file) };
}
