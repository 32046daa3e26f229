/**
 * kramdown's abbreviations: a paragraph made only of `*[CSS]: Cascading Style Sheets` lines
 * defines them (anywhere in the post, later definitions win) and is removed; every occurrence of
 * the abbreviation in the text, not touching an ASCII letter, digit or underscore on either side
 * (Ruby's `\w`, so `CI` in `中CI写` counts and `CI` in `CIA` does not), becomes
 * `<abbr title="…">`. An IAL on the definition's line adds attributes to its `abbr` elements.
 */
import type { Parent, PhrasingContent, Root, Text } from 'mdast';
import type { Properties } from 'hast';
import type { VFile } from 'vfile';
import { visit, SKIP } from 'unist-util-visit';

export interface KramdownAbbreviation extends Parent {
  type: 'kramdownAbbreviation';
  children: PhrasingContent[];
}

declare module 'mdast' {
  interface PhrasingContentMap {
    kramdownAbbreviation: KramdownAbbreviation;
  }
  interface RootContentMap {
    kramdownAbbreviation: KramdownAbbreviation;
  }
}

const DEFINITION = /^ {0,3}\*\[(.+?)\]:(.*)$/;

type Abbreviation = { title: string; properties: Properties };

function collectDefinitions(tree: Root, source: string): Map<string, Abbreviation> {
  const abbreviations = new Map<string, Abbreviation>();
  visit(tree, 'paragraph', (paragraph, index, parent) => {
    const start = paragraph.position?.start.offset;
    const end = paragraph.position?.end.offset;
    if (start === undefined || end === undefined || !parent || index === undefined) return undefined;
    const lines = source.slice(start, end).split(/\r?\n/).map((line) => DEFINITION.exec(line));
    if (lines.some((match) => match === null)) return undefined;
    lines.forEach((match, at) => {
      if (!match?.[1]) return;
      // An IAL after the definitions belongs to the last one, as kramdown attaches it.
      const properties = at === lines.length - 1 ? { ...paragraph.data?.hProperties } : {};
      abbreviations.set(match[1], { title: (match[2] ?? '').trim(), properties });
    });
    parent.children.splice(index, 1);
    return [SKIP, index];
  });
  return abbreviations;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function split(text: Text, pattern: RegExp, abbreviations: ReadonlyMap<string, Abbreviation>): PhrasingContent[] {
  const parts: PhrasingContent[] = [];
  let last = 0;
  for (const match of text.value.matchAll(pattern)) {
    const found = match[0];
    const abbreviation = abbreviations.get(found);
    if (!abbreviation) continue;
    if (match.index > last) parts.push({ type: 'text', value: text.value.slice(last, match.index) });
    const properties: Properties = { ...abbreviation.properties };
    if (abbreviation.title !== '') properties.title = abbreviation.title;
    parts.push({ type: 'kramdownAbbreviation', children: [{ type: 'text', value: found }], data: { hName: 'abbr', hProperties: properties } });
    last = match.index + found.length;
  }
  if (parts.length === 0) return [text];
  if (last < text.value.length) parts.push({ type: 'text', value: text.value.slice(last) });
  return parts;
}

export function remarkKramdownAbbreviations() {
  return (tree: Root, file: VFile) => {
    const abbreviations = collectDefinitions(tree, String(file.value));
    if (abbreviations.size === 0) return;
    const names = [...abbreviations.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
    const pattern = new RegExp(`(?<![A-Za-z0-9_])(?:${names.join('|')})(?![A-Za-z0-9_])`, 'g');
    visit(tree, 'text', (text, index, parent) => {
      if (!parent || index === undefined || parent.type === 'kramdownAbbreviation') return undefined;
      const parts = split(text, pattern, abbreviations);
      if (parts.length === 1) return undefined;
      (parent.children as PhrasingContent[]).splice(index, 1, ...parts);
      return [SKIP, index + parts.length];
    });
  };
}
