/**
 * What every benchmark receives as `ctx`: the server's baseURL plus small helpers for fetching,
 * measuring sizes, aggregating runs and building result rows with targets.
 */
import { gzipSync } from 'node:zlib';

/** gzip at zlib's default level 6, as `next start` serves it (its bundled `compression` keeps zlib defaults). */
export const GZIP_LEVEL = 6;

/** Bytes of data gzipped at GZIP_LEVEL; 0 for no data (nothing would be sent). */
export function gzipSize(data) {
  return data.length ? gzipSync(data, { level: GZIP_LEVEL }).length : 0;
}

/** Middle value (mean of the two middle ones for an even count). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The p-th percentile (0-100) by the nearest-rank method: the smallest value with p% of them at or below it. */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Targets: a label to print and a test for a value. */
export const atLeast = (min) => ({ label: `>= ${min}`, pass: (value) => value >= min });
export const atMost = (max) => ({ label: `<= ${max}`, pass: (value) => value <= max });
export const exactly = (expected) => ({ label: `= ${expected}`, pass: (value) => value === expected });

/** A result row; with a target it also says whether the value meets it. */
export function row(metric, value, unit, target) {
  return target ? { metric, value, unit, target: target.label, ok: target.pass(value) } : { metric, value, unit };
}

/**
 * Builds the ctx for one benchmark. Notes (ctx.note) are printed under its table and kept in the
 * JSON; ctx.details is free-form data kept only in the JSON; progress messages (ctx.log) only go
 * to stderr.
 */
export function createContext({ baseURL, name, resultsDir }) {
  const notes = [];
  const url = (pathOrUrl) => new URL(pathOrUrl, baseURL).href;
  async function fetchOk(pathOrUrl) {
    const response = await fetch(url(pathOrUrl));
    if (!response.ok) throw new Error(`GET ${url(pathOrUrl)} answered ${response.status}`);
    return response;
  }
  return {
    baseURL,
    /** Folder (git-ignored) for files a benchmark wants to keep, such as full reports. */
    resultsDir,
    url,
    /** Body as served, decoded (fetch undoes the transfer compression). */
    fetchBuffer: async (pathOrUrl) => Buffer.from(await (await fetchOk(pathOrUrl)).arrayBuffer()),
    fetchText: async (pathOrUrl) => (await fetchOk(pathOrUrl)).text(),
    gzipSize,
    median,
    percentile,
    row,
    atLeast,
    atMost,
    exactly,
    note: (text) => notes.push(text),
    log: (text) => process.stderr.write(`[${name}] ${text}\n`),
    notes,
    details: {},
  };
}
