/**
 * kramdown's attribute lists, the text between `{:` and `}` of an IAL or ALD: `#id`, `.class`,
 * `key="value"` and references to named ALDs. Parsed the way kramdown does it: items must be
 * separated by whitespace, unknown items are ignored, classes accumulate, later keys win.
 */

import { find, html } from 'property-information';

export type AttributeList = {
  /** Attributes in the order kramdown sets them; `class` accumulates with spaces. */
  attributes: Map<string, string>;
  /** Names of ALDs whose attributes come first. */
  refs: string[];
};

const NAME = String.raw`\w[\w-]*`;
const KEY_VALUE = String.raw`(${NAME})=("|')((?:\\\}|\\\2|[^}])*?)\2`;
const ID = String.raw`#([A-Za-z][\w:-]*)`;
const CLASS = String.raw`\.([^\s.#]+)`;
const ITEM = new RegExp(String.raw`(?:^|\s)(?:${KEY_VALUE}|(${NAME})|((?:${ID}|${CLASS})+))(?=\s|$)`, 'g');
const ID_OR_CLASS = new RegExp(`${ID}|${CLASS}`, 'g');

export function emptyAttributeList(): AttributeList {
  return { attributes: new Map(), refs: [] };
}

function addClass(attributes: Map<string, string>, name: string): void {
  attributes.set('class', `${attributes.get('class') ?? ''} ${name}`.trimStart());
}

/** Adds what `text` defines to `into` (kramdown's `parse_attribute_list`). */
export function parseAttributeList(text: string, into: AttributeList = emptyAttributeList()): AttributeList {
  if (text.trim() === '' || text.trim() === ':') return into;
  for (const match of text.matchAll(ITEM)) {
    const [, key, quote, value, ref, idsAndClasses] = match;
    if (ref !== undefined) {
      into.refs.push(ref);
    } else if (idsAndClasses !== undefined) {
      for (const [, id, className] of idsAndClasses.matchAll(ID_OR_CLASS)) {
        if (className !== undefined) addClass(into.attributes, className);
        else if (id !== undefined) into.attributes.set('id', id);
      }
    } else if (key !== undefined && quote !== undefined && value !== undefined) {
      into.attributes.set(key, value.replace(new RegExp(String.raw`\\(\}|${quote})`, 'g'), '$1'));
    }
  }
  return into;
}

/** Merges `list` into `into` as one more IAL on the same element (kramdown's `update_ial_with_ial`). */
export function mergeAttributeLists(into: AttributeList, list: AttributeList): AttributeList {
  into.refs.push(...list.refs);
  for (const [key, value] of list.attributes) {
    if (key === 'class') addClass(into.attributes, value);
    else into.attributes.set(key, value);
  }
  return into;
}

/**
 * The attributes an element ends up with: referenced ALDs first (recursively), then the list's
 * own keys (kramdown's `update_attr_with_ial`).
 */
export function resolveAttributes(
  list: AttributeList,
  definitions: ReadonlyMap<string, AttributeList>,
  into: Map<string, string> = new Map(),
  seen: Set<string> = new Set(),
): Map<string, string> {
  for (const ref of list.refs) {
    const definition = definitions.get(ref);
    if (!definition || seen.has(ref)) continue;
    resolveAttributes(definition, definitions, into, new Set([...seen, ref]));
  }
  for (const [key, value] of list.attributes) {
    if (key === 'class') addClass(into, value);
    else into.set(key, value);
  }
  return into;
}

/** Attributes as hast properties (`class` → `className`, `data-x` → `dataX`), for `data.hProperties`. */
export function toHastProperties(attributes: ReadonlyMap<string, string>): Record<string, string | string[]> {
  const properties: Record<string, string | string[]> = {};
  for (const [name, value] of attributes) {
    const { property } = find(html, name);
    properties[property] = property === 'className' ? value.split(/\s+/).filter(Boolean) : value;
  }
  return properties;
}
