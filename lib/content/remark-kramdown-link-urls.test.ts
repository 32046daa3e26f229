/**
 * Link and image addresses against what Jekyll 4.3 printed for the same markdown.
 */
import { expect, test } from 'vitest';
import { treesOf } from './test-html';

test('addresses are kept as written, CJK fragments and spaces included', async () => {
  const [ours, kramdown] = await treesOf(
    '[回到开头](#为什么因为兼容) ![图](</img/my file.png> "t") [ref] and [Ref]\n\n[ref]: /路径?q=中文 "T"\n',
    '<p><a href="#为什么因为兼容">回到开头</a> <img src="/img/my file.png" alt="图" title="t" /> ' +
      '<a href="/路径?q=中文" title="T">ref</a> and <a href="/路径?q=中文" title="T">Ref</a></p>',
  );
  expect(ours).toBe(kramdown);
});

test('a definition’s title in parentheses is part of its address', async () => {
  const [ours, kramdown] = await treesOf(
    'See [x][rouge].\n\n[rouge]: https://rouge.jneen.net (Rouge)\n',
    '<p>See <a href="https://rouge.jneen.net (Rouge)">x</a>.</p>',
  );
  expect(ours).toBe(kramdown);
});
