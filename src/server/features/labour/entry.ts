/**
 * My work's checklist, time and parts: `myWorkRecord` shows an order's checklist, time and parts, ticks
 * or unticks an item, or records time or a part used, on one order. A card loads them when the
 * technician opens them, not with the list: opening My work costs what it did. Like every sidebar
 * call it runs as the person who opened the sidebar, re-checks them on the Staff tab and validates
 * its input.
 */
import { checkWaitingEditsFirst } from '../edits/pending';
import { isValidDate, toIso, wholeSeconds } from '../../../core/time';
import { isTicked } from '../../../core/checklist-items';
import { itemsForCategory } from '../../../core/checklists';
import {
  PARTS_COLUMNS,
  PARTS_SHEET,
  TIME_COLUMNS,
  TIME_SHEET,
  checkRecordWork,
  parsePartRows,
  parseTimeRows,
} from '../../../core/labour';
import type { WorkOrder } from '../../../core/model';
import type { MyWorkRecordResponse, WorkRecordsView } from '../../../shared/work-records';
import { WorkRecordRequestSchema } from '../../../shared/work-records-schema';
import { documentKey } from '../../adapters/addon-secret';
import { withDocumentLock } from '../../adapters/document-lock';
import type { ReferenceData } from '../../adapters/reference-data';
import { rowsEnteredSince } from '../../adapters/order-rows';
import { Register } from '../../adapters/register';
import { checklistCopiesOf, checklistDefinitions } from '../checklists/tabs';
import { isRefusal, myWorkCall, type Worker } from '../my-work/caller';
import { MY_WORK_NOW, MY_WORK_VIEW, movedOnMessage } from '../my-work/moved-on';
import { answer, refusal } from '../review/respond';
import { RecordRefusal, loadPlan, planRecord, recordKey, writePlan } from './record';
import type { Spreadsheet } from '../../adapters/apps-script-types';

export type { MyWorkRecordResponse };

/** Allowance for clocks of different executions: rows entered this long before the approval still count. */
const CLOCK_MARGIN_MS = 60 * 60_000;

/** When `order` could first have had work recorded: its approval (else its request), less the margin. */
function recordsStartAt(order: WorkOrder): number | null {
  const start = [order.decidedAt, order.requestedAt].find((d) => isValidDate(d));
  return start ? start.getTime() - CLOCK_MARGIN_MS : null;
}

/** Each order's checklist, time and parts, for the cards of `orders`. */
export function recordsOf(
  ss: Spreadsheet,
  reference: ReferenceData,
  worker: Worker,
  orders: readonly WorkOrder[],
): Map<string, WorkRecordsView> {
  const key = documentKey();
  // Only these orders' rows, read from each tab's end (adapters/order-rows): never the whole tab.
  const copies = checklistCopiesOf(
    ss,
    orders.map((o) => o.id),
    key,
  );
  const starts = orders.map(recordsStartAt);
  const since = starts.includes(null) ? null : Math.min(...(starts as number[]));
  const time = parseTimeRows(
    rowsEnteredSince(ss, TIME_SHEET, TIME_COLUMNS.enteredAt, since).values,
    key,
  ).entries;
  const parts = parsePartRows(
    rowsEnteredSince(ss, PARTS_SHEET, PARTS_COLUMNS.enteredAt, since).values,
    key,
  ).entries;
  let definitions: ReturnType<typeof checklistDefinitions> | null = null;
  const out = new Map<string, WorkRecordsView>();
  for (const order of orders) {
    let checklist = (copies.get(order.id) ?? []).map((i) => ({
      number: i.number,
      item: i.item,
      required: i.required,
      done: isTicked(i),
      doneBy: isTicked(i) ? i.doneBy : '',
      doneAt: isTicked(i) ? toIso(i.doneAt) : '',
    }));
    if (checklist.length === 0) {
      definitions ??= checklistDefinitions(ss, reference.settings.categories);
      checklist = itemsForCategory(definitions, order.category).map((d, i) => ({
        number: i + 1,
        item: d.item,
        required: d.required,
        done: false,
        doneBy: '',
        doneAt: '',
      }));
    }
    out.set(order.id, {
      checklist,
      time: time
        .filter((e) => e.id === order.id)
        .map((e) => ({ technician: e.technician, date: e.date, hours: e.hours, note: e.note })),
      parts: parts
        .filter((e) => e.id === order.id)
        .map((e) => ({ part: e.part, quantity: e.quantity, unitCost: e.unitCost })),
      canRecord: checkRecordWork(order, worker).ok,
    });
  }
  return out;
}

function isChange(request: unknown): boolean {
  return typeof request === 'object' && request !== null && (request as { kind?: unknown }).kind !== 'view';
}

/** Tick or untick a checklist item, or record time or a part, on one of the caller's orders. */
export function myWorkRecord(request?: unknown): MyWorkRecordResponse {
  return answer((): MyWorkRecordResponse => {
    // A view changes nothing; a tick, time or part does, so its caller is checked on the tab itself.
    const call = myWorkCall(WorkRecordRequestSchema, request, { acting: isChange(request) });
    if (isRefusal(call)) return call;
    const { ss, reference, worker, data } = call;
    // Whole seconds: the Done At and Entered At cells read back exactly as sealed.
    const now = wholeSeconds(new Date());
    return withDocumentLock((): MyWorkRecordResponse => {
      if (isChange(data)) checkWaitingEditsFirst(ss, worker.email);
      // At the card's row when it still holds the order (one read), else by the id column.
      const register = Register.open(ss);
      const located =
        (data.rowHint === undefined ? null : register.findAtRow(data.id, data.rowHint)) ??
        register.find(data.id);
      if (!located) {
        return refusal(
          `No work order ${data.id} is in the register (it may have been archived). Reload to see your current work.`,
        );
      }
      // A change is decided from the row's Assignee and Status: not from a cell written where no edit
      // trigger judged it (a view changes nothing, and shows the records whatever the row says).
      const unrecorded = isChange(data) ? register.unrecordedChange(located, reference.timeZone) : null;
      if (unrecorded) return refusal(unrecorded);
      // Cancelled or given to someone else (perhaps while the card was open): how it is, whom to tell;
      // a view too, which the recording check would refuse in words about recording.
      const origin = isChange(data) ? MY_WORK_NOW : MY_WORK_VIEW;
      const movedOn = movedOnMessage(located.order, worker, reference.staff, origin);
      if (movedOn) return refusal(movedOn);
      const key = recordKey();
      const plan = loadPlan(ss, reference, located.order, key);
      try {
        planRecord(plan, data, worker, reference, now, 'sidebar');
      } catch (error) {
        if (error instanceof RecordRefusal) return refusal(error.message);
        throw error;
      }
      writePlan(ss, plan, key);
      const records = recordsOf(ss, reference, worker, [located.order]).get(located.order.id);
      const message =
        data.kind === 'view' ? '' : plan.said.join(' ') || 'Nothing changed: it was already so.';
      return { ok: true, message, records: records as WorkRecordsView };
    });
  });
}
