/**
 * One row of the operations bench's figures (bench/operations-ops.ts), in the shape bench/external.ts
 * reads, from the execution records of one scenario, and the table printed when that file runs alone.
 */
import type { ExecutionRecord } from '../runtime';
import { costModelFromEnv, type CallCounts } from './cost-model';
import { rowFromMeasurement } from './results';
import type { Measurement } from './types';
import { table } from './print';

/** One row of figures, in the shape bench/external.ts reads. */
export interface OpsFigures {
  size: number;
  scenario: string;
  ok: boolean;
  error?: string;
  note?: string;
  executions: number;
  reads: number;
  writes: number;
  spreadsheetCalls: number;
  otherCalls: number;
  cellsRead: number;
  cellsWritten: number;
  emails: number;
  /** Local JavaScript time in the runtime (wall time minus host service time), ms. */
  scriptMs: number;
  localMs: number;
  estimatedMs: number;
  /** Everything the estimate priced (bench/pricing.ts). */
  counts: CallCounts;
  lockHoldMs: number;
  triggerMs: number;
  propertyCalls: number;
  recipients: number;
}

export function figures(
  size: number,
  scenario: string,
  records: ExecutionRecord[],
  note?: string,
): OpsFigures {
  const row = rowFromMeasurement(
    size,
    'bench/operations-ops.ts',
    { operation: scenario, records, note } satisfies Measurement,
    costModelFromEnv(),
  );
  return {
    size,
    scenario,
    ok: row.ok,
    error: row.error,
    note,
    executions: row.counts.executions,
    reads: row.counts.reads,
    writes: row.counts.writes,
    spreadsheetCalls: row.spreadsheetCalls,
    otherCalls: row.counts.otherCalls,
    cellsRead: row.counts.cellsRead,
    cellsWritten: row.counts.cellsWritten,
    emails: row.counts.emails,
    scriptMs: Math.round(row.scriptMs),
    localMs: Math.round(row.counts.localMs),
    estimatedMs: Math.round(row.estimatedMs),
    counts: row.counts,
    ...row.extra,
  };
}

/** The figures as a table on the console. */
export function print(rows: readonly OpsFigures[]): void {
  const headers = [
    'size',
    'scenario',
    'ok',
    'reads',
    'writes',
    'other',
    'cells read',
    'cells written',
    'emails',
    'script ms',
    'est. s',
    'note',
  ];
  const lines = rows.map((r) => [
    r.size.toLocaleString('en-US'),
    r.scenario,
    r.ok ? 'ok' : `FAIL ${r.error ?? ''}`,
    String(r.reads),
    String(r.writes),
    String(r.otherCalls),
    r.cellsRead.toLocaleString('en-US'),
    r.cellsWritten.toLocaleString('en-US'),
    String(r.emails),
    r.scriptMs.toLocaleString('en-US'),
    (r.estimatedMs / 1000).toFixed(2),
    r.note ?? '',
  ]);
  console.log(table(headers, lines, (i) => i !== 1 && i !== 2 && i !== 11));
}
