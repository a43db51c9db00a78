/**
 * The register's header row and the columns only the add-on fills in, as range protections down to
 * the sheet's last row. Setup's repair (protectRegister) and the hourly job's extension
 * (hourly/register-protection.ts) recognise the add-on's ranges alike (protectedThrough) and follow a
 * grown register through one function (protectRowsBelow), never protecting every row again, which at
 * 100,000 rows laid millions of cells under the document lock. Anything other than growth at the
 * bottom (a changed layout, a range removed by hand) is rebuilt: one range per run of columns.
 *
 * The register's open columns are left to the edit trigger, which judges every change typed there.
 */
import { REGISTER_HEADER_ROW, normalizeHeader, registerLayout } from '../../../core/columns';
import { unprotectedRegisterFields } from '../../../core/permissions';
import {
  moveProtection,
  protectCells,
  protectedRect,
  rangeProtections,
} from '../../adapters/installation-services';
import { ROW_STATE_HEADER } from '../../adapters/row-state';
import { readHeaderRow } from '../../adapters/workbook';
import { gridRows } from '../../adapters/tabs';
import { syncEditors } from './protection-editors';
import type { Sheet, Protection } from '../../adapters/apps-script-types';

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

/** The add-on's ranges as protectedThrough reads them: the row they reach, and each run's bottom range. */
export interface ProtectedRows {
  through: number;
  /** Per run (by its first column): the range that ends at `through`, and the row it starts at. */
  bottoms: ReadonlyMap<number, { protection: Protection; from: number }>;
}

/**
 * The last row every system column run is protected through, when `ours` are exactly the header row
 * and, per run, ranges covering rows 2 … that row without a gap (1: no run has a range yet); else null.
 */
export function protectedThrough(
  ours: readonly Protection[],
  runs: ReadonlyArray<[number, number]>,
  width: number,
): ProtectedRows | null {
  const spans = new Map<number, Array<{ from: number; to: number; protection: Protection }>>(
    runs.map(([a]) => [a, []]),
  );
  let header = false;
  for (const p of ours) {
    const { row, column, numRows: rows, numColumns: columns } = protectedRect(p);
    if (row === 1 && rows === 1 && column === 1 && columns === width && !header) {
      header = true;
      continue;
    }
    const run = runs.find(([a, b]) => a === column && b - a + 1 === columns);
    if (!run || row < 2) return null;
    spans.get(column)?.push({ from: row, to: row + rows - 1, protection: p });
  }
  if (!header || runs.length === 0) return null;
  let through: number | null = null;
  const bottoms = new Map<number, { protection: Protection; from: number }>();
  for (const [column, list] of spans) {
    list.sort((x, y) => x.from - y.from);
    let reached = 1;
    for (const { from, to, protection } of list) {
      if (from > reached + 1) return null;
      if (to >= reached) bottoms.set(column, { protection, from });
      reached = Math.max(reached, to);
    }
    if (through !== null && through !== reached) return null;
    through = reached;
  }
  return through === null ? null : { through, bottoms };
}

/**
 * The one way a grown register's rows below `protectedRows.through` … `last` come under its protected
 * columns, for each run of system columns. By default each run gets a new range with `editors` and
 * the ranges above stay as they are (the hourly job, which covers a few thousand rows at a time and
 * resumes where it stopped). With `stretch` (setup), each run's bottom range is moved onto its taller
 * range instead (Protection.setRange: one call, its editors kept), so any number of new rows is covered
 * without laying a protection over them, under a short hold of the lock.
 */
export function protectRowsBelow(
  sheet: Sheet,
  runs: ReadonlyArray<[number, number]>,
  editors: readonly string[],
  protectedRows: ProtectedRows,
  last: number,
  stretch = false,
): void {
  const { through, bottoms } = protectedRows;
  for (const [a, b] of runs) {
    const bottom = stretch ? bottoms.get(a) : undefined;
    if (bottom) {
      const cells = { row: bottom.from, column: a, numRows: last - bottom.from + 1, numColumns: b - a + 1 };
      moveProtection(bottom.protection, sheet, cells);
      continue;
    }
    const protection = protectCells(sheet, {
      row: through + 1,
      column: a,
      numRows: last - through,
      numColumns: b - a + 1,
    });
    syncEditors(protection, editors, REGISTER_COLUMNS_PROTECTION);
  }
}

type Placed = { protection: Protection; rect: ReturnType<typeof protectedRect> };

/**
 * The add-on's ranges fitted to `runs` again after a column was deleted inside a run: Sheets narrows
 * a range a deleted column ran through, and setup puts the column back at the register's end, so the
 * run is as wide as before and each of its ranges one column short (at 100,000 rows, some 200 ranges
 * the hourly job added as the register grew). Each run's ranges, read down from row 2 with no gap,
 * become one: the first moved onto the run's width and every row they reached (one call, its editors
 * kept; setup sets them again next), the others removed; the header row's range moved onto the
 * header's width. That replaced laying the whole register's protected columns again (3.2 million
 * cells at 100,000 rows, about 160 s estimated, besides the ~200 removals). Null, changing nothing,
 * when a range starts at no run's first column or a run's rows have a gap: the layout changed
 * otherwise, and every range is laid again. Else the ranges left.
 */
function refitToRuns(
  sheet: Sheet,
  ours: readonly Protection[],
  runs: ReadonlyArray<[number, number]>,
  width: number,
): Protection[] | null {
  let header: Placed | null = null;
  const byRun = new Map<number, Placed[]>(runs.map(([a]) => [a, []]));
  for (const protection of ours) {
    const rect = protectedRect(protection);
    if (!header && rect.row === 1 && rect.numRows === 1 && rect.column === 1) header = { protection, rect };
    else if (rect.row < 2 || !byRun.has(rect.column)) return null;
    else byRun.get(rect.column)?.push({ protection, rect });
  }
  if (!header) return null;
  const plans: Array<{ keep: Placed; rect: Placed['rect']; drop: Placed[] }> = [];
  for (const [a, b] of runs) {
    const pieces = (byRun.get(a) ?? []).sort((x, y) => x.rect.row - y.rect.row);
    const [keep, ...drop] = pieces;
    if (!keep) return null;
    let reached = 1;
    for (const { rect } of pieces) {
      if (rect.row > reached + 1) return null;
      reached = Math.max(reached, rect.row + rect.numRows - 1);
    }
    plans.push({ keep, rect: { row: 2, column: a, numRows: reached - 1, numColumns: b - a + 1 }, drop });
  }
  const same = (x: Placed['rect'], y: Placed['rect']): boolean =>
    x.row === y.row && x.column === y.column && x.numRows === y.numRows && x.numColumns === y.numColumns;
  if (header.rect.numColumns !== width)
    moveProtection(header.protection, sheet, { ...header.rect, numColumns: width });
  for (const { keep, rect, drop } of plans) {
    if (!same(keep.rect, rect)) moveProtection(keep.protection, sheet, rect);
    for (const { protection } of drop) protection.remove();
  }
  return [header.protection, ...plans.map((p) => p.keep.protection)];
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
  const maxRows = gridRows(sheet);
  const width = Math.max(header.length, 1);
  const runs = systemColumnRuns(header);
  let ours = registerColumnProtections(sheet);
  let found = protectedThrough(ours, runs, width);
  // Setup's only: every range's editors are set again below, whoever made the range moved.
  const refitted = found === null && !onlyWhenRowsChanged ? refitToRuns(sheet, ours, runs, width) : null;
  if (refitted) {
    ours = refitted;
    found = protectedThrough(ours, runs, width);
  }
  if (found === null || found.through > maxRows) {
    for (const p of ours) p.remove();
    const headerRow = { row: 1, column: 1, numRows: 1, numColumns: width };
    syncEditors(protectCells(sheet, headerRow), wanted, REGISTER_COLUMNS_PROTECTION);
    if (maxRows > 1) protectRowsBelow(sheet, runs, wanted, { through: 1, bottoms: new Map() }, maxRows);
    return true;
  }
  let changed = false;
  if (!onlyWhenRowsChanged)
    for (const p of ours) changed = syncEditors(p, wanted, REGISTER_COLUMNS_PROTECTION, true) || changed;
  if (found.through < maxRows) {
    protectRowsBelow(sheet, runs, wanted, found, maxRows, true);
    changed = true;
  }
  return changed;
}
