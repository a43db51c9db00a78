/**
 * Column groups of one tab, host side, and the script-visible Group.
 *
 * Google's model (Sheets API DimensionGroup; Apps Script Group, Range.shiftColumnGroupDepth): every
 * column has a group depth from 0 to 8; a group of depth d is a maximal run of adjacent columns whose
 * depth is at least d, so groups nest and adjacent ones of a depth merge. Collapsing a group hides its
 * columns, expanding shows them (except those of a deeper group that stays collapsed); a column can
 * still be hidden or shown on its own whatever its group's state. The toggle sits before the group
 * unless the sheet puts it after (SheetProperties.columnGroupControlAfter, false by default).
 * Reference: developers.google.com/apps-script/reference/spreadsheet/group
 */
import type { ExecutionContext } from '../execution';
import { GasError } from '../gas-object';
import { SpreadsheetGasObject } from './base';
import { Messages, fail } from './errors';
import type { SheetModel } from './sheet-model';
import { Range } from './range';
import type { ColumnRun } from './column-group-model';

/** Hides (collapse) or shows (expand) the columns of a run; expanding leaves deeper collapsed groups hidden. */
export function applyCollapsed(sheet: SheetModel, run: ColumnRun, collapsed: boolean): void {
  const groups = sheet.columnGroups;
  groups.setCollapsed(run, collapsed);
  for (let c = run.start; c <= run.end; c++) {
    if (collapsed) {
      sheet.hiddenColumns.set(c, true);
      continue;
    }
    const deeperCollapsed = ((groups.collapsed.get(c) ?? 0) & ~((1 << (run.depth + 1)) - 1)) !== 0;
    if (!deeperCollapsed) sheet.hiddenColumns.delete(c);
  }
}

/**
 * Sheet.getColumnGroup: the group of `depth` by an index within it or its control toggle's index; null
 * when there is none (the reference types the result Group|null).
 */
export function findColumnGroup(sheet: SheetModel, columnIndex: number, depth: number): ColumnRun | null {
  const groups = sheet.columnGroups;
  const within = groups.runAt(columnIndex, depth);
  if (within) return within;
  return (
    groups.runs().find((run) => run.depth === depth && controlIndexOf(sheet, run) === columnIndex) ?? null
  );
}

export function controlIndexOf(sheet: SheetModel, run: ColumnRun): number {
  return sheet.columnGroupControlAfter ? run.end + 1 : run.start - 1;
}

export function checkColumn(sheet: SheetModel, column: number): void {
  if (!Number.isInteger(column) || column < 1 || column > sheet.maxColumns) fail(Messages.columnsOutOfBounds);
}

/** Apps Script's Group, for a column group: a view of the run it was found at. */
export class Group extends SpreadsheetGasObject {
  readonly gasClass = 'Group';

  constructor(
    ctx: ExecutionContext,
    readonly _sheet: SheetModel,
    readonly _run: ColumnRun,
  ) {
    super(ctx);
  }

  /** The group as it stands now; Google fails on a group removed since. */
  _current(): ColumnRun {
    const run = this._sheet.columnGroups.runAt(this._run.start, this._run.depth);
    if (!run || run.start !== this._run.start || run.end !== this._run.end)
      throw new GasError('The group no longer exists.');
    return run;
  }

  collapse(): Group {
    applyCollapsed(this._sheet, this._current(), true);
    return this;
  }

  expand(): Group {
    applyCollapsed(this._sheet, this._current(), false);
    return this;
  }

  isCollapsed(): boolean {
    return this._sheet.columnGroups.isCollapsed(this._current());
  }

  getDepth(): number {
    return this._current().depth;
  }

  getControlIndex(): number {
    return controlIndexOf(this._sheet, this._current());
  }

  /** The group's columns, every row. */
  getRange(): Range {
    const run = this._current();
    return new Range(
      this.ctx,
      this._sheet,
      { row: 1, column: run.start, numRows: this._sheet.maxRows, numColumns: run.end - run.start + 1 },
      'columns',
    );
  }

  /** "Removes this group from the sheet, reducing the group depth of the range by one." */
  remove(): void {
    const run = this._current();
    this._sheet.columnGroups.shift(run.start, run.end, -1);
  }
}

/** Range.shiftColumnGroupDepth(delta). */
export function shiftColumnGroupDepth(sheet: SheetModel, start: number, end: number, delta: number): void {
  // An Integer parameter: Apps Script drops a fraction.
  sheet.columnGroups.shift(start, end, Math.trunc(delta));
}
