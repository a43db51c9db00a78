/**
 * Setup's check of a row that has no record of its own in a sealed workbook, before it seals one from
 * the row's cells (adapters/row-state-backfill-runs.ts backfillRowStates). A script can blank the hidden
 * record along with rewriting what the request's answers gave (Description, Requester, Location…),
 * which no change-log line covers: a record written from those cells would seal the forged text as
 * the row's baseline, and Verify audit log would then agree with it. So such a row is sealed only
 * when each answered cell is what its request gives: the form's response row its Response Ref names
 * (read for these rows only, in runs), or, for an order a schedule made, what its schedule fills in
 * now. The rest keep no record and are named, for Verify, which compares them with the request as the
 * change log names it, puts them back and writes their record.
 *
 * The honest case is the hidden column deleted by hand: every row then lacks a record, and each one
 * whose cells are its request's is sealed again here, so actions on it work without a Verify.
 */
import type { RegisterLayout } from '../../../core/columns';
import { newWorkOrder, parseSubmission } from '../../../core/intake';
import type { WorkOrder } from '../../../core/model';
import { loadReferenceData } from '../../adapters/reference-data';
import type { UnrecordedRow, Verdict, Vouch } from '../../adapters/row-state-vouch';
import type { Spreadsheet } from '../../adapters/apps-script-types';
import { cellText } from '../../../core/headers';
import { ANSWER_FIELDS } from '../../../core/intake';
import { readField, sameAsLogged } from './register-check';
import { readResponseRows } from './rebuild';
import { scheduledOrders } from './rebuild-scheduled';

/** The text of the row's Response Ref cell ('' without the column). */
function refOf(row: UnrecordedRow, layout: RegisterLayout): string {
  const index = layout.indexOf.responseRef;
  return index < 0 ? '' : cellText(row.cells[index]).trim();
}

/** Whether every answered cell of `row` is what `given` (its request as made) holds. */
function agrees(row: UnrecordedRow, given: WorkOrder, layout: RegisterLayout): boolean {
  return ANSWER_FIELDS.every((field) => {
    if (layout.indexOf[field] < 0) return true;
    const value = given[field];
    if (typeof value !== 'string') return true;
    const read = readField(row.cells, layout, row.id, field);
    return read.ok && sameAsLogged(given, field, value, read.value);
  });
}

/**
 * The vouch setup hands to backfillRowStates for spreadsheet `ss`. A Response Ref another row of the
 * register names too vouches for neither: a script could point a row at another request's response
 * row and copy that request's answers into it. The register's Response Ref column is read once a run,
 * and only when some row lacks a record.
 */
export function answersVouch(ss: Spreadsheet): Vouch {
  let named: Map<string, number> | null = null;
  return (rows, layout, readColumn) => {
    if (named === null) {
      named = new Map();
      const index = layout.indexOf.responseRef;
      for (const cell of index < 0 ? [] : readColumn(index)) {
        const ref = cellText(cell).trim();
        if (ref !== '') named.set(ref, (named.get(ref) ?? 0) + 1);
      }
    }
    const claimed = named;
    const refs = new Map(
      rows.map((r) => {
        const ref = refOf(r, layout);
        return [r.row, (claimed.get(ref) ?? 0) > 1 ? '' : ref];
      }),
    );
    const answers = readResponseRows(
      ss,
      [...refs.values()].filter((ref) => ref !== ''),
    );
    const reference = loadReferenceData(ss);
    const unanswered = rows.filter((r) => !answers.has(refs.get(r.row) ?? ''));
    const scheduled = scheduledOrders(
      ss,
      new Map(unanswered.map((r) => [r.id, refs.get(r.row) ?? ''] as const).filter(([, ref]) => ref !== '')),
      reference,
    );
    const verdicts = new Map<number, Verdict>();
    for (const row of rows) {
      const ref = refs.get(row.row) ?? '';
      const named = answers.get(ref);
      const given = named
        ? newWorkOrder(parseSubmission(named, reference.settings.locations), {
            id: row.id,
            requestedAt: new Date(0),
            responseRef: ref,
          })
        : scheduled.get(row.id);
      verdicts.set(row.row, !given ? 'unchecked' : agrees(row, given, layout) ? 'agrees' : 'differs');
    }
    return verdicts;
  };
}
