/**
 * The reports' reads: the register and the change log, each in a few batched reads whatever their
 * length. Only the columns a figure uses are read (15 of the register's 28, 3 of the change log's 6),
 * which at 100,000 work orders and a million log rows saves tens of seconds of cell reads.
 */
import { cellText, isBlankRow, parseRegisterRow } from '../../../core/columns';
import { LOG_COLUMN, timestampOf } from '../../../core/change-log-row';
import { STATUSES, type ChangeLogEntry, type WorkOrder, type WorkOrderField } from '../../../core/model';
import { forEachStatusLine } from '../../../core/reports/history';
import type { FieldLine } from '../../../core/change-lines';
import { Register } from '../../adapters/register';
import { asRecorded } from '../../adapters/row-state-agreement';
import { readChangeLogColumns } from '../../adapters/change-log-read';
import { committedLogRows } from './log-standing';
import type { Spreadsheet } from '../../adapters/apps-script-types';

/** The register fields computeReports reads; the others stay empty in the orders it gets. */
export const REPORT_FIELDS: readonly WorkOrderField[] = [
  'id',
  'woNumber',
  'status',
  'priority',
  'category',
  'assignee',
  'due',
  'requestedAt',
  'location',
  'description',
  'decidedAt',
  'assignedAt',
  'startedAt',
  'completedAt',
  'closedAt',
  // Report: Maintenance (asset history, preventive maintenance by its Response Row)
  'asset',
  'responseRef',
];

/** At most this many rows are named in each note (the count is always given). */
const NAMED_PROBLEMS = 5;

export interface ReportSource {
  orders: WorkOrder[];
  /** Status rows of the change log (the only rows any figure uses). */
  changes: ChangeLogEntry[];
  /** Rows of the change log read, all fields. */
  changeLogRows: number;
  /** Plain-language notes on register rows that could not be read. */
  notes: string[];
}

function readOrders(ss: Spreadsheet): { orders: WorkOrder[]; notes: string[] } {
  const register = Register.open(ss);
  // Each row's record too: a figure counts what Work Orders recorded, not a cell a script rewrote.
  const columns = register.readFields(REPORT_FIELDS, true);
  const { layout, row, stateAt } = columns.packed();
  const orders: WorkOrder[] = [];
  const problems: string[] = [];
  const corrected: string[] = [];
  const unverified: string[] = [];
  // One row of cells reused for every register row: parseRegisterRow keeps none of it.
  const cells: unknown[] = [];
  for (let i = 0; i < columns.count; i++) {
    row(i, cells);
    if (isBlankRow(cells)) continue;
    const parsed = parseRegisterRow(cells, layout, i + 2);
    if (!parsed.ok) {
      problems.push(parsed.error);
      continue;
    }
    const { order, standing } = asRecorded(parsed.order, cells, layout, stateAt);
    orders.push(order);
    if (standing === 'corrected') corrected.push(order.woNumber || order.id);
    else if (standing === 'unverified') unverified.push(order.woNumber || order.id || `row ${i + 2}`);
  }
  const notes: string[] = [];
  if (problems.length > 0)
    notes.push(
      `${problems.length} register row(s) could not be read and were left out of every figure: ${named(problems, ' | ')}.`,
    );
  if (corrected.length > 0)
    notes.push(
      `${corrected.length} work order(s) have cells changed outside Work Orders; their figures use the values Work Orders recorded: ${named(corrected, ', ')}. An administrator can run Verify audit log to put the cells back.`,
    );
  if (unverified.length > 0)
    notes.push(
      `${unverified.length} register row(s) have no record Work Orders wrote (their hidden Last Known State is missing or was changed outside Work Orders), so their figures take the cells as they are: ${named(unverified, ', ')}. An administrator can run Verify audit log to check them.`,
    );
  return { orders, notes };
}

/** The first few of `items` joined, and how many more there are. */
function named(items: readonly string[], separator: string): string {
  const more = items.length > NAMED_PROBLEMS ? ` (and ${items.length - NAMED_PROBLEMS} more)` : '';
  return items.slice(0, NAMED_PROBLEMS).join(separator) + more;
}

/**
 * The field and the statuses as the constants they equal: a value cut from a Changes cell is a slice of
 * it, which keeps the whole cell's text alive (a million cells at 100,000 work orders) for as long as the
 * figures are computed.
 */
const KNOWN_TEXT = new Map<string, string>([...STATUSES, 'Status'].map((text) => [text, text]));
const known = (text: string): string => KNOWN_TEXT.get(text) ?? text;

/** The log columns the reports read: when, which record, and what changed (not who, nor the hash). */
const LOG_WANTED = [LOG_COLUMN.at, LOG_COLUMN.recordId, LOG_COLUMN.changes];

function readStatusChanges(ss: Spreadsheet): { changes: ChangeLogEntry[]; rows: number; notes: string[] } {
  const read = readChangeLogColumns(ss, LOG_WANTED);
  const { column } = read;
  const { rows, notes } = committedLogRows(ss, read.rows);
  const at = column(LOG_COLUMN.at);
  const recordId = column(LOG_COLUMN.recordId);
  const changeCells = column(LOG_COLUMN.changes);
  const changes: ChangeLogEntry[] = [];
  let row = 0;
  // One visitor for every row (no closure per row): `row` says which row the line came from.
  const visit = (line: FieldLine) => {
    changes.push({
      at: timestampOf(at.rows[row]?.[at.at]) ?? new Date(NaN),
      user: '',
      source: 'system',
      recordId: cellText(recordId.rows[row]?.[recordId.at]).trim(),
      field: known(line.field),
      oldValue: known(line.oldValue.trim()),
      newValue: known(line.newValue.trim()),
      hash: '',
    });
  };
  for (; row < rows; row++) {
    const cell = changeCells.rows[row]?.[changeCells.at];
    // Nearly every Changes cell is text: no need to ask cellText whether it is a Date.
    forEachStatusLine(typeof cell === 'string' ? cell : cellText(cell), visit);
  }
  return { changes, rows, notes };
}

export function readReportSource(ss: Spreadsheet): ReportSource {
  const { orders, notes } = readOrders(ss);
  const log = readStatusChanges(ss);
  return { orders, changes: log.changes, changeLogRows: log.rows, notes: [...notes, ...log.notes] };
}
