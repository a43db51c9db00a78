/**
 * Judging one register row after a person typed or pasted into it: which of the edited cells may
 * keep their new value, which go back and why, and what the accepted changes do (status moves with
 * their stamps, the order after them). Pure: the edit trigger (./register-edit) does the I/O.
 *
 * The previous values come from the row's Last Known State (adapters/row-state, read by
 * ./previous-values), never from the event (a paste carries no old value), so every row of a 50-row
 * paste is judged exactly like a single cell.
 * The rules for each changed field live in ./field-rules; this file assembles the row's verdict.
 */
import { cellText } from '../../../core/columns';
import { diffOrders, type FieldChange } from '../../../core/field-changes';
import { LOCKED_FIELDS, keepsTypedReason } from '../../../core/lifecycle';
import type { WorkOrder, WorkOrderField } from '../../../core/model';
import { sameFieldValue } from '../../adapters/row-state';
import { FIELDS, readFields } from './cells';
import {
  columnOf,
  previousValues,
  type RowInput,
  type StrayVerdict,
  type UncheckedVerdict,
} from './previous-values';
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
  | StrayVerdict
  | UncheckedVerdict;

/** Why a paste that changes a column only the add-on fills in is put back whole. */
export const WHOLE_PASTE =
  'A paste that changes a column only Work Orders fills in (an id, a number, a stamp) is put back whole';
export const NOT_KEPT =
  'The earlier text was too long for Work Orders to keep a copy, so it could not be put back: use Undo (Ctrl+Z)';

/** Judges one row of the edited range. */
export function judgeRow(input: RowInput, ctx: JudgeContext): RowVerdict {
  const { cells, layout } = input;
  const idIndex = columnOf(layout, 'id');
  const idNow = idIndex >= 0 ? cellText(cells[idIndex]).trim() : '';

  // 1. The previous values: the row's record, or what a single cell's old value tells.
  const previous = previousValues(input, idNow);
  if (!('before' in previous)) return previous;
  const { state, before, unknownOld, printDrift, stateRefusals } = previous;

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
