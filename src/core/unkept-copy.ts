/**
 * A Staff or Settings edit when Work Orders keeps no accepted copy of the tab (a workbook set up by an
 * older version, or a copy dropped because the property store was full). The edit event says which
 * cells changed but, for a paste, not what they held: taking the edited sheet as the tab before the
 * edit would find nothing changed and accept a pasted "Administrator" unjudged and unlogged. So the
 * edited cells count as changed from an unknown value, and the editor's right to make the change is
 * read only from what the edit could not have written: the installation owner (a document property)
 * and the administrators on Staff rows the edit did not touch.
 */
import { changedCells, type Grid } from './settings-edit';
import { mapHeaders } from './headers';
import { STAFF_COLUMNS, administratorEmails, parseStaff } from './staff';

/** What an edited cell held, when the event did not say. */
export const NOT_KNOWN = '(not known)';

export interface EditedCells {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
  /** The event's old value of a single cell ('' when the cell was empty, or when it was a paste). */
  oldValue?: string;
}

const inRange = (range: EditedCells, row: number, column: number): boolean =>
  row >= range.row &&
  row < range.row + range.numRows &&
  column >= range.column &&
  column < range.column + range.numColumns;

/**
 * The single cell's old value when the event gave one. Apps Script leaves it out for a cell that was
 * empty and for a single-cell paste alike, so an empty one is not known either.
 */
export function knownOldValue(range: EditedCells): string | null {
  const single = range.numRows === 1 && range.numColumns === 1;
  return single && range.oldValue !== undefined && range.oldValue !== '' ? range.oldValue : null;
}

/** The tab before the edit as far as it is known: the edited cells empty, or the single cell's old value. */
export function beforeWithoutCopy(now: Grid, range: EditedCells): Grid {
  const known = knownOldValue(range);
  const rows = Math.max(now.length, known === null ? 0 : range.row);
  const before: unknown[][] = [];
  for (let r = 1; r <= rows; r++) {
    const row = [...(now[r - 1] ?? [])];
    for (let c = range.column; c < range.column + range.numColumns && inRange(range, r, c); c++) {
      while (row.length < c) row.push('');
      row[c - 1] = known ?? '';
    }
    before.push(row);
  }
  return before;
}

/**
 * Whether the accepted copy still is the tab outside the edited cells. A row deleted (how people remove
 * someone from Staff) or cells written by a script fire no edit trigger, so the copy can lag the tab:
 * then it no longer says what the edited cells held (rows shifted), nor who may edit (a removed
 * administrator would be judged one by it, and a refusal would put their deleted row back), and the
 * edit is judged as on a tab with no copy.
 */
export function copyStillHolds(copy: Grid, now: Grid, range: EditedCells): boolean {
  return changedCells(copy, now).every((c) => inRange(range, c.row, c.column));
}

/**
 * The copy, for an editor it does not speak for, with the cells this edit wrote on the editor's own
 * rows of it taken as not known (the single cell's old value when the event gave one): the rest of the
 * copy still says what the other rows held, but a removed administrator's row, deleted where no trigger
 * saw, is still in the copy at the place they paste it back, and put back from the copy it would stay.
 * `own` lists those rows.
 */
export function copyWithoutOwnRows(
  copy: Grid,
  range: EditedCells,
  editor: string,
): { before: Grid; own: ReadonlySet<number> } {
  const email = mapHeaders(copy[0] ?? [], STAFF_COLUMNS).indexOf.email;
  const known = knownOldValue(range);
  const own = new Set<number>();
  const before = copy.map((row, i) => {
    const r = i + 1;
    const mine =
      r > 1 &&
      email >= 0 &&
      String(row[email] ?? '')
        .trim()
        .toLowerCase() === editor;
    if (!mine || !inRange(range, r, range.column)) return row;
    own.add(r);
    return row.map((cell, c) => (inRange(range, r, c + 1) ? (known ?? '') : cell));
  });
  return { before, own };
}

/** Whether the value an edited cell held before is unknown (every cell of a paste; an empty old value). */
export function unknownBefore(range: EditedCells, row: number, column: number): boolean {
  return inRange(range, row, column) && knownOldValue(range) === null;
}

/**
 * Who may change the tab: the installation owner, and the active administrators on the Staff tab as
 * this edit left it, counting only rows whose Email, Role and Active cells it did not write (a row
 * whose rights the edit wrote speaks for nobody: a removed administrator pasting their deleted row
 * back, whom a lagging copy still lists at that very place; a touched header leaves no column to
 * read, so only the owner). An administrator's own Name or Hourly Rate still counts as theirs.
 */
export function trustedEditors(
  staffNow: Grid,
  staffRange: EditedCells | null,
  installationOwner: string | null,
): string[] {
  const header = mapHeaders(staffNow[0] ?? [], STAFF_COLUMNS).indexOf;
  const rights = [header.email, header.role, header.active].filter((i) => i >= 0).map((i) => i + 1);
  const untouched = staffNow.map((row, i) => {
    const r = i + 1;
    const touched =
      staffRange !== null &&
      (r === 1 ? inRange(staffRange, r, staffRange.column) : rights.some((c) => inRange(staffRange, r, c)));
    return touched ? row.map(() => '') : row;
  });
  const admins = administratorEmails(parseStaff(untouched).staff);
  return installationOwner && !admins.includes(installationOwner) ? [...admins, installationOwner] : admins;
}
