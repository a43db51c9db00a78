/**
 * Which form-response rows have been ingested, so a replayed form-submit event makes no second row and
 * reconciliation can find responses whose trigger never ran. Compact: all rows up to `upTo` are done,
 * plus the few later rows done out of order (concurrent submissions finish in any order).
 */
import * as z from './validator';

export const LedgerSchema = z.lazySchema(() =>
  z.record(z.string(), z.object({ upTo: z.int().check(z.gte(1)), rows: z.array(z.int().check(z.gte(2))) })),
);
export type Ledger = z.infer<typeof LedgerSchema>;

/** Row 1 of a responses sheet is its header, so "nothing ingested" is upTo = 1. */
const EMPTY = { upTo: 1, rows: [] as number[] };

export function parseLedger(stored: string | null): Ledger {
  if (stored === null || stored === '') return {};
  const ledger = z.parseStoredJson(LedgerSchema, stored);
  // An unreadable ledger is rebuilt by reconciliation from the register's Response Row column.
  if (ledger) return ledger;
  throw new Error(
    'The intake ledger is unreadable; the installation owner can run Extensions › Work Orders › Repair work orders to rebuild it.',
  );
}

export function isIngested(ledger: Ledger, sheetName: string, row: number): boolean {
  const entry = ledger[sheetName] ?? EMPTY;
  return row <= entry.upTo || entry.rows.includes(row);
}

/** The ledger with the row marked: the same ledger when it already was (marking twice is harmless). */
export function markIngested(ledger: Ledger, sheetName: string, row: number): Ledger {
  if (isIngested(ledger, sheetName, row)) return ledger;
  const entry = ledger[sheetName] ?? EMPTY;
  const rows = new Set([...entry.rows, row]);
  let upTo = entry.upTo;
  while (rows.delete(upTo + 1)) upTo += 1;
  return { ...ledger, [sheetName]: { upTo, rows: [...rows].sort((a, b) => a - b) } };
}

/** Response rows in [2, lastRow] not yet ingested, oldest first. */
export function missingRows(ledger: Ledger, sheetName: string, lastRow: number): number[] {
  const missing: number[] = [];
  const entry = ledger[sheetName] ?? EMPTY;
  for (let row = Math.max(2, entry.upTo + 1); row <= lastRow; row++) {
    if (!entry.rows.includes(row)) missing.push(row);
  }
  return missing;
}

export function serializeLedger(ledger: Ledger): string {
  return JSON.stringify(ledger);
}
