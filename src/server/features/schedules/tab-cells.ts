/**
 * Next Due and Last Created back on the Schedules tab, for the administrator, at the end of the
 * hourly job's preventive-maintenance step. The run read the tab when it started; by now an
 * administrator may have sorted it, inserted or deleted rows, or typed in these cells. So the tab is
 * read again (one read) and each value is placed by its schedule's id, written only over the value
 * the run read (core/schedule-cells.ts); what cannot be placed is left as it stands and named in the
 * job's report. Read and written under the document lock where there is a document (the menu's run),
 * as the add-on's other writers of the tab (the edit trigger) hold it; the trigger's run has none, and
 * nothing it holds would keep an administrator out, so it takes no lock (the job's lease already keeps
 * two runs apart) and the re-read is its only extra call. The job never decides from these cells
 * whether an occurrence was made (its ledger and the register do), so a value left unwritten costs
 * no order and makes none twice: the next run plans from the ledger and the cell.
 */
import { cellText, mapHeaders } from '../../../core/headers';
import { SCHEDULE_COLUMNS } from '../../../core/schedules';
import { placeScheduleWrites, sameCell, type ScheduleCellWrite } from '../../../core/schedule-cells';
import { fromLocalParts, type LocalDate } from '../../../core/time';
import type { WorkOrder } from '../../../core/model';
import { withDocumentLockIfAny } from '../../adapters/document-lock';
import { readScheduleColumns, writeScheduleColumnRun } from '../../adapters/schedules-tab';
import type { Spreadsheet } from '../../adapters/apps-script-types';

/**
 * Writes this run's Next Due (by the row the run read it from) and Last Created (for the schedules
 * that had orders made) where their schedules are now: one read, then one write per column, over the
 * rows that change. Returns what was left as it stands, and why.
 */
export function writeBackScheduleCells(
  ss: Spreadsheet,
  /** The tab as read when the run started, row 1 the header. */
  values: readonly (readonly unknown[])[],
  nextDue: ReadonlyMap<number, LocalDate>,
  created: readonly WorkOrder[],
  now: Date,
  timeZone: string,
): string[] {
  const header = values[0] ?? [];
  const layout = mapHeaders(header, SCHEDULE_COLUMNS);
  const idColumn = layout.indexOf.id;
  if (idColumn < 0) return [];
  const { nextDue: dueColumn, lastCreated: createdColumn } = layout.indexOf;
  const createdFor = new Set(created.map((o) => o.responseRef.split(' ')[1] ?? ''));
  const writes: ScheduleCellWrite[] = [];
  values.forEach((cells, i) => {
    const id = cellText(cells[idColumn]).trim();
    if (i === 0 || id === '') return;
    const due = nextDue.get(i + 1);
    if (due && dueColumn >= 0) {
      const date = fromLocalParts(due, timeZone);
      if (!sameCell(cells[dueColumn], date))
        writes.push({ column: dueColumn, id, old: cells[dueColumn], value: date });
    }
    if (createdColumn >= 0 && createdFor.has(id))
      writes.push({ column: createdColumn, id, old: cells[createdColumn], value: now });
  });
  // Nothing to write (the steady state): no lock, no read.
  if (writes.length === 0) return [];
  const columns = [idColumn, ...writes.map((w) => w.column)];
  const first = Math.min(...columns);
  return withDocumentLockIfAny(() => {
    const fresh = readScheduleColumns(ss, first, Math.max(...columns));
    const placed = placeScheduleWrites(header, idColumn, writes, fresh, first);
    for (const run of placed.runs) writeScheduleColumnRun(ss, run.column, run.top, run.cells);
    return placed.left;
  });
}
