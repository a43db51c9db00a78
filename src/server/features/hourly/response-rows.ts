/**
 * The response rows reconciliation has to settle: the rows of a responses tab the intake ledger does
 * not list, read in one call per tab (from the first such row to the last, and the header), and sorted
 * into those to mark recorded (the register names them, or they are empty), those no form wrote (no
 * Timestamp), and the candidates to check against the form and ingest.
 */
import { missingRows, type Ledger } from '../../../core/intake-ledger';
import { parseSubmission, type Submission } from '../../../core/intake';
import { cellText, normalizeHeader } from '../../../core/headers';
import { isValidDate } from '../../../core/time';
import { readResponseRows } from '../../adapters/response-tabs';
import { lastUsedRow } from '../../adapters/tabs';
import type { Sheet } from '../../adapters/apps-script-types';

/** A row of a responses tab, as the intake ledger names it. */
export interface ResponseRow {
  sheetName: string;
  row: number;
}

/** A response no form-submit execution recorded, as its row reads. */
export interface Candidate {
  sheetName: string;
  row: number;
  namedValues: Record<string, string[]>;
  submittedAt: Date;
  submission: Submission;
}

export interface UnrecordedRows {
  /** Rows found recorded (the register names them) or empty: only the ledger is behind. */
  toMark: ResponseRow[];
  /** Rows without a Timestamp, which Forms always writes: typed, never ingested. */
  notFromForm: ResponseRow[];
  candidates: Candidate[];
}

/** A response this fresh may still have its form-submit execution on the way: left for the next run. */
const GRACE_MS = 5 * 60_000;

/** A row's answers by header, as the form-submit event's namedValues carries them. */
export function namedValuesOf(
  header: readonly unknown[],
  cells: readonly unknown[],
): Record<string, string[]> {
  const named: Record<string, string[]> = {};
  header.forEach((h, i) => {
    const title = String(h ?? '').trim();
    if (title !== '') named[title] = [cellText(cells[i])];
  });
  return named;
}

export function unrecordedRows(
  sheets: readonly Sheet[],
  ledger: Ledger,
  /**
   * Which of a tab's rows the ledger misses the register names (its Response Row): asked once per tab,
   * so the rows naming them are checked together.
   */
  inRegister: (sheetName: string, rows: readonly number[]) => ReadonlySet<number>,
  locations: readonly string[],
  now: Date,
): UnrecordedRows {
  const found: UnrecordedRows = { toMark: [], notFromForm: [], candidates: [] };
  for (const sheet of sheets) {
    const sheetName = sheet.getName();
    const unlisted = missingRows(ledger, sheetName, lastUsedRow(sheet));
    const named = unlisted.length > 0 ? inRegister(sheetName, unlisted) : new Set<number>();
    const missing = unlisted.filter((row) => {
      if (!named.has(row)) return true;
      found.toMark.push({ sheetName, row });
      return false;
    });
    if (missing.length === 0) continue;
    const first = missing[0] as number;
    // One read from the first unrecorded row to the end, one for the header.
    const last = missing[missing.length - 1] as number;
    const { header, rows } = readResponseRows(sheet, first, last);
    const timestampAt = header.findIndex((h) => normalizeHeader(h) === 'timestamp');
    for (const row of missing) {
      const cells = rows[row - first] ?? [];
      if (cells.every((v) => v === '' || v === null)) {
        found.toMark.push({ sheetName, row });
        continue;
      }
      const stamp = timestampAt >= 0 ? cells[timestampAt] : null;
      if (timestampAt >= 0 && !isValidDate(stamp)) {
        // Forms always writes the Timestamp: a row without one was typed, and is settled at once.
        found.notFromForm.push({ sheetName, row });
        continue;
      }
      const submittedAt = isValidDate(stamp) ? stamp : now;
      if (now.getTime() - submittedAt.getTime() < GRACE_MS) continue;
      const namedValues = namedValuesOf(header, cells);
      found.candidates.push({
        sheetName,
        row,
        namedValues,
        submittedAt,
        submission: parseSubmission(namedValues, locations),
      });
    }
  }
  return found;
}
