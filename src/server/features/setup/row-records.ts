/**
 * Setup's step that gives the register's rows their record (adapters/row-state-backfill-runs.ts), and
 * what it tells the administrator: rows recorded, seals, rows whose cells could not be vouched for,
 * and, when one run was not enough (a large register whose hidden column was deleted, or that never
 * had one), how many rows are left and that running Set up work orders again goes on from there.
 */
import { backfillRowStates, type RowStatesBackfill } from '../../adapters/row-state-backfill-runs';
import { reportSealing } from '../../adapters/row-state-vouch';
import { ROW_STATE_HEADER } from '../../adapters/row-state';
import { withDocumentLock } from '../../adapters/document-lock';
import { answersVouch } from '../integrity/answers-vouch';
import type { Sheet, Spreadsheet } from '../../adapters/apps-script-types';
import type { SetupReport } from './report';

/**
 * How long into a setup run the records may still be filled: past it, the rest waits for the next run,
 * leaving the steps after it (the restored columns' refill, the claim marked finished) well inside
 * Google's 6-minute limit. The runs' row limit bounds the estimate; this bounds a slow day.
 */
export const RECORDS_DEADLINE_MS = 4 * 60_000;

/** The rows' records, in holds of their own, up to one run's share; said in `report` unless `quiet`. */
export function recordRows(
  ss: Spreadsheet,
  sheet: Sheet,
  startedMs: number,
  report: SetupReport,
  quiet: boolean,
): RowStatesBackfill {
  const records = backfillRowStates(
    sheet,
    withDocumentLock,
    answersVouch(ss),
    startedMs + RECORDS_DEADLINE_MS,
  );
  const filled = records.filled + records.earlier.filled;
  if (records.filled > 0 && !quiet)
    report.repaired.push(
      records.unfinished === null && records.earlier.filled > 0
        ? `Work Orders: recorded the current values of ${records.filled} row(s), the last of ${filled} recorded over several runs of Set up work orders`
        : `Work Orders: recorded the current values of ${records.filled} row(s)`,
    );
  reportSealing(records, quiet ? null : report);
  if (records.unfinished !== null) {
    const { rows, perRun } = records.unfinished;
    const runs = Math.max(1, Math.ceil(rows / perRun));
    const refused = records.differing.length + records.unchecked.length > 0;
    report.unfinished = true;
    report.nextSteps.push(
      `${rows} row(s) of the register still have no "${ROW_STATE_HEADER}" of their own: this run stopped there to stay well inside Google's 6-minute limit for one run. ` +
        `Run Set up work orders again to go on where it stopped: each run records up to ${perRun} rows, so about ${runs} more run(s) of a few minutes each. ` +
        (refused
          ? 'Rows whose cells Work Orders cannot vouch for (named above) are looked at again by every run and keep no record until Verify audit log puts them back, so the count may include more of them. '
          : '') +
        'Until a row has its record, actions on it are refused and a paste over it is put back as the Change Log records it; typing one cell at a time works.',
    );
  }
  return records;
}
