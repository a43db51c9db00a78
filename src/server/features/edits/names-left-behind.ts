/**
 * After an accepted edit that took names off a list the add-on keeps: a Category, Priority or Location
 * off Settings, an Asset ID off the Assets tab, a category's items off the Checklists tab. What still
 * names them is found (core/settings-names.ts and core/names-left-behind.ts say why the edit stands and
 * nothing is rewritten) and the administrator told, in the toast and a note on the edited cell. Read
 * only when a name was dropped: the register's columns every check of the edit needs in one read
 * (a Settings edit dropping a category and a location reads it once), and the Schedules (and, for a
 * location, Assets) tab in one read each.
 */
import { assetIdOfAnswer, ASSET_COLUMNS } from '../../../core/assets';
import { cellText, mapHeaders } from '../../../core/headers';
import { SHEET_NAMES, type WorkOrderField } from '../../../core/model';
import {
  LEFT_BEHIND_NOTE,
  droppedFrom,
  leftBehindNotes,
  leftBehindToast,
  namesLeftBehind,
  type LeftBehindKind,
  type NameLeftBehind,
  type TabNameCells,
} from '../../../core/names-left-behind';
import { SCHEDULE_COLUMNS } from '../../../core/schedules';
import { PUT_BACK_NOTE, type ChangedCell, type Grid } from '../../../core/settings-edit';
import { droppedNames, inUseNotes, inUseToast, namesInUse } from '../../../core/settings-names';
import {
  departedTechnicians,
  workLeftBehind,
  workLeftNotes,
  workLeftToast,
} from '../../../core/staff-left-behind';
import type { StaffMember } from '../../../core/model';
import type { Settings } from '../../../core/settings-model';
import { Register } from '../../adapters/register';
import type { FieldColumns } from '../../adapters/register-fields';
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

/** The register's id, WO number and status, and `named`, in one read. */
function readOrders(ss: Spreadsheet, named: readonly WorkOrderField[]): FieldColumns {
  return Register.open(ss).readFields(['id', 'woNumber', 'status', ...named]);
}

/** What still names the dropped names of `kind`, from the register's columns already read. */
function usesOf(
  ss: Spreadsheet,
  kind: LeftBehindKind,
  dropped: readonly string[],
  columns: FieldColumns,
): NameLeftBehind[] {
  if (dropped.length === 0) return [];
  const { field, schedules } = NAMED_IN[kind];
  return namesLeftBehind(kind, dropped, {
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
}

/** The toast when what still names the dropped names could not be read: the edit stands either way. */
function unreadable(dropped: readonly string[], error: unknown): string {
  console.error(`What still names a dropped name could not be checked: ${String(error)}`);
  const names = dropped.map((n) => `"${n}"`).join(', ');
  const why = error instanceof Error ? error.message : String(error);
  const [was, it] = dropped.length === 1 ? ['was', 'it'] : ['were', 'them'];
  return `${names} ${was} taken off, and the work orders and schedules still naming ${it} could not be read (${why}); look for ${it} in the register and on the Schedules tab.`;
}

export function checkNamesLeftBehind(
  ss: Spreadsheet,
  kind: LeftBehindKind,
  dropped: readonly string[],
): LeftBehindCheck {
  if (dropped.length === 0) return { uses: [], toast: null };
  try {
    const uses = usesOf(ss, kind, dropped, readOrders(ss, [NAMED_IN[kind].field]));
    return { uses, toast: leftBehindToast(uses) };
  } catch (error) {
    return { uses: [], toast: unreadable(dropped, error) };
  }
}

export interface EditWarning {
  toast: string | null;
  /** Notes for edited cells, keyed by `${row}:${column}`. */
  notes: Map<string, string>;
}

/**
 * After an accepted Settings edit: a Category or Priority open orders still carry, and a Location open
 * orders, schedules or assets still name, in one toast (a second would replace it on screen) and a
 * note on each edited cell that held one. The register is read once for all of them.
 */
export function checkSettingsNames(
  ss: Spreadsheet,
  before: { grid: Grid; settings: Settings },
  after: Settings,
  changes: readonly ChangedCell[],
  stamp: string,
): EditWarning {
  const dropped = {
    category: droppedNames(before.settings, after, 'category'),
    priority: droppedNames(before.settings, after, 'priority'),
  };
  const locations = droppedFrom(before.settings.locations, after.locations);
  const named = dropped.category.length + dropped.priority.length > 0;
  if (!named && locations.length === 0) return { toast: null, notes: new Map() };
  try {
    const columns = readOrders(ss, [
      ...(named ? (['category', 'priority'] as const) : []),
      ...(locations.length > 0 ? (['location'] as const) : []),
    ]);
    const inUse = named
      ? namesInUse(dropped, {
          id: columns.cells('id'),
          woNumber: columns.cells('woNumber'),
          status: columns.cells('status'),
          category: columns.cells('category'),
          priority: columns.cells('priority'),
        })
      : [];
    const left = usesOf(ss, 'location', locations, columns);
    const header = (before.grid[0] ?? []).map((h) => cellText(h).trim().toLowerCase());
    const notes = new Map([
      ...inUseNotes(before.grid, changes, inUse, stamp),
      ...leftBehindNotes(changes, header.indexOf('location') + 1, left, stamp),
    ]);
    const toast = [inUseToast(inUse), leftBehindToast(left)].filter(Boolean).join(' ') || null;
    return { toast, notes };
  } catch (error) {
    return {
      toast: unreadable([...dropped.category, ...dropped.priority, ...locations], error),
      notes: new Map(),
    };
  }
}

/**
 * After an accepted Staff edit: a technician made inactive, given another role or taken off the tab
 * while open work is still assigned to them. One read of the register, only when someone left.
 */
export function checkStaffLeftBehind(
  ss: Spreadsheet,
  before: { grid: Grid; staff: readonly StaffMember[] },
  after: readonly StaffMember[],
  changes: readonly ChangedCell[],
  stamp: string,
): EditWarning {
  const departed = departedTechnicians(before.staff, after);
  if (departed.length === 0) return { toast: null, notes: new Map() };
  try {
    const columns = readOrders(ss, ['assignee']);
    const held = workLeftBehind(departed, {
      id: columns.cells('id'),
      woNumber: columns.cells('woNumber'),
      status: columns.cells('status'),
      assignee: columns.cells('assignee'),
    });
    return { toast: workLeftToast(held), notes: workLeftNotes(before.grid, changes, held, stamp) };
  } catch (error) {
    console.error(`Open work of a technician who left could not be checked: ${String(error)}`);
    const why = error instanceof Error ? error.message : String(error);
    const who = departed.map((m) => m.email).join(', ');
    return {
      toast: `${who} can no longer be given work, and the register could not be read to find open work still assigned to them (${why}); look for it under their name in Review & assign.`,
      notes: new Map(),
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
