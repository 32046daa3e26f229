/**
 * `npm run comments:import` with other systems' exports, as a blogger runs it: the real command,
 * a real SQLite file, the moved-in blog of test/fixtures/moved-blog as CONTENT_DIR. Twice, to show
 * that a second run adds nothing; and with files it must refuse without writing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, test } from 'vitest';
import { ROOT } from './server';

const dir = mkdtempSync(path.join(os.tmpdir(), 'duizhao-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runImport(file: string, databaseFile: string, contentDir = path.join(ROOT, 'test/fixtures/moved-blog')) {
  const run = spawnSync('npm', ['run', '-s', 'comments:import', '--', file], {
    cwd: ROOT,
    env: { ...process.env, CONTENT_DIR: contentDir, DATABASE_URL: databaseFile, INIT_CWD: ROOT },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: run.status, out: `${run.stdout}${run.stderr}` };
}

type Row = { id: string; postSlug: string; parentId: string | null; authorName: string; website: string | null; deleted: number; status: string; bodySource: string; bodyHtml: string; createdAt: string };
function rows(databaseFile: string): Row[] {
  const db = new Database(databaseFile, { readonly: true });
  try {
    return db.prepare('SELECT id, postSlug, parentId, authorName, website, deleted, status, bodySource, bodyHtml, createdAt FROM Comment ORDER BY id').all() as Row[];
  } finally {
    db.close();
  }
}

describe('a Disqus export into the moved-in blog', () => {
  const databaseFile = path.join(dir, 'disqus.db');
  const disqus = path.join(ROOT, 'test/fixtures/moved-blog/disqus-export.xml');

  test('the first run imports every comment of a known post and prints what it skipped', () => {
    const { code, out } = runImport(disqus, databaseFile);
    expect(code).toBe(0);
    expect(out).toContain('Disqus export: 7 comments imported (3 replies), 1 deleted comment kept as a placeholder for its replies, 1 spam skipped.');
    expect(out).toContain('1 thread matches no post (1 comment not imported):');
    expect(out).toContain('https://old-blog.example.com/blog/2012/12/12/gone/ (1 comment)');
    const stored = rows(databaseFile);
    expect(stored.map((row) => row.id)).toEqual(['dsq-2001', 'dsq-2002', 'dsq-2003', 'dsq-2005', 'dsq-2006', 'dsq-2007', 'dsq-2008', 'dsq-2010']);
    const byId = new Map(stored.map((row) => [row.id, row]));
    expect(byId.get('dsq-2003')).toMatchObject({ postSlug: 'edge-case', parentId: 'dsq-2002', authorName: 'Reader Bo', status: 'published' });
    expect(new Date(byId.get('dsq-2003')?.createdAt ?? '').toISOString()).toBe('2009-01-04T11:30:00.000Z');
    expect(byId.get('dsq-2006')).toMatchObject({ postSlug: '容器笔记', deleted: 1, bodySource: '' });
    expect(byId.get('dsq-2007')?.parentId).toBe('dsq-2006');
    expect(byId.get('dsq-2001')?.bodyHtml).not.toMatch(/<script|alert/);
  });

  test('the second run doubles nothing', () => {
    const before = rows(databaseFile);
    const { code, out } = runImport(disqus, databaseFile);
    expect(code).toBe(0);
    expect(out).toContain('Disqus export: 0 comments imported (0 replies), 8 already present');
    expect(rows(databaseFile)).toEqual(before);
  });
});

describe('Waline and Valine exports into the seed site', () => {
  const databaseFile = path.join(dir, 'waline.db');
  const seedContent = path.join(ROOT, 'content/posts');

  test('Waline: names, websites, a reply, one awaiting moderation, spam and a missing post counted', () => {
    const { code, out } = runImport(path.join(ROOT, 'test/fixtures/comments-import/waline-export.json'), databaseFile, seedContent);
    expect(code).toBe(0);
    expect(out).toContain('Waline export: 4 comments imported (1 reply), 1 awaiting moderation, 1 spam skipped.');
    expect(out).toContain('/2015/01/01/removed.html (1 comment)');
    const byId = new Map(rows(databaseFile).map((row) => [row.id, row]));
    expect(byId.get('wl-65a1c0ffee0000000000a001')).toMatchObject({ authorName: '小明', website: 'http://ming.example.com/', postSlug: 'docker-and-hyper' });
    expect(byId.get('wl-65a1c0ffee0000000000a003')).toMatchObject({ authorName: '注册用户', status: 'pending' });
  });

  test('Valine: HTML made safe, reply kept; a rerun adds nothing', () => {
    const file = path.join(ROOT, 'test/fixtures/comments-import/valine-export.jsonl');
    expect(runImport(file, databaseFile, seedContent).out).toContain('Valine export: 2 comments imported (1 reply).');
    expect(runImport(file, databaseFile, seedContent).out).toContain('Valine export: 0 comments imported (0 replies), 2 already present.');
    const reply = rows(databaseFile).find((row) => row.id === 'vl-5e0f00000000000000000002');
    expect(reply?.parentId).toBe('vl-5e0f00000000000000000001');
    expect(reply?.bodyHtml).not.toContain('onerror');
  });
});

describe('files the command refuses, writing nothing', () => {
  test.each([
    ['unknown.json', '{"hello": "world"}', 'not a comments export this command knows'],
    ['broken.xml', '<?xml version="1.0"?>\n<disqus><thread dsq:id="1"></disqus>', 'not well-formed XML'],
  ])('%s', (name, content, message) => {
    const file = path.join(dir, name);
    writeFileSync(file, content);
    const databaseFile = path.join(dir, `refused-${name}.db`);
    const { code, out } = runImport(file, databaseFile);
    expect(code).toBe(1);
    expect(out).toContain(message);
    expect(out).not.toMatch(/\n\s+at /);
    // Refused before the database is even opened.
    expect(existsSync(databaseFile)).toBe(false);
  });
});
