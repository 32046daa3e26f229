/**
 * Describing a reader's selection for storage: its position, its words and enough of their
 * surroundings to find them again after the post changes. Each side gets at least
 * `MIN_CONTEXT` visible characters, or the rest of the sentence when that is longer (up to
 * `MAX_CONTEXT`); near a block's edge the context continues into the neighbouring blocks of the
 * same layer, joined by `\n`, and stops at the layer's start or end.
 */
import type { Anchor, Layer, LayerDocument } from './types';

export const MIN_CONTEXT = 32;
export const MAX_CONTEXT = 200;

const WHITESPACE = /\s/u;
const TERMINATORS = new Set(['。', '！', '？', '!', '?', '…', '．']);
const CLOSERS = new Set(['”', '’', '"', "'", '）', ')', '」', '』', '】', '》']);
const HAN = /\p{scx=Han}/u;

const isWhitespace = (char: string | undefined) => char !== undefined && WHITESPACE.test(char);

/** Whether the character at `index` ends a sentence (a full stop only before a space or the end). */
function endsSentence(text: string, index: number): boolean {
  const char = text[index];
  if (char === undefined) return false;
  if (TERMINATORS.has(char)) return true;
  const next = text[index + 1];
  return char === '.' && (next === undefined || isWhitespace(next) || HAN.test(next));
}

/** Where the sentence holding `at` starts (never before the block's start). */
function sentenceStart(text: string, at: number): number {
  for (let index = at - 1; index >= 0; index -= 1) {
    if (!endsSentence(text, index)) continue;
    let start = index + 1;
    while (start < at && (CLOSERS.has(text[start] ?? '') || isWhitespace(text[start]))) start += 1;
    return start;
  }
  return 0;
}

/** Where the sentence holding `at` ends, its terminator and closing quotes included. */
function sentenceEnd(text: string, at: number): number {
  if (at > 0 && endsSentence(text, at - 1)) return at;
  for (let index = at; index < text.length; index += 1) {
    if (!endsSentence(text, index)) continue;
    let end = index + 1;
    while (end < text.length && CLOSERS.has(text[end] ?? '')) end += 1;
    return end;
  }
  return text.length;
}

const isHighSurrogate = (text: string, index: number) => /[\uD800-\uDBFF]/.test(text[index] ?? '');
const isLowSurrogate = (text: string, index: number) => /[\uDC00-\uDFFF]/.test(text[index] ?? '');

/** Moves a cut that would split a surrogate pair to before the pair. */
function cutBefore(text: string, at: number): number {
  return at > 0 && isLowSurrogate(text, at) && isHighSurrogate(text, at - 1) ? at - 1 : at;
}

/** Moves a cut that would split a surrogate pair to after the pair. */
function cutAfter(text: string, at: number): number {
  return at < text.length && isLowSurrogate(text, at) && isHighSurrogate(text, at - 1) ? at + 1 : at;
}

/** The start of the shortest slice ending at `at` with `count` visible characters (or 0). */
function backOver(text: string, at: number, count: number): number {
  let index = at;
  for (let seen = 0; index > 0 && seen < count; index -= 1) if (!isWhitespace(text[index - 1])) seen += 1;
  return cutBefore(text, index);
}

/** The end of the shortest slice starting at `at` with `count` visible characters (or the end). */
function forwardOver(text: string, at: number, count: number): number {
  let index = at;
  for (let seen = 0; index < text.length && seen < count; index += 1) if (!isWhitespace(text[index])) seen += 1;
  return cutAfter(text, index);
}

const visibleLength = (text: string) => text.replace(/\s+/gu, '').length;

function prefixOf(texts: readonly string[], position: number, at: number): string {
  const text = texts[position] ?? '';
  const sentence = sentenceStart(text, at);
  if (visibleLength(text.slice(sentence, at)) > MIN_CONTEXT) return text.slice(cutBefore(text, Math.max(sentence, at - MAX_CONTEXT)), at);
  let prefix = text.slice(backOver(text, at, MIN_CONTEXT), at);
  for (let earlier = position - 1; earlier >= 0 && visibleLength(prefix) < MIN_CONTEXT; earlier -= 1) {
    const before = texts[earlier] ?? '';
    prefix = `${before.slice(backOver(before, before.length, MIN_CONTEXT - visibleLength(prefix)))}\n${prefix}`;
  }
  return prefix;
}

function suffixOf(texts: readonly string[], position: number, at: number): string {
  const text = texts[position] ?? '';
  const sentence = sentenceEnd(text, at);
  if (visibleLength(text.slice(at, sentence)) > MIN_CONTEXT) return text.slice(at, cutAfter(text, Math.min(sentence, at + MAX_CONTEXT)));
  let suffix = text.slice(at, forwardOver(text, at, MIN_CONTEXT));
  for (let later = position + 1; later < texts.length && visibleLength(suffix) < MIN_CONTEXT; later += 1) {
    const after = texts[later] ?? '';
    suffix = `${suffix}\n${after.slice(0, forwardOver(after, 0, MIN_CONTEXT - visibleLength(suffix)))}`;
  }
  return suffix;
}

/**
 * The anchor of the selection `[start, end)` of block `blockId` in `layer`, with whitespace at
 * either end of the selection left out. Null when the block is not in `doc` or the span is not
 * a non-empty span of its text.
 */
export function describe(doc: LayerDocument, blockId: string, layer: Layer, start: number, end: number): Anchor | null {
  const texts = doc.filter((block) => block.layer === layer);
  const position = texts.findIndex((block) => block.id === blockId);
  const text = texts[position]?.text;
  if (text === undefined || !Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length) return null;
  let from = cutBefore(text, start);
  let to = cutAfter(text, end);
  while (from < to && isWhitespace(text[from])) from += 1;
  while (to > from && isWhitespace(text[to - 1])) to -= 1;
  if (from >= to) return null;
  const layerTexts = texts.map((block) => block.text);
  return {
    blockId,
    layer,
    start: from,
    end: to,
    exact: text.slice(from, to),
    prefix: prefixOf(layerTexts, position, from),
    suffix: suffixOf(layerTexts, position, to),
  };
}
