/**
 * Comparing a passage's stored surroundings (prefix and suffix) with the text around a place it
 * might now be. Contexts are compared as keys: normalised, without spaces and without block
 * boundaries, since a stored prefix may reach back into earlier blocks and spacing is no evidence
 * either way. Only the nearest `CONTEXT_COMPARED` characters on each side count.
 */
import { normalise } from './normalise';

export const CONTEXT_COMPARED = 64;

export type ExpectedContext = { prefix: string; suffix: string };

const isGap = (code: number) => code === 0x20 || code === 0x0a;

export function contextKey(text: string): string {
  return normalise(text).replace(/ /g, '');
}

/**
 * The key of the last `length` compared characters of `text`. Only a tail is normalised: a stored
 * prefix may be a whole long sentence. The tail grows until it holds enough (whitespace, such as
 * a code block's indentation, does not count).
 */
function keyOfTail(text: string, length: number): string {
  for (let taken = length * 2; ; taken *= 4) {
    const key = contextKey(text.slice(-taken));
    if (key.length >= length || taken >= text.length) return key.slice(-length);
  }
}

function keyOfHead(text: string, length: number): string {
  for (let taken = length * 2; ; taken *= 4) {
    const key = contextKey(text.slice(0, taken));
    if (key.length >= length || taken >= text.length) return key.slice(0, length);
  }
}

export function expectedContext(prefix: string, suffix: string): ExpectedContext {
  return { prefix: keyOfTail(prefix, CONTEXT_COMPARED), suffix: keyOfHead(suffix, CONTEXT_COMPARED) };
}

/** How many characters of the end of `expected` stand right before `at` in `text`. */
export function agreementBefore(text: string, at: number, expected: string): number {
  let matched = 0;
  for (let index = at - 1, wanted = expected.length - 1; index >= 0 && wanted >= 0; index -= 1) {
    const code = text.charCodeAt(index);
    if (isGap(code)) continue;
    if (code !== expected.charCodeAt(wanted)) break;
    matched += 1;
    wanted -= 1;
  }
  return matched;
}

/** How many characters of the start of `expected` stand right after `at` in `text`. */
export function agreementAfter(text: string, at: number, expected: string): number {
  let matched = 0;
  for (let index = at, wanted = 0; index < text.length && wanted < expected.length; index += 1) {
    const code = text.charCodeAt(index);
    if (isGap(code)) continue;
    if (code !== expected.charCodeAt(wanted)) break;
    matched += 1;
    wanted += 1;
  }
  return matched;
}

/** Up to `length` key characters of `text` ending at `at`. */
export function keyBefore(text: string, at: number, length: number): string {
  const codes: number[] = [];
  for (let index = at - 1; index >= 0 && codes.length < length; index -= 1) {
    const code = text.charCodeAt(index);
    if (!isGap(code)) codes.push(code);
  }
  return String.fromCharCode(...codes.reverse());
}

/** Up to `length` key characters of `text` starting at `at`. */
export function keyAfter(text: string, at: number, length: number): string {
  const codes: number[] = [];
  for (let index = at; index < text.length && codes.length < length; index += 1) {
    const code = text.charCodeAt(index);
    if (!isGap(code)) codes.push(code);
  }
  return String.fromCharCode(...codes);
}

/**
 * The share (0..1) of one side's expected context that a place agrees with, given the number of
 * characters that agree. No expectation (the layer's edge, or a client that stored none) tells
 * places apart by nothing: a neutral half everywhere.
 */
export function sideAgreement(expected: string, agreeing: number): number {
  return expected.length === 0 ? 0.5 : agreeing / expected.length;
}

/** 1 minus the edit distance of `a` and `b` over the longer length; 1 for two empty strings. */
export function similarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  return 1 - editDistance(a, b) / longer;
}

function editDistance(a: string, b: string): number {
  let previous = new Uint32Array(b.length + 1).map((_, index) => index);
  let current = new Uint32Array(b.length + 1);
  for (let row = 1; row <= a.length; row += 1) {
    current[0] = row;
    const code = a.charCodeAt(row - 1);
    for (let column = 1; column <= b.length; column += 1) {
      const substitution = (previous[column - 1] ?? 0) + (code === b.charCodeAt(column - 1) ? 0 : 1);
      current[column] = Math.min(substitution, (previous[column] ?? 0) + 1, (current[column - 1] ?? 0) + 1);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length] ?? 0;
}
