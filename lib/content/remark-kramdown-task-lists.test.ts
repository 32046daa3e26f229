/**
 * Task lists against what Jekyll 4.3 (kramdown-parser-gfm 1.1) printed for the same markdown.
 */
import { expect, test } from 'vitest';
import { htmlOf, treesOf } from './test-html';

const box = '<input type="checkbox" class="task-list-item-checkbox" disabled="disabled"';

test('boxes replace the markers; every item from the first task on is a task-list-item', async () => {
  const [ours, kramdown] = await treesOf(
    '1. first\n2. [ ] second\n3. third\n4. [X] fourth\n',
    [
      '<ol class="task-list">',
      '<li>first</li>',
      `<li class="task-list-item">${box} />second</li>`,
      '<li class="task-list-item">third</li>',
      `<li class="task-list-item">${box} checked="checked" />fourth</li>`,
      '</ol>',
    ].join('\n'),
  );
  expect(ours).toBe(kramdown);
});

test('a marker needs text after it', async () => {
  expect(await htmlOf('- [x]\n- [ ]no space\n')).toBe('<ul>\n<li>[x]</li>\n<li>[ ]no space</li>\n</ul>');
});
