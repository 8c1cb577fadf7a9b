// The run's output: a table on stdout and bench/results/latest.json, from the same figures.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Figure } from './figures.ts';
import type { Machine } from './machine.ts';
import type { Options } from './options.ts';

export const RESULTS_PATH = 'bench/results/latest.json';

export interface Report {
  startedAt: string;
  finishedAt: string;
  quick: boolean;
  sections: string[];
  sizes: Options['sizes'];
  machine: Machine & { loadAverageAtEnd: number };
  figures: Figure[];
  notes: Record<string, unknown>;
}

function formatValue(f: Figure): string {
  if (f.value === null) return '-';
  const digits = Math.abs(f.value) >= 100 ? 0 : Math.abs(f.value) >= 10 ? 1 : 2;
  return `${f.value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 })} ${f.unit}`;
}

export function renderTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [
    f.item === 0 ? 'base' : String(f.item),
    f.label,
    formatValue(f),
    f.goal === undefined ? '' : `${f.goal.met ? 'ok  ' : 'MISS'} ${f.goal.text}`,
    f.note ?? '',
  ]);
  const header = ['#', 'figure', 'value', 'goal (progress, not asserted)', 'how / why not'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => Math.min((r[i] ?? '').length, i === 4 ? 90 : 60))));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}

export async function writeReport(report: Report, path = RESULTS_PATH): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(report, null, 2)}\n`);
}
