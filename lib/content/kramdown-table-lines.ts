/**
 * kramdown's table grammar on plain lines (no markdown parsing): which lines belong to a table,
 * how a row splits into cells (pipes inside code spans or escaped do not split), and how rows,
 * separator lines and the footer line group into thead, tbody parts and tfoot. The rules are
 * kramdown's `parse_table`, restated; a `null` result means kramdown would not make a table.
 */

export type Alignment = 'left' | 'center' | 'right' | null;
export type TableSection = { kind: 'thead' | 'tbody' | 'tfoot'; rows: string[][] };
export type TableLayout = { sections: TableSection[]; alignments: Alignment[]; columns: number };

const SEPARATOR = /^([+|: \t-]*?-[+|: \t-]*?)[ \t]*$/;
const FOOTER_SEPARATOR = /^[+|: \t=]*?=[+|: \t=]*?[ \t]*$/;
const ALIGNMENT = /[ \t]?(:?)-+(:?)[ \t]?/g;

/** Splits a line at pipes that are neither escaped nor inside a code span; `\|` becomes `|`. */
export function splitCells(line: string): string[] {
  const cells: string[] = [''];
  let index = 0;
  while (index < line.length) {
    const char = line[index] ?? '';
    if (char === '\\' && line[index + 1] === '|') {
      cells[cells.length - 1] += '|';
      index += 2;
    } else if (char === '\\') {
      cells[cells.length - 1] += line.slice(index, index + 2);
      index += 2;
    } else if (char === '`') {
      const fence = /^`+/.exec(line.slice(index))?.[0] ?? '`';
      const close = line.indexOf(fence, index + fence.length);
      const end = close < 0 ? index + fence.length : close + fence.length;
      cells[cells.length - 1] += line.slice(index, end);
      index = end;
    } else if (char === '|') {
      cells.push('');
      index += 1;
    } else {
      cells[cells.length - 1] += char;
      index += 1;
    }
  }
  return cells;
}

/** Does the line have a pipe that splits cells (kramdown's TABLE_PIPE_CHECK, code spans aside)? */
export function isTableLine(line: string): boolean {
  return splitCells(line).length > 1;
}

function alignmentsOf(separator: string): Alignment[] {
  return [...separator.matchAll(ALIGNMENT)].map(([, left, right]) => {
    if (left && right) return 'center';
    if (left) return 'left';
    if (right) return 'right';
    return null;
  });
}

export function layoutTable(lines: readonly string[]): TableLayout | null {
  const leadingPipe = /^\s*\|/.test(lines[0] ?? '');
  const sections: TableSection[] = [];
  let rows: string[][] = [];
  let alignments: Alignment[] | null = null;
  let hasFooter = false;
  let columns = 0;
  const close = (kind: TableSection['kind'], force: boolean) => {
    if (!hasFooter || kind !== 'tbody' || force) {
      sections.push({ kind, rows });
      rows = [];
    }
  };
  lines.forEach((line, index) => {
    const separator = SEPARATOR.exec(line);
    if (separator) {
      if (index === 0 || rows.length === 0) return;
      if (alignments === null && !hasFooter) {
        close('thead', false);
        alignments = alignmentsOf(separator[1] ?? '');
      } else {
        close('tbody', false);
      }
    } else if (FOOTER_SEPARATOR.test(line)) {
      if (rows.length > 0) close('tbody', true);
      hasFooter = true;
    } else {
      const cells = splitCells(line.replace(/[ \t]+$/, ''));
      if (leadingPipe && (cells[0] ?? '').trim() === '') cells.shift();
      if (cells.length > 0 && (cells[cells.length - 1] ?? '').trim() === '') cells.pop();
      const trimmed = cells.map((cell) => cell.trim());
      columns = Math.max(columns, trimmed.length);
      rows.push(trimmed);
    }
  });
  if (rows.length > 0) close(hasFooter ? 'tfoot' : 'tbody', false);
  if (!sections.some((section) => section.kind === 'tbody')) return null;
  const found: Alignment[] = alignments ?? [];
  const padded = [...found.slice(0, columns), ...Array<Alignment>(Math.max(0, columns - found.length)).fill(null)];
  return { sections, alignments: padded, columns };
}
