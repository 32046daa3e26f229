/**
 * Output of a benchmark run: a plain-text table per benchmark (targets beside figures, misses
 * marked) and the JSON file with every result.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

function formatValue(value) {
  if (typeof value !== 'number') return String(value);
  return Number.isInteger(value) ? value.toLocaleString('en-US') : value.toLocaleString('en-US', { maximumFractionDigits: 3 });
}

function status(row) {
  if (row.ok === undefined) return '';
  return row.ok ? 'ok' : 'MISS';
}

/** The table for one benchmark's result, as lines of text. */
export function formatResult(result) {
  const lines = [`\n== ${result.name} (${(result.durationMs / 1000).toFixed(1)} s)`];
  if (result.error) {
    lines.push(`   ERROR: ${result.error}`);
    return lines.join('\n');
  }
  const header = { metric: 'metric', value: 'value', unit: 'unit', target: 'target', status: '' };
  const cells = [header, ...result.rows.map((row) => ({ metric: row.metric, value: formatValue(row.value), unit: row.unit ?? '', target: row.target ?? '', status: status(row) }))];
  const width = (key) => Math.max(...cells.map((cell) => cell[key].length));
  const widths = { metric: width('metric'), value: width('value'), unit: width('unit'), target: width('target') };
  for (const cell of cells) {
    lines.push(`   ${cell.metric.padEnd(widths.metric)}  ${cell.value.padStart(widths.value)} ${cell.unit.padEnd(widths.unit)}  ${cell.target.padEnd(widths.target)}  ${cell.status}`.trimEnd());
  }
  for (const note of result.notes) lines.push(`   ${note}`);
  return lines.join('\n');
}

export function formatSummary(results) {
  const rows = results.flatMap((result) => result.rows);
  const misses = rows.filter((row) => row.ok === false).length;
  const checked = rows.filter((row) => row.ok !== undefined).length;
  const errors = results.filter((result) => result.error).length;
  return `\n${results.length} benchmark(s), ${checked} figure(s) with a target, ${misses} miss(es)${errors ? `, ${errors} failed to run` : ''}.`;
}

export function writeJson(file, report) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}
