/**
 * Rows without a record of their own in a sealed workbook (./row-state-backfill-runs backfillRowStates):
 * what a caller vouching for their cells is given and answers, and what setup tells the administrator
 * of its pass over the rows' records: the workbook sealed, rows left unsealed, and rows left without a
 * record because their request's cells could not be vouched for. Nothing once every row is sealed.
 */
import type { RegisterLayout } from '../../core/columns';
import { ROW_STATE_HEADER } from './row-state';
import type { RepairNotes } from './row-state-column';
import type { RowStatesBackfill } from './row-state-backfill-runs';

/** A row without a record of its own (sheet row, id, its cells as read). */
export interface UnrecordedRow {
  row: number;
  id: string;
  cells: readonly unknown[];
}

/**
 * Which of `rows` (sheet rows) hold only what the add-on can vouch for: a script may have written the
 * cells along with blanking the record, and a record setup writes from them would seal its text as
 * the row's baseline, which Verify audit log then agrees with. Supplied by the caller (a feature):
 * the request's answers are read there.
 */
export type Vouch = (
  rows: readonly UnrecordedRow[],
  layout: RegisterLayout,
  /** Every register row's cell in one column (0-based index), rows 2 on: one read. */
  readColumn: (index: number) => unknown[],
) => ReadonlyMap<number, Verdict>;

/** A row's request cells: as its request gave them, not, or nothing to compare them with. */
export type Verdict = 'agrees' | 'differs' | 'unchecked';

/** Rows without a record that setup's warning names by id (the rest are counted). */
const IDS_SHOWN = 20;

/** "3 row(s) (REQ-1, REQ-2, REQ-3)", the first IDS_SHOWN ids named. */
function idList(ids: readonly string[]): string {
  const more = ids.length > IDS_SHOWN ? ` and ${ids.length - IDS_SHOWN} more` : '';
  return `${ids.length} row(s) (${ids.slice(0, IDS_SHOWN).join(', ')}${more})`;
}

/** What setup tells the administrator about the records' seals. */
export function reportSealing(done: RowStatesBackfill, report: RepairNotes | null): void {
  // Marked sealed by the first of several runs: the rows still without a record are not 'every row'.
  const which = done.unfinished === null ? 'every row' : 'every row that had one';
  if (done.nowSealed)
    report?.repaired.push(
      `Work Orders: sealed the hidden "${ROW_STATE_HEADER}" of ${which} (${done.sealed} rewritten) with the add-on's key: from now on a record Work Orders did not seal is refused like a missing one` +
        (done.unfinished === null
          ? ''
          : `; the rows still without one get theirs from the next runs, each only when its request's cells are as the request gave them`),
    );
  if (done.unsealed > 0)
    report?.warnings.push(
      `Work Orders: ${done.unsealed} row(s) keep a "${ROW_STATE_HEADER}" written before seals, because a long text in the row no longer matches it (changed outside Work Orders): run Verify audit log to put it back, then Set up work orders again. Until every row is sealed, unsealed records are still accepted`,
    );
  if (done.differing.length > 0)
    report?.warnings.push(
      `Work Orders: ${idList(done.differing)} have no "${ROW_STATE_HEADER}" of their own and were not given one: their request's cells (Description, Requester, Location…) are not what the request's answers give, so they were changed outside Work Orders. Actions on them stay refused: run Verify audit log, which names what differs, puts it back and records the rows`,
    );
  if (done.unchecked.length > 0)
    report?.warnings.push(
      `Work Orders: ${idList(done.unchecked)} have no "${ROW_STATE_HEADER}" of their own and were not given one: there is no form response row (or schedule) their request's cells can be checked against, so Work Orders cannot tell they are as the request gave them. Actions on them stay refused: run Verify audit log, which puts back a changed Response Row; if it says the form's response rows were edited or removed, copy those rows back as File › Version history shows them (not Restore this version, which takes back every change since), then run Set up work orders again`,
    );
}
