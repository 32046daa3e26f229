/**
 * Emphasis as kramdown nests and closes it, against what Jekyll 4.3 printed.
 */
import { expect, test } from 'vitest';
import { htmlOf } from './test-html';

test('***x*** is strong around em; mixed delimiters keep their order', async () => {
  expect(await htmlOf('***both*** and ___both___ and _**mixed**_\n')).toBe(
    '<p><strong><em>both</em></strong> and <strong><em>both</em></strong> and <em><strong>mixed</strong></em></p>',
  );
});

test('bold and strikethrough next to Chinese punctuation', async () => {
  expect(await htmlOf('（括号），**加粗……**后面，**注意：**这里。~~删除线。~~后面\n')).toBe(
    '<p>（括号），<strong>加粗……</strong>后面，<strong>注意：</strong>这里。<del>删除线。</del>后面</p>',
  );
});

test('a single tilde is not strikethrough', async () => {
  expect(await htmlOf('~one~ and ~~two~~\n')).toBe('<p>~one~ and <del>two</del></p>');
});
