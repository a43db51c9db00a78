/**
 * Judging one register row after a person typed or pasted into it: which of the edited cells may
 * keep their new value, which go back and why, and what the accepted changes do (status moves with
 * their stamps, the order after them). Pure: the edit trigger (./register-edit) does the I/O.
 *
 * The previous values come from the row's Last Known State (adapters/row-state), never from the event
 * (a paste carries no old value), so every row of a 50-row paste is judged exactly like a single cell.
 * The rules for each changed field live in ./field-rules; this file assembles the row's verdict.
 */
import { cellText, parseRegisterRow, type RegisterLayout } from '../../../core/columns';
import { diffOrders, type FieldChange } from '../../../core/field-changes';
import { LOCKED_FIELDS, keepsTypedReason } from '../../../core/lifecycle';
import type { WorkOrder, WorkOrderField } from '../../../core/model';
import {
  carryPrint,
  fingerprintMatches,
  parseRowState,
  sameFieldValue,
  type RowState,
} from '../../adapters/row-state';
import { FIELDS, readFields } from './cells';
import {
  applyAccepted,
  judgeChanges,
  type Accepted,
  type JudgeContext,
  type Refusal,
  type Step,
} from './field-rules';

/** The verdict's vocabulary, for the trigger and the integrity checks that read verdicts. */
export type { JudgeContext, Refusal, Step } from './field-rules';

export interface RowInput {
  cells: readonly unknown[];
  layout: RegisterLayout;
  /** Index of the Last Known State column, -1 when the register has none. */
  stateIndex: number;
  /** Whether the edit covered a column (0-based). */
  edited: (index: number) => boolean;
  /** A single-cell edit: that cell's previous value as the event gave it ('' for an empty cell). */
  single?: { index: number; oldValue: string };
}

export type RowVerdict =
  | {
      kind: 'judged';
      before: WorkOrder;
      next: WorkOrder;
      /** Field changes to log, stamps included; empty when nothing was accepted. */
      changes: FieldChange[];
      refused: Refusal[];
      steps: Step[];
      /** Fields whose Work Orders note changes: the refusal's reason, or '' to clear an old note. */
      notes: Map<WorkOrderField, string>;
      /** Fields that will carry a Work Orders note afterwards (kept in the record). */
      noted: WorkOrderField[];
      /** Fields whose previous text was not kept (a refusal there cannot be put back). */
      unknownOld: Set<WorkOrderField>;
      /** Cells outside the edit that disagree with the record (see register-edit: layout check). */
      drift: WorkOrderField[];
      /** False when the row had no record and a single cell's old value stood in for it. */
      fromRecord: boolean;
      /** The Reason was typed since the order's last status change, for the record to keep. */
      reasonRenewed: boolean;
    }
  /** Not a work order (a row typed below the register or inserted by hand): owned cells are emptied. */
  | { kind: 'stray'; refused: Refusal[] }
  /**
   * The previous values cannot be known from the row: left as it is, and the attempt reported.
   * `stateForged`: a paste covered the hidden state column, so the row's record is the paste's; the
   * trigger then asks the change log what the row held (features/integrity/paste.ts), as it does for
   * a paste on a row that has no record at all (`noRecord`).
   */
  | {
      kind: 'unchecked';
      id: string;
      reason: string;
      drift: WorkOrderField[];
      stateForged?: boolean;
      /** A paste on a row with no record (its state cell or column gone): the log says what it held. */
      noRecord?: boolean;
    };

export const PASTED_OVER_STATE =
  'This paste also covered the hidden "Last Known State" column, and the change log holds no record of what the row held before, so Work Orders could not put it back. Use Undo (Ctrl+Z) to put the row back';
/** Why a paste that changes a column only the add-on fills in is put back whole. */
export const WHOLE_PASTE =
  'A paste that changes a column only Work Orders fills in (an id, a number, a stamp) is put back whole';
const NO_RECORD =
  'Work Orders has no record of what this row held before (an administrator should run Set up work orders), so this paste could not be checked';
/** An order's row whose record is gone or not the add-on's (see baselineWithoutRecord). */
const UNRECORDED =
  'The hidden "Last Known State" of this row is missing or was not written by Work Orders (it was changed outside Work Orders), so this edit could not be checked and nothing was recorded: an administrator should run Verify audit log to put the row back';
const STRAY =
  'Rows are added by the request form: this row is not a work order, so nothing can be typed into its work-order columns';

export const NOT_KEPT =
  'The earlier text was too long for Work Orders to keep a copy, so it could not be put back: use Undo (Ctrl+Z)';

function columnOf(layout: RegisterLayout, field: WorkOrderField): number {
  return layout.indexOf[field];
}

/**
 * A row with no record: with no state column (a register setup has not given one yet), the single
 * cell's old value rebuilds it; a paste is unknown (the change log says what the row held). With the
 * column, an order's row always has its record (every writer writes it, setup fills it in), so one
 * missing, unreadable or not sealed by the add-on was written outside Work Orders, perhaps along
 * with the cells it vouched for (Assignee = TECH2 in both): rebuilt from those cells, one typed cell
 * would make them the baseline and seal them into a new record. Such a row is left as it is and the
 * edit reported ('unrecorded'), for Verify audit log to put back from the change log.
 */
function baselineWithoutRecord(input: RowInput): { order: WorkOrder } | 'stray' | 'unknown' | 'unrecorded' {
  const { cells, layout, single, stateIndex } = input;
  const idIndex = columnOf(layout, 'id');
  if (single) {
    const was = [...cells];
    was[single.index] = single.oldValue;
    const wasId = idIndex >= 0 ? cellText(was[idIndex]).trim() : '';
    if (wasId === '') return 'stray';
    if (stateIndex >= 0) return 'unrecorded';
    const parsed = parseRegisterRow(was, layout);
    return parsed.ok ? { order: parsed.order } : 'unknown';
  }
  const idNow = idIndex >= 0 ? cellText(cells[idIndex]).trim() : '';
  if (idNow === '' || (idIndex >= 0 && input.edited(idIndex))) return 'stray';
  return 'unknown';
}

function strayVerdict(input: RowInput): RowVerdict {
  const refused: Refusal[] = [];
  for (const field of FIELDS) {
    const index = columnOf(input.layout, field);
    if (index < 0 || !input.edited(index)) continue;
    const typed = cellText(input.cells[index]);
    if (typed !== '') refused.push({ field, typed, reason: STRAY, restored: true });
  }
  return { kind: 'stray', refused };
}

/** Judges one row of the edited range. */
export function judgeRow(input: RowInput, ctx: JudgeContext): RowVerdict {
  const { cells, layout, stateIndex } = input;
  const idIndex = columnOf(layout, 'id');
  const idNow = idIndex >= 0 ? cellText(cells[idIndex]).trim() : '';
  const stateRefusals: Refusal[] = [];

  // 1. The previous values: the row's record, or what a single cell's old value tells.
  let state: RowState | null = null;
  if (stateIndex >= 0 && input.edited(stateIndex)) {
    if (!input.single)
      return { kind: 'unchecked', id: idNow, reason: PASTED_OVER_STATE, drift: [], stateForged: true };
    state = parseRowState(input.single.oldValue);
    stateRefusals.push({
      field: 'state',
      typed: cellText(cells[stateIndex]).slice(0, 200),
      reason: 'The Last Known State column is written by Work Orders only',
      restored: true,
    });
  } else if (stateIndex >= 0) state = parseRowState(cells[stateIndex]);

  let before: WorkOrder;
  const unknownOld = new Set<WorkOrderField>();
  const printDrift: WorkOrderField[] = [];
  if (state) {
    before = { ...state.order };
    // Fields the record keeps as prints: the cell, or a single edit's old value, that matches it.
    for (const field of Object.keys(state.fingerprints) as WorkOrderField[]) {
      const index = columnOf(layout, field);
      const now = index >= 0 ? cellText(cells[index]) : '';
      const old = input.single?.index === index ? input.single.oldValue : null;
      const set = (value: string): void => {
        (before as unknown as Record<string, unknown>)[field] = value;
      };
      if (fingerprintMatches(state, field, now)) set(now);
      else if (old !== null && fingerprintMatches(state, field, old)) set(old);
      else if (index >= 0 && input.edited(index)) unknownOld.add(field);
      else {
        // Changed outside this edit: the record keeps its print, so the edit's own trigger sees it.
        set(now);
        if (index >= 0) {
          carryPrint(state, field, now);
          printDrift.push(field);
        }
      }
    }
  } else {
    const baseline = baselineWithoutRecord(input);
    if (baseline === 'stray') return strayVerdict(input);
    if (baseline === 'unknown')
      return { kind: 'unchecked', id: idNow, reason: NO_RECORD, drift: [], noRecord: true };
    if (baseline === 'unrecorded') return { kind: 'unchecked', id: idNow, reason: UNRECORDED, drift: [] };
    before = baseline.order;
  }

  // 2. The row as it is now, field by field.
  const read = readFields(cells, layout, before);
  const after = read.order;

  // 3. Cells outside the edit must agree with the record; a different id means it is another row's.
  const drift: WorkOrderField[] = [];
  for (const field of FIELDS) {
    const index = columnOf(layout, field);
    if (index < 0 || input.edited(index) || unknownOld.has(field)) continue;
    if (!sameFieldValue(field, after[field], before[field])) drift.push(field);
  }
  drift.push(...printDrift);
  if (drift.includes('id')) {
    return {
      kind: 'unchecked',
      id: idNow,
      reason: `The hidden record of this row is for ${before.id}, not ${idNow || 'an empty Request ID'}, so the edit could not be checked`,
      drift,
    };
  }
  // Other drifted cells are left alone, and so is their record: they were changed by an edit this
  // execution was not told about (another person's edit to the same row, whose own trigger is queued
  // behind this one's lock and will judge it against the record) or that escaped the checks (the
  // trigger could not run). Adopting them would let such a change through unjudged; putting them back
  // would undo another person's edit before its own trigger saw it.

  // 4. What this edit changed, and what may stay.
  const typed = (f: WorkOrderField): string => {
    const index = columnOf(layout, f);
    return index >= 0 ? cellText(cells[index]) : '';
  };
  const changed = FIELDS.filter((field) => {
    const index = columnOf(layout, field);
    if (index < 0 || !input.edited(index)) return false;
    return (
      read.bad.has(field) || unknownOld.has(field) || !sameFieldValue(field, after[field], before[field])
    );
  });
  // A Reason typed again unchanged (a second hold's "Waiting for parts") is given for the next step too.
  const reasonAt = columnOf(layout, 'reason');
  const reasonTyped =
    reasonAt >= 0 && input.edited(reasonAt) && !changed.includes('reason') && typed('reason').trim() !== '';
  const renewed = state?.reasonRenewed || reasonTyped ? (['reason'] as const) : [];
  // A paste that changes an id, a number or a stamp is another row's or a forgery: put back whole.
  const wholePaste = !input.single && changed.some((f) => LOCKED_FIELDS.includes(f));
  const accepted: Accepted = wholePaste
    ? {
        fields: {},
        steps: [],
        refused: changed.map((field) => ({
          field,
          typed: typed(field),
          reason: WHOLE_PASTE,
          restored: true,
        })),
      }
    : judgeChanges(before, after, changed, read.bad, typed, ctx, renewed);
  const refused = [...stateRefusals, ...accepted.refused];
  for (const r of refused) if (r.field !== 'state' && unknownOld.has(r.field)) r.restored = false;

  // 5. The order afterwards.
  let next = applyAccepted(before, accepted, ctx);
  const changes = diffOrders(before, next);
  const unrestorable = refused.filter((r) => !r.restored && r.field !== 'state');
  if (unrestorable.length > 0) {
    next = { ...next };
    for (const r of unrestorable)
      (next as unknown as Record<string, unknown>)[r.field] = after[r.field as WorkOrderField];
  }
  next = { ...next, revision: before.revision + (changes.length > 0 ? 1 : 0) };

  // 6. Notes: a reason on each refused cell; an old Work Orders note goes once its cell is edited again.
  const notes = new Map<WorkOrderField, string>();
  const refusedFields = new Set(refused.map((r) => r.field));
  for (const field of state?.noted ?? []) {
    const index = columnOf(layout, field);
    if (index >= 0 && input.edited(index) && !refusedFields.has(field)) notes.set(field, '');
  }
  for (const r of refused) {
    if (r.field === 'state') continue;
    notes.set(r.field, r.restored ? r.reason : `${r.reason}. ${NOT_KEPT}`);
  }
  const noted = [
    ...new Set([
      ...(state?.noted ?? []).filter((f) => notes.get(f) !== ''),
      ...refused.flatMap((r) => (r.field === 'state' ? [] : [r.field])),
    ]),
  ];

  return {
    kind: 'judged',
    before,
    next,
    changes,
    refused,
    steps: accepted.steps,
    notes,
    noted,
    unknownOld,
    drift,
    fromRecord: state !== null,
    // A step that needs a reason uses it (the one typed with it included); typing one renews it.
    reasonRenewed:
      keepsTypedReason(before.status, next.status) &&
      (changes.some((c) => c.field === 'reason') || renewed.length > 0),
  };
}

/**
 * Whether a verdict may come from a stale header layout rather than from the row: cells outside the
 * edit that disagree with the record, no record where the state column should hold one, or a row
 * that looks like no work order (a column inserted before Request ID would make every row look so).
 * The trigger re-reads the header before acting on such a verdict.
 */
export function isSuspect(verdict: RowVerdict, stateIndex: number): boolean {
  if (verdict.kind === 'stray' || verdict.kind === 'unchecked') return true;
  return verdict.drift.length > 0 || (!verdict.fromRecord && stateIndex >= 0);
}
