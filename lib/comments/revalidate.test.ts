import { expect, test } from 'vitest';
import { postPagePaths } from './revalidate';

test('a post is revalidated at its page and every reading-mode page, in both languages', () => {
  const paths = postPagePaths('docker-and-hyper');
  expect(paths).toHaveLength(14);
  expect(paths).toEqual(
    expect.arrayContaining([
      '/zh/posts/docker-and-hyper',
      '/en/posts/docker-and-hyper',
      '/zh/posts/docker-and-hyper/off',
      '/en/posts/docker-and-hyper/inline',
      '/en/posts/docker-and-hyper/parallel-pinyin',
      '/zh/posts/docker-and-hyper/off-pinyin',
    ]),
  );
});
