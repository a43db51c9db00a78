/**
 * The hourly job's cheap way of keeping the register's protected columns down to its last row: when
 * rows were added at the bottom, only the new rows are protected (one more range per column run, with
 * the same description and editors), instead of removing and protecting again every row — which covers
 * every cell of a 100,000-row register each time one request is appended. The sheet is grown by some
 * spare rows at the same time, so the appends of the next days land in rows already protected.
 *
 * Anything other than growth at the bottom (a changed layout, rows deleted, protections edited by
 * hand) is left to setup's full repair (repairRegisterProtection), which rebuilds one range per run.
 */
import { SHEET_NAMES, type StaffMember } from '../../../core/model';
import { areaEditors } from '../../../core/permissions';
import { rangeProtections } from '../../adapters/installation-services';
import { ownerKey, ownerProperties, readOwnerState, writeOwnerState } from '../../adapters/owner-state';
import { readHeaderRow } from '../../adapters/workbook';
import {
  PROTECTED_STATE,
  REGISTER_COLUMNS_PROTECTION,
  syncEditors,
  systemColumnRuns,
} from '../setup/protections';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Empty rows added below the register when it is extended: days of requests before the next extension. */
export const SPARE_ROWS = 500;
/**
 * Rows protected per run at most: each covered cell is priced like a cell written (bench/cost-model.ts),
 * so 2,500 rows of the register's ~30 columns cost about 4 s. Far more than a day of requests, or a
 * run's preventive orders; a register filled some other way is covered over the next runs.
 */
export const PROTECT_ROWS_PER_RUN = 2_500;
/** Owner state (per spreadsheet): set while rows at the bottom of the register still wait for protection. */
const EXTENDING = 'protectionExtending';

function readState(spreadsheetId: string): { rows: number; tabs: string[] } {
  try {
    const parsed = JSON.parse(readOwnerState(spreadsheetId, PROTECTED_STATE) ?? '{}') as {
      rows?: unknown;
      tabs?: unknown;
    };
    return {
      rows: typeof parsed.rows === 'number' ? parsed.rows : 0,
      tabs: Array.isArray(parsed.tabs) ? parsed.tabs.filter((t): t is string => typeof t === 'string') : [],
    };
  } catch {
    return { rows: 0, tabs: [] };
  }
}

/**
 * The last row every system column run is protected through, when the register's protections are
 * exactly the header row and, per run, ranges covering rows 2 … that row without a gap; else null.
 */
function protectedThrough(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  runs: ReadonlyArray<[number, number]>,
  width: number,
): number | null {
  const spans = new Map<number, Array<[number, number]>>(runs.map(([a]) => [a, []]));
  let header = false;
  for (const p of rangeProtections(sheet)) {
    if (p.getDescription() !== REGISTER_COLUMNS_PROTECTION) continue;
    const r = p.getRange();
    const [row, column, rows, columns] = [r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns()];
    if (row === 1 && rows === 1 && column === 1 && columns === width) {
      header = true;
      continue;
    }
    const run = runs.find(([a, b]) => a === column && b - a + 1 === columns);
    if (!run || row < 2) return null;
    spans.get(column)?.push([row, row + rows - 1]);
  }
  if (!header || runs.length === 0) return null;
  let through: number | null = null;
  for (const list of spans.values()) {
    list.sort((x, y) => x[0] - y[0]);
    let reached = 1;
    for (const [from, to] of list) {
      if (from > reached + 1) return null;
      reached = Math.max(reached, to);
    }
    if (list.length === 0 || (through !== null && through !== reached)) return null;
    through = reached;
  }
  return through;
}

/**
 * Protects the rows added at the bottom of the register since its protections were made, with spare
 * rows, at most PROTECT_ROWS_PER_RUN rows a run (a register filled some other way than by the add-on
 * is covered over a few runs). Returns true when it protected rows; false when there was nothing to do
 * this way (repairRegisterProtection then decides).
 */
export function extendRegisterProtection(
  ss: Spreadsheet,
  staff: readonly StaffMember[],
  installationOwner: string | null,
): boolean {
  const sheet = ss.getSheetByName(SHEET_NAMES.register);
  if (!sheet) return false;
  const id = ss.getId();
  let maxRows = sheet.getMaxRows();
  const state = readState(id);
  const unfinished = readOwnerState(id, EXTENDING) !== null;
  if (state.rows === maxRows && !unfinished) return false;
  const record = (rows: number, done: boolean): void => {
    writeOwnerState(id, PROTECTED_STATE, JSON.stringify({ rows, tabs: state.tabs }));
    if (done && unfinished) ownerProperties().deleteProperty(ownerKey(id, EXTENDING));
    if (!done && !unfinished) writeOwnerState(id, EXTENDING, 'true');
  };
  const header = readHeaderRow(sheet);
  const runs = systemColumnRuns(header);
  const through = protectedThrough(sheet, runs, Math.max(header.length, 1));
  if (through === null || through < 2 || through > maxRows) {
    // Not a register grown at the bottom: the full repair rebuilds its protections.
    if (unfinished) record(0, true);
    return false;
  }
  if (through === maxRows) {
    // Already covered (rows deleted since, or protected by setup): only the record is behind.
    record(maxRows, true);
    return false;
  }
  if (!unfinished) {
    sheet.insertRowsAfter(maxRows, SPARE_ROWS);
    maxRows += SPARE_ROWS;
  }
  const last = Math.min(maxRows, through + PROTECT_ROWS_PER_RUN);
  const editors = areaEditors('registerSystemColumns', staff, installationOwner);
  for (const [a, b] of runs) {
    const protection = sheet.getRange(through + 1, a, last - through, b - a + 1).protect();
    syncEditors(protection, editors, REGISTER_COLUMNS_PROTECTION);
  }
  // Recorded as covered even while rows remain, so the full repair leaves them to the next runs.
  record(maxRows, last === maxRows);
  return true;
}
