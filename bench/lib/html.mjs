/**
 * Just enough HTML reading for page-weight figures: the attributes of tags and the text of
 * elements, found with regular expressions (the pages are our own, well-formed output).
 */

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" };

function decode(value) {
  return value.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, name) => ENTITIES[name]);
}

/** Attributes of every opening <tagName ...> tag, as plain objects (boolean attributes map to ''). */
export function tags(html, tagName) {
  const found = [];
  for (const [, attributes] of html.matchAll(new RegExp(`<${tagName}\\b([^>]*)>`, 'gi'))) {
    const attrs = {};
    for (const [, key, doubleQuoted, singleQuoted, bare] of attributes.matchAll(/([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      attrs[key.toLowerCase()] = decode(doubleQuoted ?? singleQuoted ?? bare ?? '');
    }
    found.push(attrs);
  }
  return found;
}

/** Text content of every <tagName>…</tagName> element whose opening tag matches `where`. */
export function elementTexts(html, tagName, where = () => true) {
  const texts = [];
  for (const match of html.matchAll(new RegExp(`<${tagName}\\b([^>]*)>([\\s\\S]*?)</${tagName}>`, 'gi'))) {
    const [attrs] = tags(`<${tagName}${match[1]}>`, tagName);
    if (where(attrs)) texts.push(match[2]);
  }
  return texts;
}
