/**
 * What the reading page gets from a post's gloss file (getPostGloss), loaded the way the page
 * loads it: the English of each translated block, marked stale when the author changed the
 * Chinese after it was translated, and nothing for a block not translated yet.
 */
import { afterAll, describe, expect, test, vi } from 'vitest';
import { getPost } from '../content/posts';
import { fingerprint } from './fingerprint';
import { getPostGloss } from './post-gloss';

// The page reads posts and glosses from env.contentDir, which lib/env.ts fixes when first
// imported; vi.hoisted runs before the imports above. The fixture (test/fixtures/gloss) has
// top-p1 current, top-p2 translated when it read 公园里的花还没有开。, and top-p3 untranslated.
vi.hoisted(() => vi.stubEnv('CONTENT_DIR', `${import.meta.dirname}/../../test/fixtures/gloss`));
afterAll(() => vi.unstubAllEnvs());

async function fixtureGloss() {
  const post = await getPost('gloss-fixture');
  if (!post) throw new Error('fixture post gloss-fixture not found');
  return { post, gloss: await getPostGloss(post) };
}

describe('getPostGloss', () => {
  test('a block whose Chinese changed since it was translated keeps its English, marked stale', async () => {
    const { post, gloss } = await fixtureGloss();
    // The premise: the post now says something else than the Chinese the gloss was written for.
    const now = post.blocks.find((block) => block.id === 'top-p2')?.text;
    expect(now).toBe('公园里的花都开了，红的黄的都有。');
    expect(fingerprint(now ?? '')).not.toBe('3287f89c74');

    expect(gloss.blocks.get('top-p2')).toEqual({ html: 'The flowers in the park haven\'t opened yet.', stale: true });
  });

  test('a block translated from its present Chinese is not stale', async () => {
    const { gloss } = await fixtureGloss();
    expect(gloss.blocks.get('top-p1')).toEqual({ html: 'The weather is lovely today; let\'s go for a walk in the park.', stale: false });
  });

  test('a block with no English yet gets none (the page shows no toggle for it)', async () => {
    const { gloss } = await fixtureGloss();
    expect(gloss.blocks.has('top-p3')).toBe(false);
    expect([...gloss.blocks.keys()]).toEqual(['top-p1', 'top-p2']);
  });
});
