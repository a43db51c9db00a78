/**
 * The rules for the fields one edit changed in a register row: which of them may keep their new
 * value and why the others go back, and what the accepted ones do (status moves with their stamps).
 * Pure. The row's previous values, the drift and paste checks and the verdict are ./judge's.
 *
 * The rules are the core's: `checkSheetEdit` (who may type into which column), `checkTransition` (the
 * lifecycle table) and `applyTransition` (stamps, clears); nothing here restates them.
 */
import {
  LIFECYCLE,
  actsAsSupervisor,
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
import { restartHoldOnNewDue, typedDueDate } from '../../../core/sla';
import { activeTechnicians } from '../../../core/staff';
import { findAsset, type Asset } from '../../../core/assets';
import { isValidDate } from '../../../core/time';

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
  /** The Assets tab's assets (read only when an Asset cell is typed); none given: not checked. */
  assets?: () => readonly Asset[];
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

/** The sidebar-only steps, in words: "To close it, use …". */
function sidebarOnly(t: Transition): string {
  return `To ${t.verb.replace('%', 'it')}, use ${SIDEBAR}: it asks for what this step needs`;
}

/** The sidebar-only step from → to when `actor` is one who may take it (a supervisor), else null. */
function sidebarStepOf(from: Status, to: Status, actor: TransitionActor): Transition | null {
  const transition = findTransition(from, to);
  if (!transition || SHEET_ACTIONS.includes(transition.action)) return null;
  return actsAsSupervisor(actor.role) && transition.actors.includes('supervisor') ? transition : null;
}

export interface Accepted {
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

/**
 * An asset typed into an order's Asset cell must be one on the Assets tab and in service: an id made up,
 * or a retired asset's, would put the order's history (repeat failures, asset history) on an asset the
 * maintenance program does not have. Spelled as the Assets tab spells it.
 */
function listedAsset(
  value: string,
  assets: readonly Asset[],
): { ok: true; value: string } | { ok: false; reason: string } {
  const asset = findAsset(assets, value);
  if (!asset)
    return {
      ok: false,
      reason: `Asset "${value}" is not on the Assets tab: type an Asset ID listed there, or leave the cell empty`,
    };
  if (!asset.active)
    return {
      ok: false,
      reason: `Asset ${asset.id} is retired (Active is FALSE on the Assets tab): name an asset in service, or leave the cell empty`,
    };
  return { ok: true, value: asset.id };
}

export function judgeChanges(
  before: WorkOrder,
  after: WorkOrder,
  changed: WorkOrderField[],
  bad: Map<WorkOrderField, string>,
  typed: (f: WorkOrderField) => string,
  ctx: JudgeContext,
  /** Fields typed since the order's last status change, as the row's record tells (the Reason). */
  renewed: readonly WorkOrderField[] = [],
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
    const may = checkSheetEdit({ order: before, actor, field, staff: ctx.staff });
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
    if (field === 'asset' && typeof value === 'string' && value.trim() !== '' && ctx.assets) {
      const listed = listedAsset(value, ctx.assets());
      if (listed.ok) fields.asset = listed.value;
      else refuse(field, listed.reason);
      continue;
    }
    if (typeof value === 'string') {
      const listed = fromSettingsList(field, value, ctx.settings);
      if (!listed.ok) {
        refuse(field, listed.reason);
        continue;
      }
      (fields as Record<string, unknown>)[field] = listed.value;
    } else if (field === 'due' && isValidDate(value)) fields.due = typedDueDate(value, ctx.timeZone);
    else (fields as Record<string, unknown>)[field] = value;
  }

  // A supervisor typing an Assignee assigns (Approved) or reassigns (Assigned) the work order.
  let current: WorkOrder = before;
  if (changed.includes('assignee')) {
    const may = checkSheetEdit({ order: before, actor, field: 'assignee', staff: ctx.staff });
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
    const may = checkSheetEdit({ order: before, actor, field: 'status', staff: ctx.staff });
    const problem = bad.get('status');
    if (!may.ok) refuse('status', may.reason);
    else if (problem) refuse('status', `${header('status')} ${problem}`);
    else if (after.status !== current.status) {
      // A supervisor's step that only the sidebar takes is pointed there at once, not refused first for
      // a missing Reason: typing one in would only lead to the same refusal.
      const sidebarStep = sidebarStepOf(current.status, after.status, actor);
      if (sidebarStep) refuse('status', sidebarOnly(sidebarStep));
      else {
        const input = { order: current, to: after.status, actor, changes: fields, allowed, renewed };
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
export function applyAccepted(before: WorkOrder, accepted: Accepted, ctx: JudgeContext): WorkOrder {
  const { fields, steps } = accepted;
  // A Due typed while On Hold answers for the hold so far, as a due date given in the sidebar does.
  if (steps.length === 0)
    return restartHoldOnNewDue(before, { ...before, ...fields }, ctx.now, ctx.settings, ctx.timeZone);
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
