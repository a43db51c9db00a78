/**
 * The register against the change log: every cell of an order, and its hidden Last Known State, that
 * differs from what the log says the order holds (core/register-audit.ts). Such a value was written
 * where no edit trigger saw it (Apps Script in another project, the Sheets API, another add-on) and so
 * was never judged by the lifecycle and permission tables, nor logged; or it is a refused edit the
 * trigger could not put back. Both are for an administrator to look at: nothing is written here.
 *
 * The Last Known State is not trusted on its own (anyone who can edit the sheet can write it, though
 * not with a seal that holds: adapters/row-state-seal.ts). It is compared like a cell, so a record
 * rewritten to make a later edit look allowed is found (a sealed one of an earlier revision written
 * back, or one forged before the workbook was sealed); a record that cannot be read at all, or whose
 * seal does not hold, is a finding too, and putting the row back writes its record again.
 *
 * Cost: one read of the register (every row, every column), no call per row. Equal values are told
 * equal without converting anything; only a value that differs is written and read back the way the
 * register would (canonicalOrder), so a value the log wrote as "2026-03-02T09:00:00.000Z" and the cell
 * holds as a Date, or a text the sheet neutralized, is not a difference.
 */
import { parseRegisterRow, workOrderToRow, type RegisterLayout } from '../../../core/columns';
import { isDateField, shownFieldValue } from '../../../core/field-changes';
import { cellText } from '../../../core/headers';
import { REGISTER_COLUMNS, emptyWorkOrder, type WorkOrder, type WorkOrderField } from '../../../core/model';
import type { RegisterRecords, TrustedValue } from '../../../core/register-audit';
import { sameOldValue } from '../../../core/register-history';
import { parseIso } from '../../../core/time';
import { Register } from '../../adapters/register';
import {
  canonicalOrder,
  parseRowState,
  sameFieldValue,
  ROW_STATE_HEADER,
  type RowState,
} from '../../adapters/row-state';
import type { Spreadsheet } from '../../adapters/apps-script-types';
import { OrderRows, historyFindings, namedId, type HistoryJudge } from './register-history-check';
import { checkAnswers, noAnswerChecks, type AnswerChecks } from './register-answers';

/** One value of the register the log does not vouch for. */
export interface RegisterFinding {
  /** Sheet row of the register. */
  row: number;
  id: string;
  /** The column: a register header, or "Last Known State (<header>)" for the hidden record. */
  field: string;
  /** What the log says, as shown to people. */
  trusted: string;
  /** What the register holds, as shown to people. */
  found: string;
  /** The Change Log's sheet row that set the trusted value (or created the order); 0 when none. */
  logRow: number;
  /** The field, and its value as the log writes it (for putting it back); null: the whole record. */
  put: { field: WorkOrderField; logged: string; inState: boolean } | null;
  /**
   * Set for what no value put back mends (a break in the order's logged history, a row the log never
   * made: ./register-history-check): the finding in words, naming the log rows and what to do.
   */
  note?: string;
  /**
   * Where the trusted value comes from, when not a Change Log row: "the request gave", or "its
   * schedule PM-3 gave" for an order a schedule made (./register-answers).
   */
  from?: string;
}

/** The register as read once: its layout and data rows (row i is sheet row `firstRow` + i). */
export interface RegisterSnapshot {
  layout: RegisterLayout;
  stateIndex: number;
  rows: unknown[][];
  /** The sheet row of rows[0] (2 unless a slice was read). */
  firstRow: number;
  /** The register's last sheet row when read. */
  lastRow: number;
}

/** Register rows a snapshot takes: from sheet row `from`, at most `count` of them. */
export interface RegisterSlice {
  from: number;
  count: number;
}

/**
 * Every data row of the register, or the rows of `slice` (two calls: its last row and one read), or
 * why it cannot be read.
 */
export function readRegisterSnapshot(
  ss: Spreadsheet,
  slice: RegisterSlice | null = null,
): RegisterSnapshot | { unreadable: string } {
  let register: Register;
  try {
    register = Register.open(ss, { shareHeader: false });
  } catch (error) {
    return { unreadable: error instanceof Error ? error.message : String(error) };
  }
  const lastRow = register.lastRow();
  const firstRow = slice ? Math.max(2, slice.from) : 2;
  const count = Math.min(lastRow - firstRow + 1, slice ? slice.count : Infinity);
  const rows = register.readRows(firstRow, count);
  return { layout: register.layout, stateIndex: register.stateIndex, rows, firstRow, lastRow };
}

/** The request ids of a snapshot's rows. */
export function snapshotIds(snapshot: RegisterSnapshot): Set<string> {
  const at = snapshot.layout.indexOf.id;
  const ids = new Set<string>();
  for (const cells of snapshot.rows) {
    const id = cellText(cells[at]).trim();
    if (id !== '') ids.add(id);
  }
  return ids;
}

/** A logged value as the order holds it; undefined when the log's text cannot be read back. */
export function valueOf(field: WorkOrderField, text: string): WorkOrder[WorkOrderField] | undefined {
  if (isDateField(field)) return text.trim() === '' ? null : (parseIso(text.trim()) ?? undefined);
  if (field === 'heldHours') {
    const hours = text.trim() === '' ? 0 : Number(text);
    return Number.isFinite(hours) ? hours : undefined;
  }
  return text;
}

/** `value` of `field` written to a cell and read back, with the rest of `order` around it. */
function canonical(order: WorkOrder, field: WorkOrderField, value: WorkOrder[WorkOrderField]): unknown {
  return canonicalOrder({ ...order, [field]: value })[field];
}

/** Whether `held` is the value logged as `text`, as the register would hold it (in `order`). */
export function sameAsLogged(order: WorkOrder, field: WorkOrderField, text: string, held: unknown): boolean {
  const value = valueOf(field, text);
  if (value === undefined) return true; // a logged value not read back: nothing to compare with
  // A long text cut to fit its log cell: the cell holds it whole.
  if (typeof held === 'string' && sameOldValue(held, text)) return true;
  return sameFieldValue(field, held, value) || sameFieldValue(field, held, canonical(order, field, value));
}

/** Whether `held` is what the log says `field` holds (or one of its unconfirmed values). */
function vouched(order: WorkOrder, trust: TrustedValue, held: unknown): boolean {
  return [trust.logged, ...trust.alternatives].some((text) => sameAsLogged(order, trust.field, text, held));
}

/** A logged value as a finding shows it: as the register would hold it, else the log's text. */
export function loggedShown(field: WorkOrderField, text: string, timeZone: string): string {
  const value = valueOf(field, text);
  return shownFieldValue(field, value === undefined ? text : value, timeZone);
}

/**
 * The order a row that does not read as one (a cell holds what no order can: "Done" as a status)
 * holds field by field: each cell read on its own, in a row otherwise made of the trusted values.
 */
export function readField(
  cells: readonly unknown[],
  layout: RegisterLayout,
  id: string,
  field: WorkOrderField,
) {
  const base = workOrderToRow({ ...emptyWorkOrder(), id }, layout);
  const index = layout.indexOf[field];
  if (index >= 0) base[index] = cells[index];
  const parsed = parseRegisterRow(base, layout);
  return parsed.ok ? { ok: true as const, value: parsed.order[field] } : { ok: false as const };
}

/** A cell as a finding shows it: its value read back, or its text when it does not read as one. */
export function foundText(
  cells: readonly unknown[],
  layout: RegisterLayout,
  id: string,
  field: WorkOrderField,
  timeZone: string,
): { ok: true; value: unknown; text: string } | { ok: false; text: string } {
  const read = readField(cells, layout, id, field);
  return read.ok
    ? { ok: true, value: read.value, text: shownFieldValue(field, read.value, timeZone) }
    : { ok: false, text: `"${cellText(cells[layout.indexOf[field]]).slice(0, 80)}"` };
}

function checkCells(
  cells: readonly unknown[],
  rowNumber: number,
  id: string,
  trusted: readonly TrustedValue[],
  layout: RegisterLayout,
  timeZone: string,
  out: RegisterFinding[],
): void {
  const parsed = parseRegisterRow(cells, layout);
  const order = parsed.ok ? parsed.order : { ...emptyWorkOrder(), id };
  for (const trust of trusted) {
    if (layout.indexOf[trust.field] < 0) continue;
    const read = parsed.ok
      ? { ok: true as const, value: order[trust.field] }
      : readField(cells, layout, id, trust.field);
    if (read.ok && vouched(order, trust, read.value)) continue;
    out.push({
      row: rowNumber,
      id,
      field: REGISTER_COLUMNS[trust.field],
      trusted: loggedShown(trust.field, trust.logged, timeZone),
      found: foundText(cells, layout, id, trust.field, timeZone).text,
      logRow: trust.logRow,
      put: { field: trust.field, logged: trust.logged, inState: false },
    });
  }
}

function checkState(
  cell: unknown,
  state: RowState | null,
  rowNumber: number,
  id: string,
  trusted: readonly TrustedValue[],
  timeZone: string,
  out: RegisterFinding[],
): void {
  const finding = (field: string, trustedText: string, found: string, trust?: TrustedValue): void => {
    const put = trust ? { field: trust.field, logged: trust.logged, inState: true } : null;
    out.push({ row: rowNumber, id, field, trusted: trustedText, found, logRow: trust?.logRow ?? 0, put });
  };
  const text = cellText(cell);
  // An empty record is a row setup has not given one yet (its backfill fills them): nothing to compare.
  if (text === '') return;
  if (!state) {
    finding(
      ROW_STATE_HEADER,
      'a record the add-on wrote',
      `"${text.slice(0, 80)}" (not a record the add-on writes)`,
    );
    return;
  }
  if (state.order.id !== id) {
    finding(`${ROW_STATE_HEADER} (${REGISTER_COLUMNS.id})`, `"${id}"`, `"${state.order.id}"`);
    return;
  }
  for (const trust of trusted) {
    // A long text kept only as a keyed print cannot be forged to another text: the cell is what tells.
    if (state.fingerprints[trust.field] !== undefined) continue;
    const held = state.order[trust.field];
    if (vouched(state.order, trust, held)) continue;
    finding(
      `${ROW_STATE_HEADER} (${REGISTER_COLUMNS[trust.field]})`,
      loggedShown(trust.field, trust.logged, timeZone),
      shownFieldValue(trust.field, held, timeZone),
      trust,
    );
  }
}

/** Every value of the register the log does not vouch for, in sheet order (of the orders `only`, when given). */
export function registerFindings(
  snapshot: RegisterSnapshot,
  records: RegisterRecords,
  timeZone: string,
  judge: HistoryJudge,
  only: ReadonlySet<string> | null = null,
  /** Collects the request's texts to look for (./register-answers: resolveAnswers). */
  checks: AnswerChecks = noAnswerChecks(),
): RegisterFinding[] {
  const { layout, stateIndex, rows, firstRow } = snapshot;
  const out: RegisterFinding[] = [];
  const rowsOf = new OrderRows(records);
  rows.forEach((cells, i) => {
    const id = cellText(cells[layout.indexOf.id]).trim();
    // Findings name a row by its id cut short (namedId): looked for again by that name.
    if (id === '' || (only && !only.has(namedId(id)))) return;
    if (rowsOf.check(id, firstRow + i, cells, snapshot, out)) return;
    const trusted = records.trusted(id);
    historyFindings(id, firstRow + i, records, judge, timeZone, out);
    if (trusted.length === 0) return;
    checkCells(cells, firstRow + i, id, trusted, layout, timeZone, out);
    if (stateIndex < 0) return;
    // Read once (its seal is one HMAC): the record is compared, and speaks for the request's answers.
    const state = parseRowState(cells[stateIndex]);
    checkState(cells[stateIndex], state, firstRow + i, id, trusted, timeZone, out);
    checkAnswers(cells, firstRow + i, id, state, trusted, layout, timeZone, out, checks);
  });
  return out;
}

/** Findings of `now` that `before` had too, with the same value found: a value that stayed. */
export function stillFound(
  before: readonly RegisterFinding[],
  now: readonly RegisterFinding[],
): RegisterFinding[] {
  const seen = new Set(before.map((f) => `${f.id}\u0000${f.field}\u0000${f.found}`));
  return now.filter((f) => seen.has(`${f.id}\u0000${f.field}\u0000${f.found}`));
}
