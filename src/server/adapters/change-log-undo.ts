/**
 * A register edit whose trigger failed before its change was logged is put back. A person's edit is
 * in the sheet before the edit trigger runs; if the trigger fails (a service error) before its log
 * rows land, the edit would stay unlogged. The trigger's error handler calls this: the edited rows
 * are read again and every add-on column that differs from the row's Last Known State (what the
 * add-on last wrote or accepted, and logged) is written back from it, so the register again equals
 * what the log says. The person sees their edit undone and makes it again.
 *
 * It runs under the same locks as the trigger; rows whose state cannot be read, and long texts kept
 * only as fingerprints, are left as they are. An execution killed outright (timeout) runs no handler:
 * that case is not repaired here.
 */
import { rowToWorkOrder } from '../../core/columns';
import { REGISTER_COLUMNS, SHEET_NAMES, type WorkOrder, type WorkOrderField } from '../../core/model';
import { withOwnerAndDocumentLocks } from './document-lock';
import { Register } from './register';
import { parseRowState, sameFieldValue } from './row-state';
import type { CellRect } from './edited-cells';
import type { Range, Sheet } from './apps-script-types';

const FIELDS = (Object.keys(REGISTER_COLUMNS) as WorkOrderField[]).filter((f) => f !== 'revision');

/** Best effort: never throws (the trigger's own error is what gets reported). */
export function undoUnloggedEdit(range: Range): void {
  try {
    const sheet = range.getSheet();
    if (sheet.getName() !== SHEET_NAMES.register) return;
    const top = Math.max(2, range.getRow());
    const count = range.getRow() + range.getNumRows() - top;
    if (count <= 0) return;
    withOwnerAndDocumentLocks(() => {
      const register = Register.onSheet(sheet, { shareHeader: false });
      if (register.stateIndex < 0) return;
      register.readRows(top, count).forEach((cells, i) => {
        const state = parseRowState(cells[register.stateIndex]);
        if (!state) return;
        let current: WorkOrder | null;
        try {
          current = rowToWorkOrder(cells, register.layout, top + i);
        } catch {
          current = null; // a value the register cannot read (an unknown status): put back too
        }
        const differs =
          current === null ||
          FIELDS.some(
            (field) =>
              state.fingerprints[field] === undefined &&
              !sameFieldValue(field, current[field], state.order[field]),
          );
        if (!differs) return;
        const restored: WorkOrder = { ...state.order };
        // Fingerprinted texts cannot be restored from the record: the current ones are kept.
        if (current)
          for (const field of Object.keys(state.fingerprints) as WorkOrderField[])
            (restored as Record<WorkOrderField, unknown>)[field] = current[field];
        const located = { row: top + i, order: current ?? state.order, cells };
        register.write(located, restored);
      });
    });
  } catch (error) {
    console.error(`An edit whose trigger failed could not be put back: ${String(error)}`);
  }
}

/** undoUnloggedEdit over a rectangle of `sheet` (an edit recorded earlier, no event range in hand). */
export function undoUnloggedCells(sheet: Sheet, rect: CellRect): void {
  undoUnloggedEdit(sheet.getRange(rect.row, rect.column, rect.numRows, rect.numColumns));
}
