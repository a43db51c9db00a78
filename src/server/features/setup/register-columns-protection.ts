/**
 * The register's header row and the columns only the add-on fills in, as range protections down to
 * the sheet's last row. Setup's repair (protectRegister) and the hourly job's extension
 * (hourly/register-protection.ts) follow a grown register the same way: the rows below the protected
 * ones get ranges of their own (protectRowsBelow), never every row protected again, which at 100,000
 * rows laid millions of cells under the document lock. Anything other than growth at the bottom (a
 * changed layout, a range removed by hand) is rebuilt: one range per run of columns.
 *
 * The register's open columns are left to the edit trigger, which judges every change typed there.
 */
import { REGISTER_HEADER_ROW, normalizeHeader, registerLayout } from '../../../core/columns';
import { unprotectedRegisterFields } from '../../../core/permissions';
import { rangeProtections } from '../../adapters/installation-services';
import { ROW_STATE_HEADER } from '../../adapters/row-state';
import { readHeaderRow } from '../../adapters/workbook';
import { syncEditors } from './protection-editors';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Protection = GoogleAppsScript.Spreadsheet.Protection;

/** The description of the register's protected columns; every such range protection carries it. */
export const REGISTER_COLUMNS_PROTECTION =
  'Work Orders protects the columns it fills in (ids, numbers, stamps, revision, row state) and the header row.';

/** Column runs [first, last] (1-based) of the register that only the add-on fills in. */
export function systemColumnRuns(header: readonly string[]): Array<[number, number]> {
  const layout = registerLayout(header);
  const open = new Set(
    unprotectedRegisterFields()
      .map((f) => layout.indexOf[f])
      .filter((i) => i >= 0),
  );
  const ours = new Set([...REGISTER_HEADER_ROW, ROW_STATE_HEADER].map(normalizeHeader));
  const runs: Array<[number, number]> = [];
  header.forEach((h, i) => {
    const system = ours.has(normalizeHeader(h)) && !open.has(i);
    if (!system) return;
    const last = runs[runs.length - 1];
    if (last && last[1] === i) last[1] = i + 1;
    else runs.push([i + 1, i + 1]);
  });
  return runs;
}

/** The register's own range protections (by their description). */
export function registerColumnProtections(sheet: Sheet): Protection[] {
  return rangeProtections(sheet).filter((p) => p.getDescription() === REGISTER_COLUMNS_PROTECTION);
}

/**
 * The last row every system column run is protected through, when `ours` are exactly the header row
 * and, per run, ranges covering rows 2 … that row without a gap (1: no run has a range yet); else null.
 */
export function protectedThrough(
  ours: readonly Protection[],
  runs: ReadonlyArray<[number, number]>,
  width: number,
): number | null {
  const spans = new Map<number, Array<[number, number]>>(runs.map(([a]) => [a, []]));
  let header = false;
  for (const p of ours) {
    const r = p.getRange();
    const [row, column, rows, columns] = [r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns()];
    if (row === 1 && rows === 1 && column === 1 && columns === width && !header) {
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
    if (through !== null && through !== reached) return null;
    through = reached;
  }
  return through;
}

/**
 * The one way a grown register's rows come under its protected columns: rows `through` + 1 … `last`
 * get one new range per run of system columns, with `editors`; the ranges above stay as they are.
 */
export function protectRowsBelow(
  sheet: Sheet,
  runs: ReadonlyArray<[number, number]>,
  editors: readonly string[],
  through: number,
  last: number,
): void {
  for (const [a, b] of runs) {
    const protection = sheet.getRange(through + 1, a, last - through, b - a + 1).protect();
    syncEditors(protection, editors, REGISTER_COLUMNS_PROTECTION);
  }
}

/**
 * Setup's repair (and the hourly job's, `onlyWhenRowsChanged`): the header row and system columns
 * protected down to the sheet's last row. Rows Sheets adds later (appendRow) lie below them until
 * the next repair or the hourly extension; the edit trigger still judges every change typed there.
 * Editors are synced on every range unless only the rows are to be followed.
 */
export function protectRegister(
  sheet: Sheet,
  wanted: readonly string[],
  onlyWhenRowsChanged = false,
): boolean {
  const header = readHeaderRow(sheet);
  const maxRows = sheet.getMaxRows();
  const width = Math.max(header.length, 1);
  const runs = systemColumnRuns(header);
  const ours = registerColumnProtections(sheet);
  const through = protectedThrough(ours, runs, width);
  if (through === null || through > maxRows) {
    for (const p of ours) p.remove();
    syncEditors(sheet.getRange(1, 1, 1, width).protect(), wanted, REGISTER_COLUMNS_PROTECTION);
    if (maxRows > 1) protectRowsBelow(sheet, runs, wanted, 1, maxRows);
    return true;
  }
  let changed = false;
  if (!onlyWhenRowsChanged)
    for (const p of ours) changed = syncEditors(p, wanted, REGISTER_COLUMNS_PROTECTION) || changed;
  if (through < maxRows) {
    protectRowsBelow(sheet, runs, wanted, through, maxRows);
    changed = true;
  }
  return changed;
}
