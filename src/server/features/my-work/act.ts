/**
 * One technician step on one order, inside the document lock: find the row by id, refuse a stale card,
 * check the step against the lifecycle table (checkTransition) or, for a note, the column rights
 * (checkSheetEdit), then write the row once and append its change-log row. The same code serves the
 * My work sidebar and the per-order update form; emails go after the lock (./entry, ../update-form).
 * A refusal writes nothing.
 */
import { checkWaitingEditsFirst } from '../edits/pending';
import type { UnhashedEntry } from '../../../core/audit';
import { diffOrders, formatFieldValue, type FieldChange } from '../../../core/field-changes';
import {
  applyTransition,
  checkSheetEdit,
  checkTransition,
  transitionFor,
  type Transition,
} from '../../../core/lifecycle';
import { REGISTER_COLUMNS, type ChangeSource, type WorkOrder } from '../../../core/model';
import { CELL_CHAR_LIMIT } from '../../../core/sanitize';
import { holdReleaseReasons } from '../../../core/sla';
import { formatLocal } from '../../../core/time';
import type { MyWorkActionRequest } from '../../../shared/my-work';
import { writeChangeLog } from '../../adapters/change-log';
import type { MailIntent } from '../../adapters/change-log-mail';
import { KEEP_DOCUMENT_LOCK_FOR_MAIL, withDocumentLock } from '../../adapters/document-lock';
import type { ReferenceData } from '../../adapters/reference-data';
import { Register, type LocatedOrder } from '../../adapters/register';
import { syncQueueFor } from '../../adapters/review-queue';
import { changesQueue } from '../../adapters/review-queue-codec';
import type { Worker } from './caller';
import { untickedFor } from '../checklists/gate';
import { movedOnMessage } from './moved-on';
import { intendStepEmails, notifySteps, type PendingEmail } from '../edits/notify';
import type { Spreadsheet } from '../../adapters/apps-script-types';

export interface StepOutcome {
  ok: true;
  before: WorkOrder;
  after: WorkOrder;
  row: number;
  /** The lifecycle row applied; null for a note. */
  transition: Transition | null;
  /** The emails the step owes, recorded with its log rows (sent by notifyStep). */
  mailIntent: MailIntent | null;
}
export interface StepRefusal {
  ok: false;
  message: string;
  /** The order moved on (cancelled, closed, given to someone else): sending the step again is no use. */
  final?: true;
}

/** Where the step came from: the change log's source and the word the stale message uses. */
export interface StepOrigin {
  source: ChangeSource;
  /** "opened My work": what the stale-card message says the person last saw. */
  seen: string;
  /** "since you opened My work": when the order moved on, as the moved-on message says it ('': unknown). */
  since: string;
  /** Where the person sees their current work: "Reload to see your current work". */
  next: string;
  /** Whether the request's revision must match the row's (a card can be stale; a form answer acts on the order as it is). */
  checkRevision: boolean;
}

const refuse = (message: string): StepRefusal => ({ ok: false, message });

function locate(register: Register, id: string, hint?: number): LocatedOrder | null {
  return (hint === undefined ? null : register.findAtRow(id, hint)) ?? register.find(id);
}

/** The notes with a new dated line: "[2026-03-06 17:05 Tina Tech] text". */
export function appendNote(notes: string, text: string, worker: Worker, now: Date, timeZone: string): string {
  const line = `[${formatLocal(now, timeZone)} ${worker.name || worker.email}] ${text}`;
  return notes.trim() === '' ? line : `${notes.replace(/\s+$/, '')}\n${line}`;
}

function logEntries(
  id: string,
  user: string,
  origin: StepOrigin,
  now: Date,
  changes: FieldChange[],
): UnhashedEntry[] {
  return changes.map((c) => ({
    at: now,
    user,
    source: origin.source,
    recordId: id,
    field: REGISTER_COLUMNS[c.field],
    oldValue: formatFieldValue(c.oldValue),
    newValue: formatFieldValue(c.newValue),
  }));
}

/** The order after the step, or why the step is refused (nothing written yet). */
function decide(
  order: WorkOrder,
  request: MyWorkActionRequest,
  worker: Worker,
  now: Date,
  reference: Pick<ReferenceData, 'settings' | 'timeZone'>,
  unticked?: readonly string[],
): { next: WorkOrder; changes: FieldChange[]; transition: Transition | null } | StepRefusal {
  const { timeZone } = reference;
  const actor = { email: worker.email, role: worker.role };
  let notes = order.notes;
  if (request.note !== undefined) {
    const rights = checkSheetEdit({ order, actor, field: 'notes' });
    if (!rights.ok) return refuse(`${rights.reason}.`);
    notes = appendNote(order.notes, request.note, worker, now, timeZone);
    if (notes.length > CELL_CHAR_LIMIT) {
      return refuse(
        `${REGISTER_COLUMNS.notes} of ${order.id} is full (a cell holds ${CELL_CHAR_LIMIT} characters): ask a supervisor to move older notes out.`,
      );
    }
  }
  if (request.action === 'note') {
    const next = { ...order, notes, revision: order.revision + 1 };
    return { next, changes: diffOrders(order, next), transition: null };
  }
  const wanted = transitionFor(request.action);
  const input: Partial<WorkOrder> = {};
  if (request.action === 'hold') input.reason = request.reason;
  if (request.action === 'complete') {
    input.results = request.results;
    input.actions = request.actionsTaken;
  }
  if (notes !== order.notes) input.notes = notes;
  const checklist = unticked ? { unticked } : undefined;
  const check = checkTransition({ order, to: wanted.to, actor, changes: input, checklist });
  if (!check.ok) return refuse(`${check.reason}.`);
  if (check.transition.action !== wanted.action) {
    return refuse(
      `${order.woNumber || order.id} is ${order.status}: "${wanted.action}" does not apply to it now.`,
    );
  }
  const applied = applyTransition(order, check.transition, input, {
    now,
    actorEmail: worker.email,
    sla: { settings: reference.settings, timeZone },
  });
  return { next: applied.order, changes: applied.changes, transition: check.transition };
}

/**
 * The step on an order already found, without taking a lock: the caller holds the document lock
 * (performStep here; the update form's handler, which also holds the owner's lock for intake's ledger).
 */
export function stepAt(
  ss: Spreadsheet,
  register: Register,
  located: LocatedOrder | null,
  reference: ReferenceData,
  worker: Worker,
  request: MyWorkActionRequest,
  now: Date,
  origin: StepOrigin,
  /** The required checklist items left, when the caller has already worked them out (the update form). */
  unticked?: readonly string[],
): StepOutcome | StepRefusal {
  if (!located) {
    return refuse(
      `No work order ${request.id} is in the register (it may have been archived or deleted). Reload to see your current work.`,
    );
  }
  const before = located.order;
  // A cell written where no edit trigger judged it (a script of the technician's own) decides nothing.
  const unrecorded = register.unrecordedChange(located, reference.timeZone);
  if (unrecorded) return refuse(unrecorded);
  // A card shown before a supervisor cancelled the order or gave it to someone else (or an update
  // form answer about such an order): what happened and whom to tell, not "try again".
  if (!origin.checkRevision || before.revision !== request.revision) {
    const movedOn = movedOnMessage(before, worker, reference.staff, origin);
    if (movedOn) return { ok: false, message: movedOn, final: true };
  }
  if (origin.checkRevision && before.revision !== request.revision) {
    return refuse(
      `${before.woNumber || before.id} changed since you ${origin.seen}: it is now ${before.status} (revision ${before.revision}; you saw revision ${request.revision}). Nothing was changed. Reload to see the latest, then try again.`,
    );
  }
  // Completed waits for the order's required checklist items (read only when completing).
  const left = request.action === 'complete' ? (unticked ?? untickedFor(ss, reference, before)) : undefined;
  const decided = decide(before, request, worker, now, reference, left);
  if ('ok' in decided) return decided;
  // The log rows first, committed after the whole-row write: a change never lands without its log
  // row, and a failure between the two is settled by the next append.
  const entries = logEntries(before.id, worker.email, origin, now, decided.changes);
  for (const line of holdReleaseReasons(before, decided.next))
    entries.push({ at: now, user: worker.email, source: origin.source, recordId: before.id, ...line });
  const logged = writeChangeLog(ss, entries, { spareCalls: 0 });
  const owed = emailsOwed(before, decided.next, decided.transition);
  const mailIntent = intendStepEmails(logged, reference, owed, worker.email);
  register.write(located, decided.next);
  logged.commit(mailIntent);
  if (changesQueue(before, decided.next)) syncQueueFor([{ row: located.row, order: decided.next }]);
  return {
    ok: true,
    before,
    after: decided.next,
    row: located.row,
    transition: decided.transition,
    mailIntent,
  };
}

function emailsOwed(before: WorkOrder, after: WorkOrder, transition: Transition | null): PendingEmail[] {
  return transition ? [{ step: { transition, previousAssignee: before.assignee }, order: after }] : [];
}

/**
 * The step's emails, after the lock is released (sending is slow): sent once its intent is released,
 * or left for the next change to the log to queue.
 */
export function notifyStep(
  ss: Spreadsheet,
  reference: ReferenceData,
  outcome: StepOutcome,
  actorEmail: string,
  now: Date,
): void {
  const owed = emailsOwed(outcome.before, outcome.after, outcome.transition);
  notifySteps(ss, reference, owed, actorEmail, now, outcome.mailIntent);
}

export function performStep(
  ss: Spreadsheet,
  reference: ReferenceData,
  worker: Worker,
  request: MyWorkActionRequest,
  now: Date,
  origin: StepOrigin,
): StepOutcome | StepRefusal {
  // Kept for notifyStep, which deletes the mail intent under it and then gives it back.
  return withDocumentLock(() => {
    checkWaitingEditsFirst(ss, worker.email);
    const register = Register.open(ss);
    const located = locate(register, request.id, request.rowHint);
    return stepAt(ss, register, located, reference, worker, request, now, origin);
  }, KEEP_DOCUMENT_LOCK_FOR_MAIL);
}
