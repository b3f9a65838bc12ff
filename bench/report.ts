import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** One figure of the bench: ours, the anchor's in the same run, and the target. */
export interface Row {
  figure: string;
  /** What the two figures count: wall time (ms, the default), CPU time (CPU-ms), MiB or a count. */
  unit?: string;
  gateMqttMs: number;
  anchor: string;
  anchorMs: number | null;
  ratio: number | null;
  target: string;
  ok: boolean | null;
}

/** Prints the table and the notes, and writes them to bench/results/; returns the file written. */
export function report(input: { runs: number; rows: Row[]; notes: string[]; project: string }): string {
  const { runs, rows, notes } = input;
  const table = [
    '| figure | gate-mqtt | anchor in the same run | ratio | target | met |',
    '|---|---|---|---|---|---|',
    ...rows.map((r) => {
      const unit = r.unit ?? 'ms';
      const ours = r.gateMqttMs || r.unit ? `${r.gateMqttMs} ${unit}` : '-';
      const theirs = `${r.anchor}${r.anchorMs !== null ? ` ${r.anchorMs} ${unit}` : ''}`;
      const met = r.ok === null ? 'skipped' : r.ok ? 'yes' : '**no**';
      return `| ${r.figure} | ${ours} | ${theirs} | ${r.ratio === null ? '-' : `${r.ratio}x`} | ${r.target} | ${met} |`;
    }),
  ];
  console.log(
    `gate-mqtt bench: median of ${runs} paired runs (A/B interleaved), ${os.cpus().length} cores, ` +
      `node ${process.version}\n`,
  );
  console.log(table.join('\n'));
  for (const line of notes) console.log(`\n${line}`);
  const dir = path.join(input.project, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  const data = { runs, node: process.version, cpus: os.cpus().length, rows, notes };
  writeFileSync(file, `${JSON.stringify(data, null, 1)}\n`);
  return file;
}
