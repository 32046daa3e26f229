/** kramdown's list paragraphs and numbering, checked against Jekyll 4.3. */
import { describe, expect, test } from 'vitest';
import { renderForTest } from './render-for-tests';

const compact = (html: string) => html.replace(/\n/g, '');

describe('kramdown lists', () => {
  test('only an item followed by a blank line is a paragraph', async () => {
    expect(compact(await renderForTest('1. a\n\n2. b\n3. c\n'))).toBe('<ol><li><p>a</p></li><li>b</li><li>c</li></ol>');
  });

  test('the last item is a paragraph when all the others are', async () => {
    expect(compact(await renderForTest('- a\n\n- b\n\n- c\n'))).toBe('<ul><li><p>a</p></li><li><p>b</p></li><li><p>c</p></li></ul>');
    expect(compact(await renderForTest('* a\n\n  more\n* b\n'))).toBe('<ul><li><p>a</p><p>more</p></li><li><p>b</p></li></ul>');
  });

  test('an ordered list has no start number', async () => {
    expect(compact(await renderForTest('3. x\n4. y\n'))).toBe('<ol><li>x</li><li>y</li></ol>');
  });

  test('a tab-indented item nests', async () => {
    expect(compact(await renderForTest('* a\n\t* tab nested\n* b\n'))).toBe('<ul><li>a<ul><li>tab nested</li></ul></li><li>b</li></ul>');
  });
});
