/**
 * Whether a register row as read agrees with its Last Known State (row-state.ts): the one check every
 * decision made outside the edit trigger runs before it acts on one order (My work's steps, the update
 * form, work records, the review sidebar's actions and amendments, a requestor's reply), through
 * Register.unrecordedChange.
 *
 * Why: technicians and supervisors must be editors of the register's system columns (their sidebars
 * write as them), so a script of their own (SpreadsheetApp.openById(…).setValue) can write any cell
 * with no edit trigger to judge it: TECH2 writes TECH's order's Assignee as TECH2, then starts and
 * completes it from My work. Every such decision reads the row's cells, and the row's record was read
 * by the same getValues, so comparing the two costs no service call: a field the add-on did not write
 * or accept (the edit trigger keeps the record current for every edit it accepts) is refused here,
 * and nothing is changed. Verify audit log puts the value back from the change log, and with it the
 * record (Register.write), after which the action goes through.
 *
 * What is compared: every field the record keeps whole (Status, Assignee, Revision, Request ID,
 * Category, Due and the rest, dates to the second as the register compares them), and every field it
 * keeps as a keyed print, by the print (one HMAC, which the row's next record needs anyway and so
 * does not compute again). A print is skipped only when no key is at hand (the add-on's secret does
 * not exist yet), and a column the register does not have (a field added later) is skipped.
 *
 * Records of other kinds:
 *  - a record written before seals (unsealed compact, or version-1 JSON) is compared the same way until
 *    setup has sealed every row (its long texts as unkeyed fingerprints, still compared), and is then
 *    no record;
 *  - a register without the column (before setup added it) has nothing to compare: accepted, as the
 *    edit trigger accepts it;
 *  - an empty or unreadable record on a register that has the column is refused. Every writer writes
 *    the record with the row and setup fills it in on every row, so an empty one was cleared or
 *    written over outside the add-on, or the row was made by hand; accepting it would let a forger
 *    blank the record along with the cell.
 *
 * The record is sealed with the add-on's secret (./row-state-seal): an editor who rewrites it
 * consistently with the forged cell (Assignee in both) writes a record whose seal does not hold, which
 * parseRowState reads as no record, refused above; so is an unsealed record once setup has sealed
 * every row. What a seal cannot tell (a sealed record of the same order from an earlier revision,
 * written back with the cells it described) is Verify audit log's part: the change log knows later.
 */
import type { RegisterLayout } from '../../core/columns';
import { cellText } from '../../core/headers';
import { REGISTER_COLUMNS, type WorkOrder, type WorkOrderField } from '../../core/model';
import { shownFieldValue } from '../../core/field-changes';
import { decodeCompactState } from '../../core/row-state-codec';
import { parseRowState, ROW_STATE_HEADER } from './row-state';
import { printAgrees, rowStateKey } from './row-state-prints';
import { sealHolds, unsealedAccepted } from './row-state-seal';
import { sameFieldValue } from './row-state-values';

/** The fields a decision most depends on, named first when several disagree. */
const FIRST: readonly WorkOrderField[] = ['id', 'status', 'assignee', 'revision', 'category', 'due'];
const FIELDS: readonly WorkOrderField[] = [
  ...FIRST,
  ...(Object.keys(REGISTER_COLUMNS) as WorkOrderField[]).filter((f) => !FIRST.includes(f)),
];
/** Fields named in one message at most. */
const NAMED = 3;

export interface FieldDisagreement {
  field: WorkOrderField;
  /** What the cell holds, as shown to people. */
  found: string;
  /** What the add-on last recorded, as shown to people. */
  recorded: string;
}

/** How a row fails to agree with its record: fields that differ, or a record missing or unreadable. */
export type RowDisagreement =
  { kind: 'fields'; fields: FieldDisagreement[] } | { kind: 'no record'; cell: string };

/** Shorter than a Verify finding's: a refusal names up to three fields in one sentence. */
const SHOWN_CHARS = 60;

/**
 * How `order` (read from `cells`) disagrees with the record in its state cell, or null when it agrees
 * (or there is no state column to compare with).
 */
export function rowDisagreement(
  order: WorkOrder,
  cells: readonly unknown[],
  layout: RegisterLayout,
  stateIndex: number,
  timeZone: string,
): RowDisagreement | null {
  if (stateIndex < 0) return null;
  const cell = cells[stateIndex];
  const state = parseRowState(cell);
  if (!state) return { kind: 'no record', cell: cellText(cell) };
  const fields: FieldDisagreement[] = [];
  for (const field of FIELDS) {
    if (layout.indexOf[field] < 0) continue;
    const value = order[field];
    if (state.fingerprints[field] !== undefined) {
      const agrees = printAgrees(state, field, typeof value === 'string' ? value : cellText(value));
      if (agrees === false)
        fields.push({
          field,
          found: shownFieldValue(field, value, timeZone, SHOWN_CHARS),
          recorded: 'another text (kept as a keyed print)',
        });
      continue;
    }
    if (sameFieldValue(field, value, state.order[field])) continue;
    fields.push({
      field,
      found: shownFieldValue(field, value, timeZone, SHOWN_CHARS),
      recorded: shownFieldValue(field, state.order[field], timeZone, SHOWN_CHARS),
    });
  }
  return fields.length === 0 ? null : { kind: 'fields', fields };
}

/** Whether `field` of a row is as the add-on last recorded it (a row with no readable record: no field is). */
export function agreesOn(disagreement: RowDisagreement | null, field: WorkOrderField): boolean {
  if (!disagreement) return true;
  return disagreement.kind === 'fields' && !disagreement.fields.some((d) => d.field === field);
}

const VERIFY = 'an administrator can run Verify audit log to put it back';
const JUST_TYPED = '(If someone has just typed in the row, try again in a moment.)';

/**
 * What is wrong with the row, as a clause after its reference: "its Assignee reads … but Work Orders
 * last recorded …" (up to three fields), or what its record cell holds instead of a record.
 */
export function disagreementDetail(disagreement: RowDisagreement): string {
  if (disagreement.kind === 'no record') {
    const what =
      disagreement.cell === ''
        ? 'is empty'
        : `holds "${disagreement.cell.slice(0, 40)}", not a record the add-on writes`;
    return `its ${ROW_STATE_HEADER} (the add-on's record of the row, in a hidden column) ${what}`;
  }
  const named = disagreement.fields.slice(0, NAMED).map((d) => {
    const header = REGISTER_COLUMNS[d.field];
    return `its ${header} reads ${d.found} but Work Orders last recorded ${d.recorded}`;
  });
  const more = disagreement.fields.length - named.length;
  const rest = more > 0 ? ` (and ${more} more field${more === 1 ? '' : 's'})` : '';
  return `${named.join('; ')}${rest}`;
}

/** What the person acting is told: which field, what the cell says, what the add-on recorded, what to do. */
export function disagreementMessage(order: WorkOrder, disagreement: RowDisagreement): string {
  const ref = order.woNumber || order.id;
  const detail = disagreementDetail(disagreement);
  if (disagreement.kind === 'no record')
    return `${ref} cannot be changed: ${detail}. It was changed outside Work Orders, so nothing was changed: an administrator can run Verify audit log to put back any value changed with it, then Set up work orders to record the row again.`;
  const it = disagreement.fields.length === 1 ? 'It was' : 'They were';
  return `${ref} cannot be changed: ${detail}. ${it} changed outside Work Orders, so nothing was changed: ${disagreement.fields.length === 1 ? VERIFY : VERIFY.replace('put it back', 'put them back')}. ${JUST_TYPED}`;
}

/** An order as a figure may count it: its row's cells, or what the add-on recorded where they differ. */
export interface RecordedOrder {
  order: WorkOrder;
  /** agrees: the cells are the record's; corrected: fields put back from it; unverified: no record to check. */
  standing: 'agrees' | 'corrected' | 'unverified';
}

/**
 * For figures (the reports): `order` with every field its record keeps whole and its cells contradict
 * taken from the record, so a value written by script (a Completed At moved back, a Status of Closed)
 * does not count. A field the record keeps only as a print is left as the cell says (the print cannot
 * give the text back, so it is not checked here: no HMAC per row). A row whose record is missing or
 * not the add-on's is counted as its cells say, marked unverified. Only the fields read are compared.
 */
export function asRecorded(
  order: WorkOrder,
  cells: readonly unknown[],
  layout: RegisterLayout,
  stateIndex: number,
): RecordedOrder {
  if (stateIndex < 0) return { order, standing: 'agrees' };
  const state = parseRowState(cells[stateIndex]);
  if (!state) return { order, standing: 'unverified' };
  let recorded: Record<WorkOrderField, unknown> | null = null;
  for (const field of FIELDS) {
    if (layout.indexOf[field] < 0 || state.fingerprints[field] !== undefined) continue;
    if (sameFieldValue(field, order[field], state.order[field])) continue;
    recorded ??= { ...order } as Record<WorkOrderField, unknown>;
    recorded[field] = state.order[field];
  }
  return recorded
    ? { order: recorded as unknown as WorkOrder, standing: 'corrected' }
    : { order, standing: 'agrees' };
}

/**
 * How a row's record stands, for a pass over many rows (the hourly job's open work), where every
 * technician's script can write the cells and the record together: a record whose seal holds is the
 * add-on's, and `recorded` is `order` with `fields` as it has them where the cells say otherwise (null:
 * they agree, or the record keeps a field as a print). Not vouched for: an empty cell, one that is no
 * record, another order's, an unsealed one once every row was sealed, or one whose seal does not hold.
 * The record is decoded in `fields` only, and every seal is checked (one HMAC a row). With no key at
 * hand, a seal cannot be told from a forgery: the record is taken as it reads.
 */
export type RecordStanding = { vouched: false } | { vouched: true; recorded: WorkOrder | null };

const UNVOUCHED: RecordStanding = { vouched: false };

export function recordStanding(
  order: WorkOrder,
  cell: unknown,
  fields: ReadonlySet<WorkOrderField>,
): RecordStanding {
  if (typeof cell !== 'string') return UNVOUCHED;
  const decoded = decodeCompactState(cell, fields);
  if (!decoded) {
    // An older version's JSON record (accepted until every row is sealed), or no record at all.
    const state = parseRowState(cell);
    if (!state || state.order.id !== order.id) return UNVOUCHED;
    return { vouched: true, recorded: withRecorded(order, state.order, fields, state.fingerprints) };
  }
  if (decoded.order.id !== order.id) return UNVOUCHED;
  const holds = decoded.seal
    ? rowStateKey() === null || sealHolds(cell, order.id, decoded.seal)
    : unsealedAccepted();
  if (!holds) return UNVOUCHED;
  return { vouched: true, recorded: withRecorded(order, decoded.order, fields, decoded.prints) };
}

function withRecorded(
  order: WorkOrder,
  recorded: Partial<Record<WorkOrderField, unknown>>,
  fields: ReadonlySet<WorkOrderField>,
  prints: Partial<Record<WorkOrderField, string>>,
): WorkOrder | null {
  let out: Record<WorkOrderField, unknown> | null = null;
  for (const f of fields) {
    if (prints[f] !== undefined || sameFieldValue(f, order[f], recorded[f])) continue;
    out ??= { ...order } as Record<WorkOrderField, unknown>;
    out[f] = recorded[f];
  }
  return out as WorkOrder | null;
}
