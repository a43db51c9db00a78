/**
 * What Verify reports of an order beyond its cells (./register-check compares those): the breaks in
 * its logged history and the technician steps by someone who was not its assignee then
 * (core/register-history.ts), and register rows the log cannot account for: an id on two rows, an id
 * the log never created. None of these is a value to put back (a history is not rewritten, and which
 * of two rows is the copy is a person's call), so each is said in words (`note`) and the put-back
 * leaves it alone.
 */
import { formatRequestId } from '../../../core/ids';
import { REGISTER_COLUMNS, emptyWorkOrder, type WorkOrderField } from '../../../core/model';
import type { RegisterRecords } from '../../../core/register-audit';
import {
  awaitingLog,
  neverCreated,
  type ForeignStep,
  type HistoryBreak,
} from '../../../core/register-history';
import { parseRowState } from '../../adapters/row-state';
import { cellText } from '../../../core/headers';
import { singleLine } from '../../../core/sanitize';
import {
  loggedShown,
  sameAsLogged,
  valueOf,
  type RegisterFinding,
  type RegisterSnapshot,
} from './register-check';

/** What the history check needs beyond the log: who supervises (may take any order's step). */
export interface HistoryJudge {
  supervises: (email: string) => boolean;
}

const VERSION_HISTORY = 'File › Version history names the account behind each write to the register';

/** Whether two logged texts of `field` are one value as the register holds it (a date to the second…). */
function sameValue(id: string, field: WorkOrderField, a: string, b: string): boolean {
  const held = valueOf(field, a);
  return held === undefined || sameAsLogged({ ...emptyWorkOrder(), id }, field, b, held);
}

function breakNote(id: string, b: HistoryBreak, timeZone: string): string {
  const column = REGISTER_COLUMNS[b.field];
  return (
    `the change log gave its ${column} ${loggedShown(b.field, b.last, timeZone)} at Change Log row ${b.lastRow}, ` +
    `but its next ${column} line (Change Log row ${b.logRow}) changes it from ${loggedShown(b.field, b.old, timeZone)}: ` +
    `${id}'s ${column} was written between those rows where the add-on does not see (a script, the Sheets API or ` +
    `another add-on), so that change was never checked nor logged, and what was done to ${id} from row ` +
    `${b.logRow} on rests on it. ${VERSION_HISTORY}; check ${id} with that person and a supervisor.`
  );
}

function foreignNote(id: string, step: ForeignStep): string {
  const assigned = step.assignee === '' ? 'to nobody' : `to ${step.assignee}`;
  const did =
    step.recorded === '' ? `take it from ${step.from} to ${step.to}` : `record a ${step.recorded} row on it`;
  const what = step.recorded === '' ? 'the step' : `the ${step.recorded} row`;
  return (
    `Change Log row ${step.logRow} has ${step.user} ${did}, but the change log has ` +
    `${id} assigned ${assigned} then (Change Log row ${step.assigneeRow}), and only its assignee or a supervisor ` +
    `can do that: its Assignee was changed for ${what} where the add-on does not see (a script, the Sheets API or ` +
    `another add-on). ${VERSION_HISTORY}; check ${what} with ${step.user} and a supervisor.`
  );
}

/** An order's history findings, each on its register row. */
export function historyFindings(
  id: string,
  row: number,
  records: RegisterRecords,
  judge: HistoryJudge,
  timeZone: string,
  out: RegisterFinding[],
): void {
  const { breaks, foreign } = records.history(id);
  for (const b of breaks) {
    // A value that only looks different as logged (a date to the second, a neutralized text) is no break.
    if (sameValue(id, b.field, b.old, b.last)) continue;
    const note = breakNote(id, b, timeZone);
    out.push(noteFinding(row, id, `${REGISTER_COLUMNS[b.field]} (history)`, b.logRow, note));
  }
  for (const step of foreign) {
    // A supervisor then, as the Staff tab has it now or as the log shows them deciding or closing orders.
    if (judge.supervises(step.user) || records.supervisedInLog(step.user)) continue;
    const note = foreignNote(id, step);
    const column = step.recorded === '' ? REGISTER_COLUMNS.status : step.recorded;
    out.push(noteFinding(row, id, `${column} (by ${step.user})`, step.logRow, note));
  }
}

function noteFinding(row: number, id: string, field: string, logRow: number, note: string): RegisterFinding {
  return { row, id, field, trusted: '', found: '', logRow, put: null, note };
}

/** Characters of a register row's id quoted in a note (an id the add-on gives has at most about 12). */
const ID_SHOWN = 40;

/**
 * A register row's id as its findings name it: a cell written by script can hold 50,000 characters,
 * which quoted in a note (twice, for twenty rows) overran the properties a run keeps its findings in,
 * so that every run of Verify on a large register threw.
 */
export const namedId = (id: string): string => singleLine(id, ID_SHOWN);

/** The register's rows by id as they are checked: a second row of an id, an id the log never made. */
export class OrderRows {
  private readonly firstRow = new Map<string, number>();

  constructor(private readonly records: RegisterRecords) {}

  /** Notes what is wrong with row `row` holding `id`; true when it is not an order to compare. */
  check(
    id: string,
    row: number,
    cells: readonly unknown[],
    { layout, stateIndex }: Pick<RegisterSnapshot, 'layout' | 'stateIndex'>,
    out: RegisterFinding[],
  ): boolean {
    const named = namedId(id);
    const first = this.firstRow.get(id);
    if (first !== undefined) {
      const note =
        `${named} is also on row ${first}: one order on two rows, so one of them was copied or typed where the add-on ` +
        `does not see (a script, the Sheets API or another add-on). Compare both with ${named}'s history in the change ` +
        `log (the review sidebar's Find shows it) and delete the row that is not the order. ${VERSION_HISTORY}.`;
      out.push(noteFinding(row, named, `${REGISTER_COLUMNS.id} (row ${first} too)`, 0, note));
      return true;
    }
    this.firstRow.set(id, row);
    const ref = cellText(cells[layout.indexOf.responseRef]);
    if (!neverCreated(id, this.records.mentions(id), this.records.lowestCreated, ref)) return false;
    const recordedId = stateIndex < 0 ? null : (parseRowState(cells[stateIndex])?.order.id ?? null);
    if (awaitingLog(id, this.records.highestCreated, ref, recordedId)) return false;
    const note =
      `no line of the change log names ${named}, though the log created every order from ` +
      `${formatRequestId(this.records.lowestCreated ?? 0)} on: the add-on never created it, so the row was ` +
      `written where the add-on does not see (a script, the Sheets API or another add-on). ${VERSION_HISTORY}; ` +
      'delete the row if it is not a real request (a real one is submitted through the form).';
    out.push(noteFinding(row, named, `${REGISTER_COLUMNS.id} (never created)`, 0, note));
    return true;
  }
}
