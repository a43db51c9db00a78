/**
 * The hourly job's preventive-maintenance step: every occurrence whose lead time has begun gets its
 * work order, exactly once (core/schedule-plan.ts says which; this writes them).
 *
 * Exactly once, however runs overlap or repeat: the job's lease keeps two runs apart; each batch is
 * decided and written under the owner's lock (with the document lock where there is a document),
 * reading the ledger afresh inside it; an occurrence is made only when it is past the ledger's date and
 * no register row the job wrote names it; and the ledger moves only after the rows are in the register.
 * A run that dies between the register write and the ledger write leaves rows that name their
 * occurrences, which the next run reads back, believing only those of the batch it recorded before
 * writing them (a Response Row a script wrote is not evidence: core/schedule-plan believedRefs). Bad rows are skipped (the edit trigger refused them with a note when typed),
 * never stopping the others.
 */
import { compareLocalDates, localParts, type LocalDate } from '../../../core/time';
import { SHEET_NAMES, type WorkOrder } from '../../../core/model';
import { parseSchedules, type Schedule } from '../../../core/schedules';
import {
  believedRefs,
  createdThrough,
  latestRefs,
  ledgerWithRefs,
  parseScheduleBatch,
  parseScheduleLedger,
  planSchedule,
  scheduleRef,
  type Occurrence,
  type ScheduleLedger,
} from '../../../core/schedule-plan';
import { scheduledEntries, scheduledWorkOrder } from '../../../core/schedule-order';
import { anchorDay, unreadScheduleIds, type MonthlyRun } from '../../../core/schedule-anchors';
import { addCalendarDays, isoDate } from '../../../core/time';
import { nextRequestNumber } from '../../../core/ids';
import { withOwnerAndDocumentLocks } from '../../adapters/document-lock';
import { readOwnerStates, writeOwnerStates } from '../../adapters/owner-state';
import { readChunkedState, writeChunkedState } from '../../adapters/owner-chunks';
import { Register } from '../../adapters/register';
import { syncQueueFor } from '../../adapters/review-queue';
import { requireChangeLog, writeChangeLog } from '../../adapters/change-log';
import type { ReferenceData } from '../../adapters/reference-data';
import { REQUEST_COUNTER_STATE, nextRequestId } from '../setup/counters';
import { readAssets } from '../assets/assets-tab';
import { scheduleContext } from './schedules-tab';
import { untrustedScheduleTabs } from './tab-trust';
import { readScheduleAnchors, storeScheduleAnchors } from './anchors';
import { writeBackScheduleCells } from './tab-cells';
import { readTabValues } from '../../adapters/workbook';
import type { Spreadsheet } from '../../adapters/apps-script-types';

/** Owner-state name of the schedule ledger (schedule id → due date of the last occurrence created). */
export const SCHEDULE_LEDGER = 'scheduleLedger';
/** Owner-state name of the batch last written to the register (core/schedule-plan ScheduleBatch). */
export const SCHEDULE_BATCH = 'scheduleBatch';
/**
 * Orders written per lock section (form submissions wait for the lock meanwhile). Also bounds the
 * hourly job's hand-off of their log rows, one property of at most 9 KB: an order's rows take at most
 * ~600 bytes (a late one's flag included).
 */
const BATCH = 10;
/** Orders made per run at most; the rest come with the next run. */
export const MAX_SCHEDULED_PER_RUN = 200;

export interface ScheduleStepResult {
  created: WorkOrder[];
  /** Of them, created after their due date. */
  late: number;
  /** Rows skipped as invalid, with why. */
  problems: string[];
  /** Why no row was taken at all (the tab is not the administrators': ./tab-trust), else null. */
  refused: string | null;
  /** Occurrences left for the next run (per-run bound or time). */
  remaining: number;
  ledgerRebuilt: boolean;
  /** Next Due or Last Created cells left as they stand: moved or changed during the run (./tab-cells). */
  leftOnTab: string[];
}

interface Pending {
  schedule: Schedule;
  occurrence: Occurrence;
}

function readLedger(ssId: string): { ledger: ScheduleLedger; rebuilt: boolean; kept: boolean } {
  const stored = readChunkedState(ssId, SCHEDULE_LEDGER);
  const parsed = parseScheduleLedger(stored);
  // Unreadable: the register's Response Rows (read by the caller) say what was made; never a second order.
  if (!parsed) return { ledger: {}, rebuilt: true, kept: false };
  // Missing (lost properties, a new installation owner): the register is read as for an unreadable one.
  return { ledger: parsed, rebuilt: false, kept: stored !== null && stored !== '' };
}

export function createScheduledOrders(
  ss: Spreadsheet,
  reference: ReferenceData,
  /** The register's orders, their Response Row read: asked only when the Schedules tab has rows. */
  orders: () => readonly WorkOrder[],
  now: Date,
  deadlineMs: number,
): ScheduleStepResult {
  const result: ScheduleStepResult = {
    created: [],
    late: 0,
    problems: [],
    refused: null,
    remaining: 0,
    ledgerRebuilt: false,
    leftOnTab: [],
  };
  const values = readTabValues(ss, SHEET_NAMES.schedules);
  if (!values || values.length < 2) return result;
  result.refused = untrustedScheduleTabs(ss, reference.staff);
  if (result.refused) return result;
  const assets = readAssets(ss, reference.settings);
  const parsed = parseSchedules(
    values,
    scheduleContext(reference.settings, assets.assets, reference.timeZone, assets.refused),
  );
  result.problems = parsed.problems.map((p) => p.message);
  const p = localParts(now, reference.timeZone);
  const today: LocalDate = { year: p.year, month: p.month, day: p.day };
  const ssId = ss.getId();
  const first = readLedger(ssId);
  result.ledgerRebuilt = first.rebuilt;
  // A Response Row is a cell any editor's script can write: only what the job itself wrote counts.
  const horizons = new Map<string, LocalDate>();
  for (const s of parsed.schedules) {
    const horizon = addCalendarDays(today, s.leadDays);
    const known = horizons.get(s.id);
    if (!known || compareLocalDates(horizon, known) > 0) horizons.set(s.id, horizon);
  }
  const refs = believedRefs(orders(), {
    ledgerKept: first.kept,
    batch: parseScheduleBatch(readOwnerStates(ssId, [SCHEDULE_BATCH])[SCHEDULE_BATCH]),
    horizon: (id) => horizons.get(id) ?? null,
  });
  const seen = latestRefs(refs);
  const nextDue = new Map<number, LocalDate>();
  // Month-based schedules keep their day of the month through short months (core/schedule-anchors).
  const anchors = readScheduleAnchors(ssId);
  const days = new Map<number, number>();
  let pending: Pending[] = [];
  for (const schedule of parsed.schedules) {
    const through = createdThrough(first.ledger, seen, schedule.id);
    const day = anchorDay(schedule.nextDue, anchors[schedule.id], through);
    days.set(schedule.row, day);
    const plan = planSchedule(schedule, through, today, day);
    nextDue.set(schedule.row, plan.nextDue);
    for (const occurrence of plan.occurrences)
      if (!refs.has(scheduleRef(schedule.id, occurrence.due))) pending.push({ schedule, occurrence });
  }
  const allPending = pending;
  if (pending.length > MAX_SCHEDULED_PER_RUN) {
    result.remaining = pending.length - MAX_SCHEDULED_PER_RUN;
    pending = pending.slice(0, MAX_SCHEDULED_PER_RUN);
  }
  for (let i = 0; i < pending.length; i += BATCH) {
    if (Date.now() > deadlineMs) {
      result.remaining += pending.length - i;
      break;
    }
    const made = writeBatch(ss, reference, pending.slice(i, i + BATCH), refs, now, today);
    result.created.push(...made);
  }
  // Occurrences left for the next run keep Next Due at the first of them, so none is passed over.
  for (const { schedule, occurrence } of allPending) {
    if (refs.has(scheduleRef(schedule.id, occurrence.due))) continue;
    const planned = nextDue.get(schedule.row);
    if (!planned || compareLocalDates(occurrence.due, planned) < 0) nextDue.set(schedule.row, occurrence.due);
  }
  if (result.created.length === 0) restoreLedger(ssId, seen);
  result.late = result.created.filter((o) => o.reviewFlag !== '').length;
  // The days first: a Next Due written back without them would read as typed on the 28th.
  const monthly = new Map<string, MonthlyRun>();
  for (const s of parsed.schedules)
    if (s.unit === 'months')
      monthly.set(s.id, {
        day: days.get(s.row) ?? s.nextDue.day,
        read: s.nextDue,
        written: nextDue.get(s.row) ?? s.nextDue,
      });
  storeScheduleAnchors(ssId, anchors, monthly, unreadScheduleIds(values, parsed.schedules));
  result.leftOnTab = writeBackScheduleCells(ss, values, nextDue, result.created, now, reference.timeZone);
  return result;
}

/** A lost or older ledger learns from the register what was made (batches write it themselves). */
function restoreLedger(ssId: string, seen: ReadonlyMap<string, LocalDate>): void {
  if (ledgerWithRefs(readLedger(ssId).ledger, seen) === null) return;
  withOwnerAndDocumentLocks(() => {
    const merged = ledgerWithRefs(readLedger(ssId).ledger, seen);
    if (merged) writeChunkedState(ssId, SCHEDULE_LEDGER, JSON.stringify(merged));
  });
}

/** One lock section: the ledger read afresh, the orders, their log rows, the ledger moved. */
function writeBatch(
  ss: Spreadsheet,
  reference: ReferenceData,
  batch: readonly Pending[],
  refs: Set<string>,
  now: Date,
  today: LocalDate,
): WorkOrder[] {
  return withOwnerAndDocumentLocks(() => {
    requireChangeLog(ss);
    const ssId = ss.getId();
    const { ledger } = readLedger(ssId);
    const fresh = batch.filter(({ schedule, occurrence }) => {
      const through = ledger[schedule.id];
      return (
        (through === undefined || isoDate(occurrence.due) > through) &&
        !refs.has(scheduleRef(schedule.id, occurrence.due))
      );
    });
    if (fresh.length === 0) return [];
    const stored = readOwnerStates(ssId, [REQUEST_COUNTER_STATE])[REQUEST_COUNTER_STATE];
    let next = nextRequestId(ss, stored);
    const made: WorkOrder[] = [];
    for (const { schedule, occurrence } of fresh) {
      if (made.length > 0) next = nextRequestNumber(next.stored);
      made.push(
        scheduledWorkOrder(schedule, occurrence, {
          id: next.id,
          now,
          today,
          timeZone: reference.timeZone,
          staff: reference.staff,
        }),
      );
    }
    // As intake: the counter first (a failure leaves a gap, never a duplicate id), then the log rows.
    // With it, the batch: a run stopped before the ledger moves leaves these rows for the next to believe.
    writeOwnerStates(ssId, {
      [REQUEST_COUNTER_STATE]: next.stored,
      [SCHEDULE_BATCH]: JSON.stringify(Object.fromEntries(made.map((o) => [o.responseRef, o.id]))),
    });
    const logged = writeChangeLog(
      ss,
      made.flatMap((order) => scheduledEntries(order, now)),
    );
    const register = Register.open(ss, { shareHeader: false });
    const firstRow = register.appendMany(made);
    logged.commit();
    syncQueueFor(
      made.map((order, i) => ({ row: firstRow + i, order })),
      { appended: true },
    );
    const moved: ScheduleLedger = { ...ledger };
    for (const { schedule, occurrence } of fresh) {
      const due = isoDate(occurrence.due);
      if ((moved[schedule.id] ?? '') < due) moved[schedule.id] = due;
      refs.add(scheduleRef(schedule.id, occurrence.due));
    }
    writeChunkedState(ssId, SCHEDULE_LEDGER, JSON.stringify(moved));
    return made;
  });
}
