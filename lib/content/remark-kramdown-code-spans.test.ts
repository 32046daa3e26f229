/**
 * Code spans against what Jekyll 4.3 printed for the same markdown.
 */
import { expect, test } from 'vitest';
import { htmlOf } from './test-html';

const CODE = '<code class="language-plaintext highlighter-rouge">';

test('a lone backtick between spaces is text; single backticks keep inner spaces, double strip one', async () => {
  expect(await htmlOf('press ` and ` then `` a ` b `` and `` x `` and ` a ` tail and x` a `y\n')).toBe(
    `<p>press \` and \` then ${CODE}a \` b</code> and ${CODE}x</code> and \` a \` tail and x${CODE} a </code>y</p>`,
  );
});

test('double backticks strip one space even when only one side has it', async () => {
  expect(await htmlOf('``  two`` and `` `tick` ``\n')).toBe(`<p>${CODE} two</code> and ${CODE}\`tick\`</code></p>`);
});
