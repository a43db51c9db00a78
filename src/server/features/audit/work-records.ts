/**
 * Verify audit log's check of the work-record tabs: every Time and Parts Used row a record wrote is
 * still in its tab as written. Each record logs its rows' seals (core/covered-rows.ts), so a row
 * deleted by hand, a whole tab deleted, or a row changed by hand (its seal no longer verifies) is
 * named with the log row that recorded it. The cost report already leaves such rows out; this tells the
 * administrator that recorded work went missing. Rows recorded before seals were logged name no seal
 * and are not looked for.
 */
import { LOG_COLUMN } from '../../../core/change-log-row';
import { parseChanges } from '../../../core/change-lines';
import { PARTS_SEAL_FIELD, TIME_SEAL_FIELD } from '../../../core/covered-rows';
import type { HmacKey } from '../../../core/keyed-chain';
import { PARTS_SHEET, TIME_SHEET, partSealsAt, timeSealsAt, type SealAt } from '../../../core/labour';
import { readTabValues } from '../../adapters/workbook';
import type { Spreadsheet } from '../../adapters/apps-script-types';
import type { CoveredFailure } from './covered';

/** What one log row recorded of a work-record row: its order and the log's sheet row. */
export interface LoggedSeal {
  id: string;
  logRow: number;
}

/** Tab → seal → where the log recorded it, in log order. */
export type LoggedSeals = Map<string, Map<string, LoggedSeal>>;

const TAB_OF_FIELD: ReadonlyMap<string, string> = new Map([
  [TIME_SEAL_FIELD, TIME_SHEET],
  [PARTS_SEAL_FIELD, PARTS_SHEET],
]);

const SEALS_AT: Record<
  string,
  (values: readonly (readonly unknown[])[], key: HmacKey) => Map<string, SealAt>
> = {
  [TIME_SHEET]: timeSealsAt,
  [PARTS_SHEET]: partSealsAt,
};

/**
 * Collects the seals these log rows recorded. `firstRow` is the sheet row of rows[0]; rows past
 * `lastCommittedRow` are left out (their change may not have landed: the next append decides).
 */
export function collectSeals(
  rows: readonly (readonly unknown[])[],
  count: number,
  firstRow: number,
  lastCommittedRow: number,
  into: LoggedSeals,
): void {
  for (let i = 0; i < count && firstRow + i <= lastCommittedRow; i++) {
    const changes = rows[i]?.[LOG_COLUMN.changes];
    if (typeof changes !== 'string') continue;
    if (!changes.includes(TIME_SEAL_FIELD) && !changes.includes(PARTS_SEAL_FIELD)) continue;
    const id = String(rows[i]?.[LOG_COLUMN.recordId] ?? '').trim();
    for (const line of parseChanges(changes)) {
      const tab = TAB_OF_FIELD.get(line.field);
      if (!tab) continue;
      const seals = into.get(tab) ?? new Map<string, LoggedSeal>();
      seals.set(line.newValue, { id, logRow: firstRow + i });
      into.set(tab, seals);
    }
  }
}

/** The first tab whose logged rows are not all there as written (one read of each tab with any). */
export function checkWorkRecords(ss: Spreadsheet, key: HmacKey, logged: LoggedSeals): CoveredFailure | null {
  for (const [tab, seals] of logged) {
    const values = readTabValues(ss, tab) ?? [];
    const present = (SEALS_AT[tab] as (typeof SEALS_AT)[string])(values, key);
    let gone = 0;
    let changed = 0;
    let first: { seal: LoggedSeal; at: SealAt | null } | null = null;
    for (const [seal, where] of seals) {
      const at = present.get(seal) ?? null;
      if (at?.intact) continue;
      if (at) changed++;
      else gone++;
      first ??= { seal: where, at };
    }
    if (!first) continue;
    const what = first.at
      ? `changed by hand (its seal no longer verifies)`
      : `gone (deleted by hand${values.length === 0 ? ', with the whole tab' : ''})`;
    const counts = [gone > 0 ? `${gone} gone` : '', changed > 0 ? `${changed} changed` : '']
      .filter(Boolean)
      .join(', ');
    return {
      sheet: tab,
      // A changed row is named where it is; a gone one where the tab now ends.
      row: first.at?.row ?? Math.max(2, values.length + 1),
      detail:
        `the row of ${first.seal.id} recorded at Change Log row ${first.seal.logRow} is ${what}; ` +
        `of the ${seals.size} row(s) the log records in this tab, ${counts}. The cost report leaves them out`,
    };
  }
  return null;
}
