/**
 * Gloss status: which blocks of a post have a current English gloss, which have none and which
 * were translated from Chinese that has since changed. Checked on the seed post and its real
 * gloss file, then on small hand-made cases.
 */
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadPosts, type LoadedPost } from '../content/posts';
import type { PostBlock } from '../content/types';
import { glossPath, readGlossFile } from './files';
import { fingerprint } from './fingerprint';
import type { BlockGloss, GlossFile } from './schema';
import { glossReport, isComplete, needsGloss } from './status';

const root = path.resolve(import.meta.dirname, '../..');
const contentDir = path.join(root, 'content/posts');

describe('the seed post and its gloss file', () => {
  let seed: LoadedPost;
  let file: GlossFile;
  beforeAll(async () => {
    const posts = await loadPosts(contentDir, '');
    const found = posts.find((post) => post.slug === 'docker-and-hyper');
    if (!found) throw new Error('seed post docker-and-hyper not found');
    seed = found;
    file = await readGlossFile(glossPath(contentDir, seed.stem));
  });

  const block = (id: string): PostBlock => {
    const found = seed.blocks.find((each) => each.id === id);
    if (!found) throw new Error(`no block ${id} in the seed`);
    return found;
  };

  test('every block that needs a gloss has a current one with English in it', () => {
    const report = glossReport(seed.blocks, file);
    const needing = seed.blocks.filter(needsGloss).map((each) => each.id);
    expect(report.blocks.map((each) => each.id)).toEqual(needing);
    // The paragraphs, the figure caption and the Chinese heading are all translated.
    expect(needing).toEqual(expect.arrayContaining(['top-p1', 'docker-p1', 'hyper-fig1', 'hyper-p5', '结-h', '结-p1']));
    for (const state of report.blocks) {
      expect(state.state, state.id).toBe('current');
      if (state.state === 'current') expect(state.gloss.en.length, state.id).toBeGreaterThan(0);
    }
    expect(report.orphans).toEqual([]);
    expect(isComplete(report)).toBe(true);
  });

  test('blocks without Chinese need no gloss: the English quote and the English headings', () => {
    expect(block('hyper-q1').text).toMatch(/^HyperContainer is a Hypervisor-agnostic/);
    expect(needsGloss(block('hyper-q1'))).toBe(false);
    expect(needsGloss(block('docker-h'))).toBe(false);
    expect(needsGloss(block('hyper-h'))).toBe(false);
    expect(needsGloss(block('结-h'))).toBe(true);
    // And no entry in the file is spent on them.
    expect(file.blocks.map((gloss) => gloss.id)).not.toContain('hyper-q1');
  });

  test('code and math read the same in both languages, even with Chinese in them', () => {
    expect(needsGloss({ id: 'top-code1', kind: 'code', text: 'echo 你好' })).toBe(false);
    expect(needsGloss({ id: 'top-math1', kind: 'math', text: '速度 = d/t' })).toBe(false);
    expect(needsGloss({ id: 'top-ul1', kind: 'ul', text: '一 二 三' })).toBe(true);
  });

  test('a definition list with Chinese in it needs a gloss, like any list', () => {
    expect(needsGloss({ id: 'top-dl1', kind: 'dl', text: '人月 用人数乘以月数来衡量工作量的单位。' })).toBe(true);
    expect(needsGloss({ id: 'top-dl1', kind: 'dl', text: 'Runbook A page that says what to do.' })).toBe(false);
  });

  test('editing the Chinese of a translated paragraph makes its gloss stale, with the new text', () => {
    const edited = seed.blocks.map((each) => (each.id === '结-p1' ? { ...each, text: `${each.text}考完再说。` } : each));
    const report = glossReport(edited, file);
    const state = report.blocks.find((each) => each.id === '结-p1');
    expect(state).toMatchObject({ state: 'stale', zh: '哦，还有十几分钟就要考试了，愿原力与我同在。考完再说。' });
    if (state?.state === 'stale') expect(state.gloss.zh).toBe('哦，还有十几分钟就要考试了，愿原力与我同在。');
    expect(report.blocks.filter((each) => each.state !== 'current').map((each) => each.id)).toEqual(['结-p1']);
    expect(isComplete(report)).toBe(false);
  });
});

describe('glossReport', () => {
  const blocks: PostBlock[] = [
    { id: 'top-p1', kind: 'p', text: '今天天气很好。' },
    { id: 'top-p2', kind: 'p', text: '公园里的花都开了。' },
    { id: 'top-p3', kind: 'p', text: '回家的路上下起了小雨。' },
    { id: 'top-p4', kind: 'p', text: '晚上吃了面条。' },
    { id: 'top-q1', kind: 'q', text: 'An English quote.' },
  ];
  const gloss = (id: string, zh: string, en: string): BlockGloss => ({ id, source: fingerprint(zh), zh, en });
  const file: GlossFile = {
    blocks: [
      gloss('top-p1', '今天天气很好。', 'The weather is fine today.'),
      gloss('top-p2', '公园里的花还没有开。', "The flowers in the park haven't opened yet."),
      gloss('top-p3', '回家的路上下起了小雨。', ''),
      gloss('top-p9', '删掉的一段。', 'A paragraph since removed.'),
    ],
    phrases: [],
  };
  const report = glossReport(blocks, file);
  const stateOf = (id: string) => report.blocks.find((each) => each.id === id);

  test('a gloss whose fingerprint matches the Chinese is current', () => {
    expect(stateOf('top-p1')).toMatchObject({ state: 'current', gloss: { en: 'The weather is fine today.' } });
  });

  test('a gloss written for different Chinese is stale, and carries both the old and the new text', () => {
    expect(stateOf('top-p2')).toMatchObject({ state: 'stale', zh: '公园里的花都开了。', gloss: { zh: '公园里的花还没有开。' } });
  });

  test('an entry with empty English, or no entry at all, is missing', () => {
    expect(stateOf('top-p3')).toEqual({ id: 'top-p3', state: 'missing', zh: '回家的路上下起了小雨。' });
    expect(stateOf('top-p4')).toEqual({ id: 'top-p4', state: 'missing', zh: '晚上吃了面条。' });
  });

  test('blocks that need no gloss are not reported; entries for blocks that are gone are orphans', () => {
    expect(report.blocks.map((each) => each.id)).toEqual(['top-p1', 'top-p2', 'top-p3', 'top-p4']);
    expect(report.orphans.map((each) => each.id)).toEqual(['top-p9']);
    expect(isComplete(report)).toBe(false);
  });

  test('an entry for an existing block that needs no gloss is not an orphan', () => {
    const withQuote = glossReport(blocks, { blocks: [gloss('top-q1', 'An English quote.', 'An English quote.')], phrases: [] });
    expect(withQuote.orphans).toEqual([]);
  });
});

describe('fingerprint', () => {
  test('is 10 hex characters', () => {
    expect(fingerprint('今天天气很好。')).toMatch(/^[0-9a-f]{10}$/);
  });

  test('ignores differences of whitespace a reader does not see', () => {
    const base = fingerprint('今天 天气很好。 Docker 和 KVM');
    expect(fingerprint('  今天\n天气很好。\t\tDocker   和 KVM \n')).toBe(base);
    expect(fingerprint('今天\u3000天气很好。 Docker 和 KVM')).toBe(base);
  });

  test('ignores the Unicode normal form', () => {
    expect(fingerprint('cafe\u0301 很好')).toBe(fingerprint('caf\u00e9 很好'));
  });

  test('changes with the text: a character, punctuation, or a space that was not there', () => {
    const base = fingerprint('今天天气很好。');
    expect(fingerprint('今天天气不好。')).not.toBe(base);
    expect(fingerprint('今天天气很好！')).not.toBe(base);
    expect(fingerprint('今天天气很好')).not.toBe(base);
    expect(fingerprint('今天 天气很好。')).not.toBe(base);
  });
});
