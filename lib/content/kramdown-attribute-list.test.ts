import { describe, expect, test } from 'vitest';
import { mergeAttributeLists, parseAttributeList, resolveAttributes, toHastProperties } from './kramdown-attribute-list';

describe('kramdown attribute lists', () => {
  test('reads ids, classes, quoted values and references', () => {
    const list = parseAttributeList(' ref #main .a.b title="say \\"hi\\"" data-x=\'1\' ');
    expect([...list.attributes]).toEqual([
      ['id', 'main'],
      ['class', 'a b'],
      ['title', 'say "hi"'],
      ['data-x', '1'],
    ]);
    expect(list.refs).toEqual(['ref']);
  });

  test('ignores what is not an attribute, as kramdown does', () => {
    expect([...parseAttributeList('#1bad .ok key=unquoted').attributes]).toEqual([['class', 'ok']]);
    expect(parseAttributeList(':').attributes.size).toBe(0);
  });

  test('referenced definitions come first and the list itself wins', () => {
    const definitions = new Map([['note', parseAttributeList('.notice title="from ald"')]]);
    const attributes = resolveAttributes(parseAttributeList('note .extra title="own"'), definitions);
    expect([...attributes]).toEqual([
      ['class', 'notice extra'],
      ['title', 'own'],
    ]);
  });

  test('merging two lists accumulates classes', () => {
    const merged = mergeAttributeLists(parseAttributeList('#a .x'), parseAttributeList('.y'));
    expect(merged.attributes.get('class')).toBe('x y');
  });

  test('converts attribute names to hast property names', () => {
    expect(toHastProperties(new Map([['class', 'a b'], ['data-level', '2'], ['id', 'x']]))).toEqual({
      className: ['a', 'b'],
      dataLevel: '2',
      id: 'x',
    });
  });
});
