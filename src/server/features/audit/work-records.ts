/**
 * Verify audit log's check of the work-record tabs: every Time and Parts Used row a record wrote is
 * still in its tab as written. Each record logs its rows' seals (core/covered-rows.ts), so a row
 * deleted by hand, a whole tab deleted, or a row changed by hand (its seal no longer verifies) is
 * named with the log row that recorded it. The cost report already leaves such rows out; this tells the
 * administrator that recorded work went missing, and rebuilds each such row from its log line
 * (core/work-record-lines.ts) for ./work-records-putback to put back when asked. Rows recorded before
 * seals were logged name no seal and are not looked for.
 */
import { LOG_COLUMN, entriesOfRow } from '../../../core/change-log-row';
import { PARTS_SEAL_FIELD, TIME_SEAL_FIELD } from '../../../core/covered-rows';
import type { HmacKey } from '../../../core/keyed-chain';
import {
  PARTS_SHEET,
  TIME_SHEET,
  partRow,
  partSealsAt,
  sealOfRow,
  timeRow,
  timeSealsAt,
  type SealAt,
} from '../../../core/labour';
import {
  TAB_OF_SEAL_FIELD,
  loggedPartEntry,
  loggedTimeEntry,
  type LoggedAt,
} from '../../../core/work-record-lines';
import { readTabValues } from '../../adapters/workbook';
import { archivedTabSources } from '../archive/files';
import type { Spreadsheet } from '../../adapters/apps-script-types';
import type { CoveredFailure } from './covered';

/** What one log row recorded of a work-record row: where, and the entry's own line. */
export interface LoggedSeal extends LoggedAt {
  logRow: number;
  /** The entry's line ("1.5 h on …"), '' when the log row does not give one. */
  line: string;
}

/** Tab → seal → where the log recorded it, in log order. */
export type LoggedSeals = Map<string, Map<string, LoggedSeal>>;

/** A row to put back: appended (`row` null: it is gone) or written over a changed one at `row`. */
export interface WorkRecordRepair {
  sheet: string;
  row: number | null;
  /** The Seal cell of the row now at `row` (checked again before writing over it). */
  found: string;
  id: string;
  line: string;
  values: unknown[];
}

/** What of the rows found wrong the log can put back. */
export interface WorkRecordRepairs {
  repairs: WorkRecordRepair[];
  /** Rows found wrong that their log line does not give exactly (left as they are). */
  unrepairable: number;
}

interface TabKind {
  sealsAt: (values: readonly (readonly unknown[])[], key: HmacKey) => Map<string, SealAt>;
  rebuild: (key: HmacKey, line: string, where: LoggedAt) => unknown[] | null;
}

const TABS: Readonly<Record<string, TabKind>> = {
  [TIME_SHEET]: {
    sealsAt: timeSealsAt,
    rebuild: (key, line, where) => {
      const entry = loggedTimeEntry(line, where);
      return entry && timeRow(key, entry);
    },
  },
  [PARTS_SHEET]: {
    sealsAt: partSealsAt,
    rebuild: (key, line, where) => {
      const entry = loggedPartEntry(line, where);
      return entry && partRow(key, entry);
    },
  },
};

/** The Seal cells of a work-record tab as it is now (one read). */
export function sealsNow(ss: Spreadsheet, key: HmacKey, tab: string): Map<string, SealAt> {
  const kind = TABS[tab];
  return kind ? kind.sealsAt(readTabValues(ss, tab) ?? [], key) : new Map();
}

/**
 * Collects the seals these log rows recorded, each with the entry line before it. `firstRow` is the
 * sheet row of rows[0]; rows past `lastCommittedRow` are left out (their change may not have landed:
 * the next append decides).
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
    const entries = entriesOfRow(rows[i] ?? []);
    const counts = new Map<string, number>();
    entries.forEach((entry, k) => {
      const tab = TAB_OF_SEAL_FIELD.get(entry.field);
      if (!tab) return;
      const before = entries[k - 1];
      const index = counts.get(tab) ?? 0;
      counts.set(tab, index + 1);
      const seals = into.get(tab) ?? new Map<string, LoggedSeal>();
      seals.set(entry.newValue, {
        id: entry.recordId,
        user: entry.user,
        at: entry.at,
        index,
        logRow: firstRow + i,
        line: before?.field === tab ? before.newValue : '',
      });
      into.set(tab, seals);
    });
  }
}

/** Where a logged seal stands now: a live row, or a row of an archive file's same-named tab. */
interface Found {
  at: SealAt;
  /** The archive file's name; null for the live tab. */
  archive: string | null;
}

/**
 * The seals of the tab `tab` in every archive file, where the archive moves an archived order's rows
 * (features/archive/records.ts): read only when a logged seal is missing from the live tab.
 */
function archivedSeals(key: HmacKey, kind: TabKind, tab: string): Map<string, Found> {
  const out = new Map<string, Found>();
  for (const source of archivedTabSources(tab))
    for (const [seal, at] of kind.sealsAt(source.values, key))
      if (!out.has(seal)) out.set(seal, { at, archive: source.label });
  return out;
}

/**
 * Every tab whose logged rows are not all there as written (one read of each tab with any; a seal
 * missing from it is looked for in the archive files, where rows of archived orders go). A row in an
 * archive file that no longer verifies is reported there, and is not put back (the administrator who
 * can edit the file can see what changed in its version history).
 */
export function checkWorkRecords(ss: Spreadsheet, key: HmacKey, logged: LoggedSeals): CoveredFailure | null {
  let failure: CoveredFailure | null = null;
  const repairs: WorkRecordRepair[] = [];
  let unrepairable = 0;
  for (const [tab, seals] of logged) {
    const kind = TABS[tab] as TabKind;
    const values = readTabValues(ss, tab) ?? [];
    const present = kind.sealsAt(values, key);
    let archived: Map<string, Found> | null = null;
    const find = (seal: string): Found | null => {
      const at = present.get(seal);
      if (at) return { at, archive: null };
      archived ??= archivedSeals(key, kind, tab);
      return archived.get(seal) ?? null;
    };
    let gone = 0;
    let changed = 0;
    let first: { seal: LoggedSeal; found: Found | null } | null = null;
    for (const [seal, where] of seals) {
      const found = find(seal);
      if (found?.at.intact) continue;
      if (found) changed++;
      else gone++;
      first ??= { seal: where, found };
      const rebuilt = where.line === '' || found?.archive ? null : kind.rebuild(key, where.line, where);
      if (rebuilt && sealOfRow(rebuilt) === seal)
        repairs.push({
          sheet: tab,
          row: found?.at.row ?? null,
          found: seal,
          id: where.id,
          line: where.line,
          values: rebuilt,
        });
      else unrepairable++;
    }
    if (!first || failure) continue;
    const inArchive = first.found?.archive ?? null;
    const what = first.found
      ? `changed by hand${inArchive ? ` in the archive spreadsheet "${inArchive}"` : ''} (its seal no longer verifies)`
      : `gone (deleted by hand${values.length === 0 ? ', with the whole tab' : ''})`;
    const counts = [gone > 0 ? `${gone} gone` : '', changed > 0 ? `${changed} changed` : '']
      .filter(Boolean)
      .join(', ');
    failure = {
      sheet: inArchive ? `${inArchive} › ${tab}` : tab,
      // A changed row is named where it is; a gone one where the tab now ends.
      row: first.found?.at.row ?? Math.max(2, values.length + 1),
      detail:
        `the row of ${first.seal.id} recorded at Change Log row ${first.seal.logRow} is ${what}; ` +
        `of the ${seals.size} row(s) the log records in this tab, ${counts}. The cost report leaves them out`,
    };
  }
  return failure && { ...failure, workRecords: { repairs, unrepairable } };
}
