/**
 * The contract between bench/main.ts and the files that measure operations (bench/operations.ts here,
 * bench/review.ts, bench/edits.ts and bench/operations-ops.ts by the engineers who own those features):
 * a measuring function receives the world and returns one Measurement per row of the table.
 */
import type { ExecutionRecord, LocalAppsScript } from '../runtime';
import type { History } from './fixtures/history';
import type { Installed } from './fixtures/install';
import type { ScriptSpread } from './median-run';

export interface BenchUsers {
  admin: string;
  manager: string;
  supervisors: string[];
  technicians: string[];
  requestor: string;
}

export interface BenchWorld {
  rt: LocalAppsScript;
  ssId: string;
  formId: string;
  /** Work orders installed. */
  size: number;
  users: BenchUsers;
  /** What was installed (the change log may be thinned to fit the cell limit; see `notes`). */
  history: History;
  installed: Installed;
  /** How this world differs from the requested one, in words, for the printed table. */
  notes: string[];
}

export interface Measurement {
  /** Row label, e.g. "ingest one submission". */
  operation: string;
  /** Every execution the operation started (a form submit may start several triggers). */
  records: ExecutionRecord[];
  note?: string;
  /** Where the operation was run several times and one run priced: all runs' JavaScript time. */
  scriptSpread?: ScriptSpread;
}

export type Measure = (world: BenchWorld) => Promise<Measurement[]>;
