/**
 * How much of the Change Log the reports may count. Returns, time in each status, MTTR and first
 * assignment come from its Status rows, and any editor of the log (technicians are: My work writes it
 * as them) could append rows by script, "Completed → In Progress" for a colleague's order, that the
 * figures would then count, and KPI History keep for good. The add-on's own record of its log (the
 * checkpoint, in document properties) says which sheet row holds the last row it wrote and that row's
 * MAC: rows below it are not the add-on's (or belong to a change still being made) and are left out,
 * and when that row no longer holds its MAC (rows inserted, deleted or rewritten above it) the report
 * says its log figures may be wrong. One read of one cell. A row rewritten in place above the last is
 * caught only by Verify audit log, which checks every row's MAC; the note names it. Where there is no
 * checkpoint to go by (the hourly job's KPI week has no document properties), the rows are counted as
 * they are.
 */
import { readCheckpoint } from '../../adapters/change-log-tail';
import { checkpointRowIntact } from '../../adapters/change-log-read';
import { documentPropertiesOrNull } from '../../adapters/service-handles';
import type { Spreadsheet } from '../../adapters/apps-script-types';

/** The data rows (below the header) the figures may count, out of `read`, and what the report should say. */
export function committedLogRows(ss: Spreadsheet, read: number): { rows: number; notes: string[] } {
  if (!documentPropertiesOrNull()) return { rows: read, notes: [] };
  const checkpoint = readCheckpoint();
  if (!checkpoint) return { rows: read, notes: [] };
  const committed = Math.max(0, checkpoint.row - 1);
  const notes: string[] = [];
  const kept = Math.min(read, committed);
  if (read > committed)
    notes.push(
      `${read - committed} Change Log row(s) below the last one Work Orders recorded were left out of every figure: they were written outside Work Orders (or by a change still being made). An administrator can run Verify audit log to see what they are.`,
    );
  // A last row past the rows read (rows deleted at the end) is not intact either.
  if (checkpoint.row - 1 > read || !checkpointRowIntact(ss, checkpoint))
    notes.push(
      `The Change Log no longer ends where Work Orders recorded (rows were inserted, deleted or changed outside Work Orders), so the figures taken from it (returns, time in each status, time to respond, assign and complete) may be wrong. An administrator can run Verify audit log to find and put back what changed.`,
    );
  return { rows: kept, notes };
}
