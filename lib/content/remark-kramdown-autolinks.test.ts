/**
 * Autolinks against what Jekyll 4.3 printed (kramdown encodes mail addresses as entities, which
 * a browser reads as the same characters).
 */
import { expect, test } from 'vitest';
import { htmlOf } from './test-html';

test('a mailto: autolink shows the address without the scheme', async () => {
  expect(await htmlOf('<mailto:x@y.z> and <mail@example.com>\n')).toBe(
    '<p><a href="mailto:x@y.z">x@y.z</a> and <a href="mailto:mail@example.com">mail@example.com</a></p>',
  );
});
