/**
 * One row of `npm run bench`'s table: what was measured, the figure, the target, met or not.
 * Every part of the bench returns rows; run.ts prints them all and exits 1 when one is missed.
 */
export interface BenchRow {
  what: string;
  /** The measured figure as printed, with its unit ("0.31 s", "1.8×", "92 MB"). */
  measured: string;
  /** The target as printed ("≤ 0.15 s"). */
  target: string;
  ok: boolean;
  /** Anything a reader needs to trust the figure (runs, median, input size). */
  note?: string;
}

export const middle = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export function printRows(title: string, rows: BenchRow[]): void {
  const width = Math.max(...rows.map((r) => r.what.length), 20);
  console.log(title);
  for (const r of rows) {
    const verdict = r.ok ? 'met' : 'NOT MET';
    console.log(`  ${r.what.padEnd(width)}  ${r.measured.padStart(12)}  target ${r.target.padEnd(12)} ${verdict}${r.note ? `  (${r.note})` : ''}`);
  }
}
