/**
 * After an accepted edit that took a Location off Settings, an Asset ID off the Assets tab or a
 * category's items off the Checklists tab: what still names it is found (core/names-left-behind.ts says
 * why the edit stands and nothing is rewritten) and the administrator told. Read only when a name was
 * dropped: the register's four columns in one read, and the Schedules (and, for a location, Assets) tab
 * in one read each.
 */
import { assetIdOfAnswer, ASSET_COLUMNS } from '../../../core/assets';
import { cellText, mapHeaders } from '../../../core/headers';
import { SHEET_NAMES, type WorkOrderField } from '../../../core/model';
import {
  LEFT_BEHIND_NOTE,
  leftBehindNotes,
  leftBehindToast,
  namesLeftBehind,
  type LeftBehindKind,
  type NameLeftBehind,
  type TabNameCells,
} from '../../../core/names-left-behind';
import { SCHEDULE_COLUMNS } from '../../../core/schedules';
import { PUT_BACK_NOTE } from '../../../core/settings-edit';
import { Register } from '../../adapters/register';
import { rewriteNotes, type CellRect } from '../../adapters/edited-cells';
import { readTabValues } from '../../adapters/workbook';
import type { Sheet, Spreadsheet } from '../../adapters/apps-script-types';

export interface LeftBehindCheck {
  uses: NameLeftBehind[];
  toast: string | null;
}

/** The register field and Schedules column each kind is named in. */
const NAMED_IN: Readonly<
  Record<LeftBehindKind, { field: WorkOrderField; schedules: keyof typeof SCHEDULE_COLUMNS }>
> = {
  location: { field: 'location', schedules: 'location' },
  asset: { field: 'asset', schedules: 'asset' },
  checklist: { field: 'category', schedules: 'category' },
};

function tabCells<K extends string>(
  ss: Spreadsheet,
  tab: string,
  columns: Readonly<Record<K, string>>,
  label: K,
  named: K,
): TabNameCells | null {
  const values = readTabValues(ss, tab);
  if (!values || values.length < 2) return null;
  const layout = mapHeaders(values[0] ?? [], columns);
  return { values, label: layout.indexOf[label], named: layout.indexOf[named] };
}

/** An Asset cell names its asset by id, or by the form's "PUMP-01 — Boiler feed pump" answer. */
const assetOfCell = (cell: unknown): string => assetIdOfAnswer(cellText(cell)) ?? cellText(cell);

export function checkNamesLeftBehind(
  ss: Spreadsheet,
  kind: LeftBehindKind,
  dropped: readonly string[],
): LeftBehindCheck {
  if (dropped.length === 0) return { uses: [], toast: null };
  const { field, schedules } = NAMED_IN[kind];
  try {
    const columns = Register.open(ss).readFields(['id', 'woNumber', 'status', field]);
    const uses = namesLeftBehind(kind, dropped, {
      orders: {
        id: columns.cells('id'),
        woNumber: columns.cells('woNumber'),
        status: columns.cells('status'),
        named: columns.cells(field),
      },
      schedules: tabCells(ss, SHEET_NAMES.schedules, SCHEDULE_COLUMNS, 'id', schedules),
      assets: kind === 'location' ? tabCells(ss, SHEET_NAMES.assets, ASSET_COLUMNS, 'id', 'location') : null,
      orderName: kind === 'asset' ? assetOfCell : undefined,
    });
    return { uses, toast: leftBehindToast(uses) };
  } catch (error) {
    // The edit stands either way; the administrator is told the check could not be made, not nothing.
    console.error(`What still names a dropped name could not be checked: ${String(error)}`);
    const names = dropped.map((n) => `"${n}"`).join(', ');
    const why = error instanceof Error ? error.message : String(error);
    return {
      uses: [],
      toast: `${names} ${dropped.length === 1 ? 'was' : 'were'} taken off, and the work orders and schedules still naming ${dropped.length === 1 ? 'it' : 'them'} could not be read (${why}); look for ${dropped.length === 1 ? 'it' : 'them'} in the register and on the Schedules tab.`,
    };
  }
}

/**
 * Puts the warning's note on the edited cells of `column` (1-based) that held a dropped name still in
 * use, and takes an earlier such note off the other edited cells (it spoke of a value no longer
 * there), as it does an earlier refusal's "put this back" note (the value it complained about is
 * gone: an accepted value beside it reads as refused too). Other notes stay. One read of the notes;
 * one write only when one changes.
 */
export function noteLeftBehind(
  sheet: Sheet,
  range: CellRect,
  before: readonly (readonly unknown[])[],
  column: number,
  uses: readonly NameLeftBehind[],
  stamp: string,
): void {
  const edited: { row: number; column: number; before: unknown }[] = [];
  for (let r = range.row; r < range.row + range.numRows; r++)
    edited.push({ row: r, column, before: before[r - 1]?.[column - 1] ?? '' });
  const notes = column > 0 ? leftBehindNotes(edited, column, uses, stamp) : new Map<string, string>();
  rewriteNotes(sheet, range, (note, row, col) => {
    const mine = notes.get(`${row}:${col}`);
    if (mine !== undefined) return mine;
    return note.startsWith(LEFT_BEHIND_NOTE) || note.startsWith(PUT_BACK_NOTE) ? '' : note;
  });
}
