/**
 * Guillemets written around a word, against what Jekyll 4.3 printed for the same markdown.
 */
import { expect, test } from 'vitest';
import { htmlOf } from './test-html';

test('<<word>> is «word», not a tag; real tags stay tags', async () => {
  expect(await htmlOf('<<merci>> and << a >> and a <b>bold</b> tag.\n')).toBe(
    '<p>\u00abmerci\u00bb and \u00ab\u00a0a\u00a0\u00bb and a <b>bold</b> tag.</p>',
  );
});
