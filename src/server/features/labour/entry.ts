/**
 * My work's checklist, time and parts: `myWorkRecord` ticks or unticks an item, or records time or a
 * part used, on one order; `attachRecords` puts every card's checklist, time and parts on the view
 * My work loads (the three tabs read once each). Like every sidebar call it runs as the person who
 * opened the sidebar, re-checks them on the Staff tab and validates its input.
 */
import { CHECKLIST_ITEMS_SHEET, isTicked, parseChecklistItems } from '../../../core/checklist-items';
import { itemsForCategory } from '../../../core/checklists';
import { PARTS_SHEET, TIME_SHEET, checkRecordWork, parsePartRows, parseTimeRows } from '../../../core/labour';
import { emptyWorkOrder, type WorkOrder } from '../../../core/model';
import { toIso } from '../../../core/time';
import {
  describeMyWorkIssues,
  type MyWorkCard,
  type MyWorkView,
  type Refusal,
} from '../../../shared/my-work';
import type { WorkRecordsView } from '../../../shared/work-records';
import { WorkRecordRequestSchema } from '../../../shared/work-records-schema';
import { documentKey } from '../../adapters/addon-secret';
import { withDocumentLock } from '../../adapters/document-lock';
import { loadReferenceData, type ReferenceData } from '../../adapters/reference-data';
import { Register } from '../../adapters/register';
import { currentUserEmail } from '../../adapters/session';
import { activeSpreadsheet } from '../../adapters/workbook';
import { checklistDefinitions, readGrid } from '../checklists/tabs';
import { isRefusal, workerOrRefusal, type Worker } from '../my-work/caller';
import { answer, refusal } from '../review/respond';
import { RecordRefusal, loadPlan, planRecord, recordKey, writePlan } from './record';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export type MyWorkRecordResponse = { ok: true; message: string; records: WorkRecordsView } | Refusal;

/** Each order's checklist, time and parts, for the cards of `orders`. */
export function recordsOf(
  ss: Spreadsheet,
  reference: ReferenceData,
  worker: Worker,
  orders: readonly WorkOrder[],
): Map<string, WorkRecordsView> {
  const key = documentKey();
  const copies = parseChecklistItems(readGrid(ss, CHECKLIST_ITEMS_SHEET) ?? [], key);
  const time = parseTimeRows(readGrid(ss, TIME_SHEET) ?? [], key).entries;
  const parts = parsePartRows(readGrid(ss, PARTS_SHEET) ?? [], key).entries;
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

/** What the records need of an order, from its card (My work lists the caller's own orders). */
function orderOfCard(card: MyWorkCard, worker: Worker): WorkOrder {
  return {
    ...emptyWorkOrder(),
    id: card.id,
    woNumber: card.woNumber,
    status: card.status,
    category: card.category,
    assignee: worker.email,
  };
}

/** One card with its records. */
export function withRecords(
  ss: Spreadsheet,
  reference: ReferenceData,
  worker: Worker,
  card: MyWorkCard,
): MyWorkCard {
  return { ...card, records: recordsOf(ss, reference, worker, [orderOfCard(card, worker)]).get(card.id) };
}

/** The view with each card's records (cards carry only what the register holds otherwise). */
export function attachRecords(
  ss: Spreadsheet,
  reference: ReferenceData,
  worker: Worker,
  view: MyWorkView,
): MyWorkView {
  const cards = [...view.open, ...view.awaitingClose];
  const records = recordsOf(
    ss,
    reference,
    worker,
    cards.map((card) => orderOfCard(card, worker)),
  );
  const withRecords = (card: MyWorkCard): MyWorkCard => ({ ...card, records: records.get(card.id) });
  return { ...view, open: view.open.map(withRecords), awaitingClose: view.awaitingClose.map(withRecords) };
}

/** Tick or untick a checklist item, or record time or a part, on one of the caller's orders. */
export function myWorkRecord(request?: unknown): MyWorkRecordResponse {
  return answer((): MyWorkRecordResponse => {
    const parsed = WorkRecordRequestSchema.safeParse(request);
    if (!parsed.success) return refusal(describeMyWorkIssues(parsed.error));
    const ss = activeSpreadsheet();
    const reference = loadReferenceData(ss);
    const worker = workerOrRefusal(reference, currentUserEmail());
    if (isRefusal(worker)) return worker;
    // Whole seconds: the Done At and Entered At cells read back exactly as sealed.
    const now = new Date(Math.floor(Date.now() / 1000) * 1000);
    return withDocumentLock((): MyWorkRecordResponse => {
      const located = Register.open(ss).find(parsed.data.id);
      if (!located) {
        return refusal(
          `No work order ${parsed.data.id} is in the register (it may have been archived). Reload to see your current work.`,
        );
      }
      const key = recordKey();
      const plan = loadPlan(ss, reference, located.order, key);
      try {
        planRecord(plan, parsed.data, worker, reference, now, 'sidebar');
      } catch (error) {
        if (error instanceof RecordRefusal) return refusal(error.message);
        throw error;
      }
      writePlan(ss, plan, key);
      const records = recordsOf(ss, reference, worker, [located.order]).get(located.order.id);
      const message = plan.said.join(' ') || 'Nothing changed: it was already so.';
      return { ok: true, message, records: records as WorkRecordsView };
    });
  });
}
