/**
 * Gloss files as an author handles them: `gloss:scaffold` writes and extends them without losing
 * what was written by hand, and a malformed file fails naming the file and the field.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadPosts } from '../content/posts';
import { glossPath, readGlossFile, scaffoldGlossFile } from './files';
import { fingerprint } from './fingerprint';
import { glossReport } from './status';

const root = path.resolve(import.meta.dirname, '../..');
const FIXTURE_STEM = '2020-02-01-gloss-fixture';
const SEED_STEM = '2016-05-20-docker-and-hyper';

const temporary: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'duizhao-gloss-'));
  temporary.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

async function blocksOf(dir: string, stem: string) {
  const post = (await loadPosts(dir, '')).find((each) => each.stem === stem);
  if (!post) throw new Error(`${stem} not found in ${dir}`);
  return post.blocks;
}

describe('scaffoldGlossFile', () => {
  test('writes a new gloss file: the header, then one untranslated entry per block, in reading order', async () => {
    const dir = tempDir();
    copyFileSync(path.join(root, 'test/fixtures/gloss', `${FIXTURE_STEM}.md`), path.join(dir, `${FIXTURE_STEM}.md`));
    const file = glossPath(dir, FIXTURE_STEM);
    expect(file).toBe(path.join(dir, `${FIXTURE_STEM}.gloss.yaml`));

    const blocks = await blocksOf(dir, FIXTURE_STEM);
    expect(await scaffoldGlossFile(file, blocks)).toEqual(['top-p1', 'top-p2', 'top-p3']);

    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('# English gloss of this post, one entry per block, in reading order.\n')).toBe(true);
    expect(text).toContain('#   source: fingerprint of the Chinese it translates');
    const written = await readGlossFile(file);
    expect(written.blocks).toEqual(
      ['今天天气很好，我们去公园散步。', '公园里的花都开了，红的黄的都有。', '回家的路上下起了小雨。'].map((zh, index) => ({
        id: `top-p${index + 1}`,
        source: fingerprint(zh),
        zh,
        en: '',
      })),
    );
    expect(written.phrases).toEqual([]);
    // Until someone translates them, gloss:check still counts them as missing.
    expect(glossReport(blocks, written).blocks.map((each) => each.state)).toEqual(['missing', 'missing', 'missing']);

    // A second run has nothing to add and leaves the file exactly as it was.
    expect(await scaffoldGlossFile(file, blocks)).toEqual([]);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  test('keeps a translator’s English and comments when the post gains a paragraph', async () => {
    const dir = tempDir();
    const post = path.join(dir, `${FIXTURE_STEM}.md`);
    copyFileSync(path.join(root, 'test/fixtures/gloss', `${FIXTURE_STEM}.md`), post);
    const file = glossPath(dir, FIXTURE_STEM);
    await scaffoldGlossFile(file, await blocksOf(dir, FIXTURE_STEM));

    // The translator fills in the first paragraph and leaves a note on the second.
    const edited = readFileSync(file, 'utf8')
      .replace('en: ""', 'en: The weather is lovely today; let’s go for a walk in the park.')
      .replace('  - id: top-p2', '  # Ann: ask the author which flowers\n  - id: top-p2');
    expect(edited).not.toBe(readFileSync(file, 'utf8'));
    writeFileSync(file, edited);

    writeFileSync(post, `${readFileSync(post, 'utf8')}\n晚上吃了一碗面条。\n`);
    const blocks = await blocksOf(dir, FIXTURE_STEM);
    expect(await scaffoldGlossFile(file, blocks)).toEqual(['top-p4']);

    const text = readFileSync(file, 'utf8');
    expect(text).toContain('en: The weather is lovely today; let’s go for a walk in the park.');
    expect(text).toContain('  # Ann: ask the author which flowers\n  - id: top-p2');
    const written = await readGlossFile(file);
    expect(written.blocks.map((each) => each.id)).toEqual(['top-p1', 'top-p2', 'top-p3', 'top-p4']);
    expect(written.blocks[3]).toEqual({ id: 'top-p4', source: fingerprint('晚上吃了一碗面条。'), zh: '晚上吃了一碗面条。', en: '' });
    expect(glossReport(blocks, written).blocks.map((each) => each.state)).toEqual(['current', 'missing', 'missing', 'missing']);
  });

  test('inserts an entry for a new paragraph between the entries of the blocks around it', async () => {
    const dir = tempDir();
    for (const ext of ['.md', '.gloss.yaml']) copyFileSync(path.join(root, 'content/posts', `${SEED_STEM}${ext}`), path.join(dir, `${SEED_STEM}${ext}`));
    const post = path.join(dir, `${SEED_STEM}.md`);
    const file = glossPath(dir, SEED_STEM);
    const before = readFileSync(file, 'utf8');

    // A second paragraph at the end of the opening section, just before `## Docker`.
    const source = readFileSync(post, 'utf8');
    expect(source).toContain('\n\n## Docker\n');
    writeFileSync(post, source.replace('\n\n## Docker\n', '\n\n考完再写下一篇。\n\n## Docker\n'));

    expect(await scaffoldGlossFile(file, await blocksOf(dir, SEED_STEM))).toEqual(['top-p2']);
    const text = readFileSync(file, 'utf8');
    const written = await readGlossFile(file);
    expect(written.blocks.map((each) => each.id).slice(0, 3)).toEqual(['top-p1', 'top-p2', 'docker-p1']);
    expect(written.blocks[1]).toEqual({ id: 'top-p2', source: fingerprint('考完再写下一篇。'), zh: '考完再写下一篇。', en: '' });
    // Everything else is exactly as the author wrote it: header, folded English, phrases.
    const entry = ['  - id: top-p2', `    source: ${fingerprint('考完再写下一篇。')}`, '    zh: 考完再写下一篇。', '    en: ""', ''].join('\n');
    expect(text).toBe(before.replace('  - id: docker-p1\n', `${entry}  - id: docker-p1\n`));
  });

  test('`gloss:scaffold` with a slug that is not a post fails with usage and the list of posts', () => {
    const dir = tempDir();
    copyFileSync(path.join(root, 'test/fixtures/gloss', `${FIXTURE_STEM}.md`), path.join(dir, `${FIXTURE_STEM}.md`));
    const run = spawnSync('npx', ['tsx', 'scripts/gloss-scaffold.ts', 'nope', '--content', dir], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Usage: npm run gloss:scaffold -- <slug>');
    expect(run.stderr).toContain('gloss-fixture');
    expect(existsSync(glossPath(dir, FIXTURE_STEM))).toBe(false);
  }, 60_000);
});

describe('readGlossFile', () => {
  test('a post without a gloss file has no glosses', async () => {
    expect(await readGlossFile(path.join(tempDir(), 'nothing.gloss.yaml'))).toEqual({ blocks: [], phrases: [] });
  });

  test('invalid YAML fails naming the file', async () => {
    const file = path.join(tempDir(), '2020-02-01-broken.gloss.yaml');
    writeFileSync(file, 'blocks:\n  - id: top-p1\n    zh: "unterminated\n');
    await expect(readGlossFile(file)).rejects.toThrow(/2020-02-01-broken\.gloss\.yaml is not valid YAML/);
  });

  test('an entry whose source is not a fingerprint fails naming the file, the entry and the field', async () => {
    const file = path.join(tempDir(), '2020-02-01-bad-source.gloss.yaml');
    writeFileSync(file, ['blocks:', '  - id: top-p1', `    source: ${fingerprint('你好')}`, '    zh: 你好', '    en: Hello', '  - id: top-p2', '    source: abc123', '    zh: 再见', '    en: Bye', ''].join('\n'));
    const error = await readGlossFile(file).then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toContain('2020-02-01-bad-source.gloss.yaml');
    expect(message).toContain('blocks.1.source');
    expect(message).toContain('must be the 10-character fingerprint');
    expect(message).not.toContain('blocks.0');
  });

  // About 1 fingerprint in 60 is all digits (or digits, e, digits). gloss:check prints it bare and
  // the header tells the author to paste it into `source`; YAML then reads a number, not the
  // fingerprint, and the whole file is refused.
  const digitText = '今天天气很好，第31次去公园散步。';
  const digitSource = '1250606471';

  test('gloss:scaffold quotes a fingerprint that YAML would read as a number', async () => {
    expect(fingerprint(digitText)).toBe(digitSource);
    const file = path.join(tempDir(), '2020-02-01-digits.gloss.yaml');
    await scaffoldGlossFile(file, [{ id: 'top-p1', kind: 'p', text: digitText }]);
    expect(readFileSync(file, 'utf8')).toContain(`source: "${digitSource}"`);
    expect((await readGlossFile(file)).blocks[0]?.source).toBe(digitSource);
  });

  // An author pastes the fingerprint unquoted, as gloss:check prints it; read with YAML's core
  // schema it would be a number and the whole file refused. The failsafe schema keeps it text.
  test('a hand-pasted all-digit fingerprint is read as the fingerprint', async () => {
    const file = path.join(tempDir(), '2020-02-01-digits-by-hand.gloss.yaml');
    writeFileSync(file, `blocks:\n  - id: top-p1\n    source: ${digitSource}\n    zh: ${digitText}\n    en: The weather is fine; my 31st walk in the park.\n`);
    const read = await readGlossFile(file);
    expect(glossReport([{ id: 'top-p1', kind: 'p', text: digitText }], read).blocks[0]?.state).toBe('current');
  });

  test('a phrase without English fails naming the field', async () => {
    const file = path.join(tempDir(), '2020-02-01-bad-phrase.gloss.yaml');
    writeFileSync(file, 'phrases:\n  - zh: 作死\n    pinyin: zuò sǐ\n');
    await expect(readGlossFile(file)).rejects.toThrow(/2020-02-01-bad-phrase\.gloss\.yaml[\s\S]*phrases\.0\.en/);
  });

  test('an entry with no English yet reads as empty English', async () => {
    const file = path.join(tempDir(), '2020-02-01-empty.gloss.yaml');
    writeFileSync(file, `blocks:\n  - id: top-p1\n    source: ${fingerprint('你好')}\n    zh: 你好\n    en:\n`);
    expect((await readGlossFile(file)).blocks).toEqual([{ id: 'top-p1', source: fingerprint('你好'), zh: '你好', en: '' }]);
  });
});
