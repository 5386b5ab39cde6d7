import type { BenchmarkReport, Figure } from './results.ts';

/** Formats a number for the table: small values keep three significant digits, large ones get separators. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  const magnitude = Math.abs(value);
  if (magnitude >= 100) return Math.round(value).toLocaleString('en-US');
  return value.toPrecision(3);
}

function valueText(entry: Figure): string {
  return entry.value === null ? 'n/a' : `${formatNumber(entry.value)} ${entry.unit}`;
}

function targetText(entry: Figure): string {
  if (!entry.target) return '';
  return `${entry.target.exclusive ? '<' : '≤'} ${formatNumber(entry.target.max)} ${entry.unit}`;
}

function resultText(entry: Figure): string {
  if (!entry.target) return '';
  if (entry.met === undefined) return 'not measured';
  return entry.met ? 'met' : 'NOT MET';
}

/** Renders every figure of every report as one plain-text table. */
export function formatTable(reports: readonly BenchmarkReport[]): string {
  const rows: string[][] = [['Figure', 'Value', 'Target', 'Result']];
  for (const report of reports) {
    for (const entry of report.figures) rows.push([entry.label, valueText(entry), targetText(entry), resultText(entry)]);
  }

  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => [...(row[column] ?? '')].length)));
  const line = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [line(rows[0]!), rule, ...rows.slice(1).map(line)].join('\n');
}
