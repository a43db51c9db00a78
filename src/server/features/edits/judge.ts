/**
 * Judging one register row after a person typed or pasted into it: which of the edited cells may
 * keep their new value, which go back and why, and what the accepted changes do (status moves with
 * their stamps, the order after them). Pure: the edit trigger (./register-edit) does the I/O.
 *
 * The previous values come from the row's Last Known State (adapters/row-state), never from the event
 * (a paste carries no old value), so every row of a 50-row paste is judged exactly like a single cell.
 * The rules are the core's: `checkSheetEdit` (who may type into which column), `checkTransition` (the
 * lifecycle table) and `applyTransition` (stamps, clears); nothing here restates them.
 */
import { cellText, parseRegisterRow, type RegisterLayout } from '../../../core/columns';
import { diffOrders, type FieldChange } from '../../../core/field-changes';
import {
  LIFECYCLE,
  LOCKED_FIELDS,
  applyTransition,
  checkSheetEdit,
  checkTransition,
  findTransition,
  type Action,
  type Transition,
  type TransitionActor,
} from '../../../core/lifecycle';
import {
  REGISTER_COLUMNS,
  type StaffMember,
  type Status,
  type WorkOrder,
  type WorkOrderField,
} from '../../../core/model';
import type { Settings } from '../../../core/settings';
import { activeTechnicians } from '../../../core/staff';
import {
  carryPrint,
  fingerprintMatches,
  parseRowState,
  sameFieldValue,
  type RowState,
} from '../../adapters/row-state';
import { FIELDS, readFields } from './cells';

/**
 * The steps a person may take by typing in the register: the technician's own (start, hold, resume,
 * complete, for the assignee or a supervisor) and (re)assigning by typing an Assignee. The other rows
 * of the table (approve, reject, close, return, cancel) need a work-order number, an SLA due date, a
 * reason and a confirmation, which the Review & assign sidebar asks for; typed in the sheet they are
 * undone with a pointer to it.
 */
export const SHEET_ACTIONS: readonly Action[] = ['start', 'hold', 'resume', 'complete', 'assign', 'reassign'];

export const SIDEBAR = 'Extensions › Work Orders › Review & assign';

export interface JudgeContext {
  actor: TransitionActor;
  settings: Settings;
  staff: readonly StaffMember[];
  /** Stamps are whole seconds: a cell may not keep milliseconds. */
  now: Date;
  /** The spreadsheet's zone: the SLA clock's, for a due date moved on resuming from On Hold. */
  timeZone: string;
  /** The order's required checklist items not ticked yet (read only when a row is set to Completed). */
  unticked?: (order: WorkOrder) => readonly string[];
}

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

export interface Refusal {
  /** The field whose cell was put back; 'state' for the hidden Last Known State cell. */
  field: WorkOrderField | 'state';
  typed: string;
  reason: string;
  /** False when the previous value is not known (a very long text kept only as a fingerprint). */
  restored: boolean;
}

export interface Step {
  transition: Transition;
  previousAssignee: string;
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
    }
  /** Not a work order (a row typed below the register or inserted by hand): owned cells are emptied. */
  | { kind: 'stray'; refused: Refusal[] }
  /**
   * The previous values cannot be known from the row: left as it is, and the attempt reported.
   * `stateForged`: a paste covered the hidden state column, so the row's record is the paste's; the
   * trigger then asks the change log what the row held (features/integrity/paste.ts).
   */
  | { kind: 'unchecked'; id: string; reason: string; drift: WorkOrderField[]; stateForged?: boolean };

export const PASTED_OVER_STATE =
  'This paste also covered the hidden "Last Known State" column, and the change log holds no record of what the row held before, so Work Orders could not put it back. Use Undo (Ctrl+Z) to put the row back';
/** Why a paste that changes a column only the add-on fills in is put back whole. */
export const WHOLE_PASTE =
  'A paste that changes a column only Work Orders fills in (an id, a number, a stamp) is put back whole';
const NO_RECORD =
  'Work Orders has no record of what this row held before (an administrator should run Set up work orders), so this paste could not be checked';
const STRAY =
  'Rows are added by the request form: this row is not a work order, so nothing can be typed into its work-order columns';

export const NOT_KEPT =
  'The earlier text was too long for Work Orders to keep a copy, so it could not be put back: use Undo (Ctrl+Z)';

const header = (field: WorkOrderField): string => REGISTER_COLUMNS[field];

const isEmpty = (value: unknown): boolean =>
  value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

/**
 * Fields that every step into `status` requires, which must therefore stay filled while the order is
 * in it (a Completed order keeps its Results and Actions Taken, an On Hold one its Reason). Derived
 * from the lifecycle table, so it can never disagree with it.
 */
export function requiredWhile(status: Status): WorkOrderField[] {
  const into = LIFECYCLE.filter((t) => t.to === status);
  if (into.length === 0) return [];
  return into.reduce<WorkOrderField[]>(
    (common, t) => common.filter((f) => t.required.includes(f)),
    [...(into[0]?.required ?? [])],
  );
}

function columnOf(layout: RegisterLayout, field: WorkOrderField): number {
  return layout.indexOf[field];
}

/** A row with no record: the single cell's old value rebuilds it; anything else is unknown. */
function baselineWithoutRecord(input: RowInput): { order: WorkOrder } | 'stray' | 'unknown' {
  const { cells, layout, single } = input;
  const idIndex = columnOf(layout, 'id');
  if (single) {
    const was = [...cells];
    was[single.index] = single.oldValue;
    const wasId = idIndex >= 0 ? cellText(was[idIndex]).trim() : '';
    if (wasId === '') return 'stray';
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

/** The sidebar-only steps, in words: "To close it, use …". */
function sidebarOnly(t: Transition): string {
  return `To ${t.verb.replace('%', 'it')}, use ${SIDEBAR}: it asks for what this step needs`;
}

interface Accepted {
  fields: Partial<WorkOrder>;
  refused: Refusal[];
  steps: Step[];
}

/** Supervisors' list-valued fields must hold a value from Settings (spelled as Settings spells it). */
function fromSettingsList(
  field: WorkOrderField,
  value: string,
  settings: Settings,
): { ok: true; value: string } | { ok: false; reason: string } {
  const lists: Partial<Record<WorkOrderField, [readonly string[], string]>> = {
    priority: [settings.priorities.map((p) => p.name), 'a priority on the Settings tab'],
    category: [settings.categories, 'a category on the Settings tab'],
  };
  const list = lists[field];
  if (!list || value.trim() === '') return { ok: true, value };
  const match = list[0].find((v) => v.trim().toLowerCase() === value.trim().toLowerCase());
  return match
    ? { ok: true, value: match }
    : { ok: false, reason: `${header(field)} "${value}" is not ${list[1]}` };
}

function judgeChanges(
  before: WorkOrder,
  after: WorkOrder,
  changed: WorkOrderField[],
  bad: Map<WorkOrderField, string>,
  typed: (f: WorkOrderField) => string,
  ctx: JudgeContext,
): Accepted {
  const { actor } = ctx;
  const fields: Partial<WorkOrder> = {};
  const refused: Refusal[] = [];
  const steps: Step[] = [];
  const refuse = (field: WorkOrderField, reason: string): void => {
    refused.push({ field, typed: typed(field), reason, restored: true });
  };
  const allowed = {
    priorities: ctx.settings.priorities.map((p) => p.name),
    categories: ctx.settings.categories,
    technicians: activeTechnicians(ctx.staff).map((t) => t.email),
  };

  // Plain fields first: notes, results, actions, reason, and a supervisor's priority, category, due.
  for (const field of changed) {
    if (field === 'status' || field === 'assignee') continue;
    const may = checkSheetEdit({ order: before, actor, field });
    if (!may.ok) {
      refuse(field, may.reason);
      continue;
    }
    const problem = bad.get(field);
    if (problem) {
      refuse(field, `${header(field)} ${problem}`);
      continue;
    }
    const value = after[field];
    if (typeof value === 'string') {
      const listed = fromSettingsList(field, value, ctx.settings);
      if (!listed.ok) {
        refuse(field, listed.reason);
        continue;
      }
      (fields as Record<string, unknown>)[field] = listed.value;
    } else (fields as Record<string, unknown>)[field] = value;
  }

  // A supervisor typing an Assignee assigns (Approved) or reassigns (Assigned) the work order.
  let current: WorkOrder = before;
  if (changed.includes('assignee')) {
    const may = checkSheetEdit({ order: before, actor, field: 'assignee' });
    if (!may.ok) refuse('assignee', may.reason);
    else if (!findTransition(before.status, 'Assigned')) {
      refuse(
        'assignee',
        `The Assignee can only change while a work order is Approved or Assigned; this one is ${before.status}`,
      );
    } else {
      const changes = { ...fields, assignee: after.assignee };
      const check = checkTransition({ order: before, to: 'Assigned', actor, changes, allowed });
      if (!check.ok) refuse('assignee', check.reason);
      else {
        fields.assignee = after.assignee;
        steps.push({ transition: check.transition, previousAssignee: before.assignee });
        current = { ...before, ...fields, status: 'Assigned' };
      }
    }
  }

  if (changed.includes('status')) {
    const may = checkSheetEdit({ order: before, actor, field: 'status' });
    const problem = bad.get('status');
    if (!may.ok) refuse('status', may.reason);
    else if (problem) refuse('status', `${header('status')} ${problem}`);
    else if (after.status !== current.status) {
      const input = { order: current, to: after.status, actor, changes: fields, allowed };
      let check = checkTransition(input);
      // The checklist is read only for a completion that passes every other check.
      if (check.ok && check.transition.action === 'complete' && ctx.unticked)
        check = checkTransition({ ...input, checklist: { unticked: ctx.unticked(current) } });
      if (!check.ok) refuse('status', check.reason);
      else if (!SHEET_ACTIONS.includes(check.transition.action))
        refuse('status', sidebarOnly(check.transition));
      else steps.push({ transition: check.transition, previousAssignee: current.assignee });
    }
  }

  // What the final status needs may not be emptied by the same edit (or by a later one).
  const finalStatus = steps.length > 0 ? (steps[steps.length - 1] as Step).transition.to : before.status;
  for (const field of requiredWhile(finalStatus)) {
    if (field in fields && isEmpty(fields[field])) {
      delete fields[field];
      const article = /^[AEIOU]/.test(finalStatus) ? 'An' : 'A';
      refuse(field, `${article} ${finalStatus} work order needs ${header(field)}: it cannot be emptied`);
    }
  }
  return { fields, refused, steps };
}

/** Applies the accepted fields and steps: the order after the edit and its field-level changes. */
function applyAccepted(before: WorkOrder, accepted: Accepted, ctx: JudgeContext): WorkOrder {
  const { fields, steps } = accepted;
  if (steps.length === 0) return { ...before, ...fields };
  let current = before;
  steps.forEach((step, i) => {
    const input = i === 0 ? fields : {};
    current = applyTransition(current, step.transition, input, {
      now: ctx.now,
      actorEmail: ctx.actor.email,
      sla: { settings: ctx.settings, timeZone: ctx.timeZone },
    }).order;
  });
  return current;
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
    if (baseline === 'unknown') return { kind: 'unchecked', id: idNow, reason: NO_RECORD, drift: [] };
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
    : judgeChanges(before, after, changed, read.bad, typed, ctx);
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
