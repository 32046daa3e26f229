/** Explicit header ids, checked against Jekyll 4.3. */
import { describe, expect, test } from 'vitest';
import { renderForTest } from './render-for-tests';

describe('explicit header ids', () => {
  test('atx, atx with closing hashes, and setext headers take {#id}', async () => {
    expect(await renderForTest('## Install {#install}\n')).toBe('<h2 id="install">Install</h2>');
    expect(await renderForTest('## Config ## {#config}\n')).toBe('<h2 id="config">Config</h2>');
    expect(await renderForTest('Upgrade {#up}\n-------\n')).toBe('<h2 id="up">Upgrade</h2>');
  });

  test('an explicit id does not make the next generated one numbered', async () => {
    expect(await renderForTest('## Foo {#foo}\n\n## Foo\n')).toBe('<h2 id="foo">Foo</h2>\n<h2 id="foo">Foo</h2>');
  });

  test('an id that does not start with a letter is text', async () => {
    expect(await renderForTest('## Top {#1st}\n')).toBe('<h2 id="top-1st">Top {#1st}</h2>');
  });
});
