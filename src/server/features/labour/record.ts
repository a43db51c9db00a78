/**
 * Checklist ticks, time and parts on one order, planned in memory and then written: the change-log
 * rows first, the tab rows, then the log's commit (a record never lands without its log row). The My
 * work sidebar (./entry) and the update form (my-work/form-update.ts) both come through here, under
 * the document lock their caller holds, with the same checks: the permission table's recordWorkDone
 * on the caller's own assigned order, and the shared rules of every value.
 */
import type { UnhashedEntry } from '../../../core/audit';
import {
  CHECKLIST_ITEMS_HEADER_ROW,
  CHECKLIST_ITEMS_SHEET,
  copyRows,
  itemRow,
  parseChecklistItems,
  ticked,
  untickedRequired,
  forgedItemText,
  isTicked,
  type OrderChecklistItem,
} from '../../../core/checklist-items';
import { itemsForCategory } from '../../../core/checklists';
import {
  PARTS_HEADER_ROW,
  PARTS_SHEET,
  TIME_COLUMNS,
  TIME_HEADER_ROW,
  TIME_SHEET,
  cents,
  checkRecordWork,
  parseTimeRows,
  partRow,
  sealOfRow,
  timeRow,
  type PartEntry,
  type TimeEntry,
} from '../../../core/labour';
import { PARTS_SEAL_FIELD, TIME_SEAL_FIELD } from '../../../core/covered-rows';
import { partLine, timeLine } from '../../../core/work-record-lines';
import type { ChangeSource, Role, WorkOrder } from '../../../core/model';
import type { HmacKey } from '../../../core/sha256';
import { formatLocalDate, fromLocalParts, parseIsoDate } from '../../../core/time';
import { dayHoursProblem, workDateProblem } from '../../../shared/work-records';
import { rowsEnteredSince } from '../../adapters/order-rows';
import type { WorkRecordRequest } from '../../../shared/work-records-schema';
import { writeChangeLog } from '../../adapters/change-log';
import { documentKey } from '../../adapters/addon-secret';
import type { ReferenceData } from '../../adapters/reference-data';
import { appendTabRows, rewriteTabRows } from '../../adapters/record-tabs';
import { checklistCopiesOf, checklistDefinitions, markChecklistsInUse } from '../checklists/tabs';
import { saveUntickChanges } from '../checklists/unticked';
import type { Spreadsheet } from '../../adapters/apps-script-types';

/** The order's checklist rows as they will be once the plan is written (ticks applied in memory). */
export interface Plan {
  order: WorkOrder;
  checklist: OrderChecklistItem[];
  /** Whether the checklist is a fresh copy to append (an order approved before checklists existed). */
  copy: boolean;
  changedItems: Map<number, OrderChecklistItem>;
  /** Items unticked (at when) or ticked again (null), recorded in the add-on's state (../checklists/unticked). */
  unticks: Map<number, number | null>;
  /** The Time and Parts Used rows to append, sealed with `key` (each seal is logged with its entry). */
  timeRows: unknown[][];
  partRows: unknown[][];
  key: HmacKey;
  /** The hours `technician` has recorded on `date` (every order, sealed rows), read when first asked. */
  hoursOn: (technician: string, date: string) => number;
  /** Hours this plan adds, by date. */
  plannedHours: Map<string, number>;
  entries: UnhashedEntry[];
  /** What was done, for the reply: "Ticked "Isolate power"." */
  said: string[];
}

export class RecordRefusal extends Error {}

/** The order's checklist from the Checklist Items tab, or (none yet) a copy of its category's items. */
export function loadPlan(ss: Spreadsheet, reference: ReferenceData, order: WorkOrder, key: HmacKey): Plan {
  const byId = checklistCopiesOf(ss, [order.id], key);
  let checklist = byId.get(order.id) ?? [];
  let copy = false;
  if (checklist.length === 0 && order.status !== 'Submitted') {
    const defs = itemsForCategory(checklistDefinitions(ss, reference.settings.categories), order.category);
    checklist =
      parseChecklistItems([[...CHECKLIST_ITEMS_HEADER_ROW], ...copyRows(key, order.id, defs)], key).get(
        order.id,
      ) ?? [];
    copy = checklist.length > 0;
  }
  return {
    order,
    checklist,
    copy,
    changedItems: new Map(),
    unticks: new Map(),
    timeRows: [],
    partRows: [],
    key,
    hoursOn: recordedHours(ss, reference.timeZone, key),
    plannedHours: new Map(),
    entries: [],
    said: [],
  };
}

/**
 * The hours each person recorded on a date, from the Time tab's sealed rows: only rows entered since
 * that day began are read (a date after the day it is recorded on is refused, so none is older), less
 * an hour for the clocks of different executions. Each date is read once per plan.
 */
function recordedHours(
  ss: Spreadsheet,
  timeZone: string,
  key: HmacKey,
): (technician: string, date: string) => number {
  const byDate = new Map<string, Map<string, number>>();
  return (technician, date) => {
    let hours = byDate.get(date);
    if (!hours) {
      const day = parseIsoDate(date);
      const since = day ? fromLocalParts(day, timeZone).getTime() - 60 * 60_000 : null;
      const rows = rowsEnteredSince(ss, TIME_SHEET, TIME_COLUMNS.enteredAt, since).values;
      hours = new Map();
      for (const e of parseTimeRows(rows, key).entries)
        if (e.date === date) hours.set(e.technician, (hours.get(e.technician) ?? 0) + e.hours);
      byDate.set(date, hours);
    }
    return hours.get(technician) ?? 0;
  };
}

/** Adds one request to the plan, or throws RecordRefusal saying why (nothing written yet). */
export function planRecord(
  plan: Plan,
  request: WorkRecordRequest,
  who: { email: string; role: Role | null },
  reference: ReferenceData,
  now: Date,
  source: ChangeSource,
): void {
  const { order } = plan;
  const may = checkRecordWork(order, who);
  if (!may.ok) throw new RecordRefusal(`${may.reason}.`);
  const log = (field: string, oldValue: string, newValue: string): void => {
    plan.entries.push({ at: now, user: who.email, source, recordId: order.id, field, oldValue, newValue });
  };
  if (request.kind === 'view') return;
  if (request.kind === 'tick') {
    const index = plan.checklist.findIndex((i) => i.number === request.number);
    const item = plan.checklist[index];
    if (!item || item.item.trim().toLowerCase() !== request.item.trim().toLowerCase()) {
      const known = plan.checklist.map((i) => `${i.number}. ${i.item}`).join('; ');
      throw new RecordRefusal(
        known === ''
          ? `${order.woNumber || order.id} has no checklist.`
          : `"${request.item}" is not item ${request.number} of the checklist of ${order.woNumber || order.id} (${known}). Reload to see its checklist.`,
      );
    }
    // A row changed by hand says nothing trustworthy about its item: sealing it again would make a
    // Required "No" typed over "Yes" (or a shortened "2 of 2") the add-on's own word.
    if (item.forged) throw new RecordRefusal(`Item ${forgedItemText(item)} cannot be ticked.`);
    // A row showing a tick the add-on undid (a copy pasted back) is rewritten either way.
    if (item.done === request.done && item.sealed && item.replayed !== true) return;
    // A Completed order passed the completion check with its required items ticked: unticking one
    // would let it be closed with required work not done. Returning it to the technician comes first.
    if (!request.done && item.required && isTicked(item) && order.status === 'Completed') {
      throw new RecordRefusal(
        `${order.woNumber || order.id} was completed with the required item "${item.item}" done, so it cannot be unticked now: if it was not done, a supervisor returns the order to its technician (Return to technician in Review & assign), and it is unticked then.`,
      );
    }
    const next = { ...ticked(item, request.done, who.email, now), sealed: true, row: item.row };
    plan.checklist[index] = next;
    plan.changedItems.set(next.number, next);
    plan.unticks.set(item.number, request.done ? null : Math.floor(now.getTime() / 1000));
    log(
      `Checklist item ${item.number}`,
      `${isTicked(item) ? 'done' : item.replayed ? 'done (copied back by hand)' : 'not done'}: ${item.item}`,
      `${request.done ? 'done' : 'not done'}: ${item.item}`,
    );
    plan.said.push(`${request.done ? 'Ticked' : 'Unticked'} "${item.item}".`);
    return;
  }
  if (request.kind === 'time') {
    const problem = workDateProblem(request.date, formatLocalDate(now, reference.timeZone));
    if (problem) throw new RecordRefusal(problem);
    // The plan's own entries count too (the update form can carry time with a step).
    const planned = plan.plannedHours.get(request.date) ?? 0;
    const recorded = plan.hoursOn(who.email.toLowerCase(), request.date) + planned;
    const tooMany = dayHoursProblem(recorded, request.hours, request.date);
    if (tooMany) throw new RecordRefusal(tooMany);
    plan.plannedHours.set(request.date, planned + request.hours);
    const entry: TimeEntry = {
      id: order.id,
      technician: who.email.toLowerCase(),
      date: request.date,
      hours: request.hours,
      note: request.note ?? '',
      enteredBy: who.email,
      // One instant per entry of the record: two equal lines must not carry one seal (labour.ts).
      enteredAt: new Date(now.getTime() + plan.timeRows.length),
    };
    const row = timeRow(plan.key, entry);
    plan.timeRows.push(row);
    log(TIME_SHEET, '', timeLine(entry));
    // The row's seal, so Verify audit log can tell a Time row deleted or changed by hand.
    log(TIME_SEAL_FIELD, '', sealOfRow(row));
    plan.said.push(`Recorded ${entry.hours} h on ${entry.date}.`);
    return;
  }
  const part: PartEntry = {
    id: order.id,
    part: request.part,
    quantity: request.quantity,
    unitCost: request.unitCost,
    enteredBy: who.email,
    enteredAt: new Date(now.getTime() + plan.partRows.length),
  };
  const row = partRow(plan.key, part);
  plan.partRows.push(row);
  const cost = cents(part.quantity * part.unitCost).toFixed(2);
  log(PARTS_SHEET, '', partLine(part));
  log(PARTS_SEAL_FIELD, '', sealOfRow(row));
  plan.said.push(`Recorded ${part.quantity} × ${part.part} (${cost}).`);
}

/** The required items the plan leaves unticked (what the completion check refuses on). */
export function planUnticked(plan: Plan): string[] {
  return untickedRequired(plan.checklist);
}

/** Writes the plan: log rows, then the tab rows, then the log's commit. Caller holds the document lock. */
export function writePlan(
  ss: Spreadsheet,
  plan: Plan,
  key: HmacKey,
  copyEntries: UnhashedEntry[] = [],
): void {
  const entries = [...copyEntries, ...plan.entries];
  if (entries.length === 0 && !(plan.copy && plan.changedItems.size > 0)) return;
  const logged = writeChangeLog(ss, entries, { spareCalls: 0 });
  // An untick is recorded before its row is written and a tick again after its commit: stopped in
  // between, the item reads as not ticked (the technician ticks it again), never a pasted copy as ticked.
  const changes = [...plan.unticks].map(([number, at]) => ({ id: plan.order.id, number, at }));
  saveUntickChanges(changes.filter((c) => c.at !== null));
  if (plan.copy && plan.changedItems.size > 0) {
    // An order approved before its category had a checklist tab copy: the copy lands with the tick.
    markChecklistsInUse(plan.checklist.map((i) => i.id));
    appendTabRows(
      ss,
      CHECKLIST_ITEMS_SHEET,
      CHECKLIST_ITEMS_HEADER_ROW,
      plan.checklist.map((i) => itemRow(key, i)),
    );
  } else {
    rewriteTabRows(
      ss,
      CHECKLIST_ITEMS_SHEET,
      [...plan.changedItems.values()].map((item) => ({ row: item.row, values: itemRow(key, item) })),
    );
  }
  appendTabRows(ss, TIME_SHEET, TIME_HEADER_ROW, plan.timeRows);
  appendTabRows(ss, PARTS_SHEET, PARTS_HEADER_ROW, plan.partRows);
  logged.commit();
  saveUntickChanges(changes.filter((c) => c.at === null));
}

/** The add-on's key (created when missing: callers hold the document lock). */
export function recordKey(): HmacKey {
  const key = documentKey();
  if (!key) throw new Error('Document properties are not available: work records cannot be sealed.');
  return key;
}
