/** The run's table, the per-scenario lines, the evidence of each failure, and chaos/RESULTS.md. */
import { writeFileSync } from 'node:fs';
import { mb } from './memory';
import type { ScenarioResult } from './scenario';

const HEADER = [
  'scenario',
  'requests',
  'ok',
  'client errors',
  'unavailable',
  'wrong answers',
  'internal errors',
  'conn. failures',
  'crashes',
  'Node RSS MB start→end',
  "backends' MB start→end",
  'verdict',
];

const count = (n: number) => n.toLocaleString('en-US');

function row(r: ScenarioResult): string[] {
  const c = r.tally.counts;
  return [
    r.name,
    count(r.tally.requests),
    count(c.ok),
    count(c.clientError),
    count(c.unavailable),
    count(c.wrong),
    count(c.internal),
    count(c.connection),
    count(r.crashes),
    `${mb(r.memoryStart.rssMb)}→${mb(r.memoryEnd.rssMb)}`,
    `${mb(r.memoryStart.backendsMb)}→${mb(r.memoryEnd.backendsMb)}`,
    r.missed.length === 0 ? 'PASS' : 'FAIL',
  ];
}

/** A markdown table whose columns line up in a terminal too. */
export function table(results: ScenarioResult[]): string {
  const rows = [HEADER, ...results.map(row)];
  const widths = HEADER.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => (i === 0 || i >= 9 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 || i >= 9 ? `-${'-'.repeat(w)}-` : `-${'-'.repeat(w)}:`)).join('|')}|`;
  return [line(HEADER), rule, ...rows.slice(1).map(line)].join('\n');
}

/** One line per scenario: its own figures, then what it missed. */
export function notes(results: ScenarioResult[]): string {
  return results
    .map((r) =>
      [
        `- **${r.name}** (${r.seconds.toFixed(0)} s): ${r.details.join('; ')}`,
        ...(r.missed.length ? [`  - missed: ${r.missed.join('; ')}`] : []),
      ].join('\n'),
    )
    .join('\n');
}

/** The reproducing requests and log lines of every failing scenario. */
export function evidence(results: ScenarioResult[]): string {
  return results
    .filter((r) => r.missed.length > 0 && r.evidence.length > 0)
    .map((r) => [`### ${r.name}`, ...r.evidence.map((e) => e.replace(/^/gm, '    '))].join('\n\n'))
    .join('\n\n');
}

export function writeResults(
  file: string,
  results: ScenarioResult[],
  meta: { started: Date; seconds: number; command: string },
): void {
  const text = [
    '# npm run chaos: the last full run',
    '',
    `\`${meta.command}\`, started ${meta.started.toISOString()}, took ${(meta.seconds / 60).toFixed(1)} minutes, ` +
      `on its own database and redis-server over loopback (${process.platform}, node ${process.version}).`,
    '',
    table(results),
    '',
    notes(results),
    '',
    ...(results.some((r) => r.missed.length > 0) ? ['## Evidence of the failures', '', evidence(results), ''] : []),
  ].join('\n');
  writeFileSync(file, text);
}
