/**
 * Verify audit log's check of the register (./register-check) over its reading of the change log.
 *
 * The register is read before the log, so the log's pass keeps only the orders the register holds
 * (an id lookup per log row, nothing parsed for the others). A value found then may be an edit made
 * while the log was being read (a minute at a million rows): an order changed after the register was
 * read has newer log lines than its cells. So when anything is found, the register is read once more,
 * the rows the log gained meanwhile are folded in (only those whose MAC follows from the last row
 * verified), and only what is still found, with the same value, is reported. A person's edit whose
 * trigger has not yet logged it is either caught up by then or, a minute on, an edit no trigger judged.
 */
import { LOG_COLUMN } from '../../../core/change-log-row';
import type { HmacKey } from '../../../core/keyed-chain';
import { SHEET_NAMES } from '../../../core/model';
import { RegisterRecords } from '../../../core/register-audit';
import { readChangeLogRows } from '../../adapters/change-log-read';
import { readCheckpoint } from '../../adapters/change-log-tail';
import { GenuineRows } from './log-history';
import {
  readRegisterSnapshot,
  registerFindings,
  snapshotIds,
  stillFound,
  type RegisterFinding,
  type RegisterSlice,
  type RegisterSnapshot,
} from './register-check';
import { noAnswerChecks, resolveAnswers } from './register-answers';
import type { HistoryJudge } from './register-history-check';
import { lastUsedRow } from '../../adapters/tabs';
import type { Spreadsheet, Sheet } from '../../adapters/apps-script-types';

/** Findings listed in the message (all of them are in the result). */
const SHOWN = 20;

export class RegisterAudit {
  private readonly snapshot: RegisterSnapshot | null;
  /** Why the register could not be read (its columns), or null. */
  readonly unreadable: string | null;
  private readonly records: RegisterRecords;
  private readonly wantedIds: ReadonlySet<string>;
  /** The last log row folded in, to tell whether a row added since follows it. */
  private lastRow: readonly unknown[] | null = null;

  /** The register's ids as read before the log (null: it could not be read). */
  get ids(): ReadonlySet<string> | null {
    return this.snapshot ? this.wantedIds : null;
  }

  /** The register's rows compared (sheet rows) and its last row, as read; null when unreadable. */
  get compared(): { first: number; last: number; registerLastRow: number } | null {
    const s = this.snapshot;
    return s ? { first: s.firstRow, last: s.firstRow + s.rows.length - 1, registerLastRow: s.lastRow } : null;
  }

  /**
   * Reads the register (two calls), or the rows of `slice` (features/audit/progress.ts): call before
   * the log is read.
   */
  constructor(
    ss: Spreadsheet,
    private readonly slice: RegisterSlice | null = null,
  ) {
    const read = readRegisterSnapshot(ss, slice);
    this.snapshot = 'rows' in read ? read : null;
    this.unreadable = 'unreadable' in read ? read.unreadable : null;
    this.wantedIds = this.snapshot ? snapshotIds(this.snapshot) : new Set();
    this.records = new RegisterRecords(this.wantedIds);
  }

  /** Takes in verified log rows (`count` of them, the first at sheet row `first`). */
  fold(rows: readonly (readonly unknown[])[], count: number, first: number, committedThrough: number): void {
    for (let i = 0; i < count; i++) {
      const row = rows[i] as readonly unknown[];
      this.records.fold(row, first + i, first + i <= committedThrough);
    }
    if (count > 0) this.lastRow = rows[count - 1] as readonly unknown[];
  }

  /** What the register holds that the log does not vouch for (see above); `last`: the log's last row read. */
  findings(
    ss: Spreadsheet,
    logSheet: Sheet,
    last: number,
    key: HmacKey,
    timeZone: string,
    judge: HistoryJudge,
  ): RegisterFinding[] {
    if (!this.snapshot) return [];
    // Each pass looks its request's answers up for the few rows that need them (./register-answers).
    const pass = (snapshot: RegisterSnapshot, only: ReadonlySet<string> | null): RegisterFinding[] => {
      const checks = noAnswerChecks();
      const found = registerFindings(snapshot, this.records, timeZone, judge, only, checks);
      return resolveAnswers(ss, found, checks, snapshot.layout, timeZone);
    };
    const first = pass(this.snapshot, null);
    if (first.length === 0) return [];
    const again = readRegisterSnapshot(ss, this.slice);
    if (!('rows' in again)) return first;
    this.foldTail(logSheet, last, key);
    // Only a finding of the first look can stay (stillFound): the orders without one are not checked again.
    const found = new Set(first.map((f) => f.id));
    return stillFound(first, pass(again, found));
  }

  /** The log's rows past `last`, as far as each follows from the one above it (one read). */
  private foldTail(sheet: Sheet, last: number, key: HmacKey): void {
    const end = lastUsedRow(sheet);
    if (end <= last) return;
    const committed = readCheckpoint()?.row ?? 0;
    const genuine = new GenuineRows(key);
    if (this.lastRow) genuine.accept(this.lastRow, false);
    const rows = readChangeLogRows(sheet, last + 1, end);
    for (const [i, row] of rows.entries()) {
      if (String(row[LOG_COLUMN.hash] ?? '').trim() === '') continue;
      if (!genuine.accept(row)) break;
      this.records.fold(row, last + 1 + i, last + 1 + i <= committed);
    }
  }
}

/**
 * The sentence Verify shows for register findings: `findings` as listed, `totals` when more were found
 * than are listed (a comparison over several runs keeps only the first rows' findings).
 */
export function describeRegisterFindings(
  findings: readonly RegisterFinding[],
  totals: { values: number; orders: number } = {
    values: findings.length,
    orders: new Set(findings.map((f) => f.id)).size,
  },
): string {
  const orders = totals.orders;
  const lines = findings
    .slice(0, SHOWN)
    .map((f) =>
      f.note
        ? `• Row ${f.row}, ${f.id}: ${f.note}`
        : `• Row ${f.row}, ${f.id}, ${f.field}: ${f.found}, where ${f.from ?? 'the change log says'} ${f.trusted}` +
          (f.logRow > 0 ? ` (Change Log row ${f.logRow})` : ''),
    );
  const shown = Math.min(SHOWN, findings.length);
  if (totals.values > shown) lines.push(`• and ${totals.values - shown} more`);
  const values = findings.some((f) => !f.note);
  // Findings in words (register-history-check.ts) say what to do themselves: nothing is put back for them.
  const head = values
    ? `The ${SHEET_NAMES.register} sheet holds ${totals.values} value(s) in ${orders} work order(s) that the change log does not: ` +
      'written where the add-on does not see (a script, the Sheets API or another add-on), so never checked against who may ' +
      'change what nor logged, or an edit the add-on refused and could not put back.'
    : `The ${SHEET_NAMES.register} sheet and the change log disagree on ${totals.values} point(s) in ${orders} work order(s): ` +
      'writes made where the add-on does not see (a script, the Sheets API or another add-on), never checked against who ' +
      'may change what nor logged.';
  const tail = values
    ? 'Nothing has been changed. File › Version history names the account behind each such write. Verify offers to put ' +
      'each value back as the change log says (each logged as put back); run it again afterwards.'
    : 'Nothing has been changed, and there is no value to put back: each point says what to look at.';
  return `${head}\n${lines.join('\n')}\n${tail}`;
}
