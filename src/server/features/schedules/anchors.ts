/**
 * The day of the month each month-based schedule keeps (core/schedule-anchors.ts), in the
 * installation owner's properties beside the ledger: nobody editing the sheet can change it, and it
 * is stored before Next Due is written back, so a run stopped between the two leaves a Next Due the
 * stored anchor still explains.
 */
import {
  anchorsAfterRun,
  parseScheduleAnchors,
  type MonthlyRun,
  type ScheduleAnchors,
} from '../../../core/schedule-anchors';
import { withOwnerAndDocumentLocks } from '../../adapters/document-lock';
import { readChunkedState, writeChunkedState } from '../../adapters/owner-chunks';

/** Owner-state name of the anchors (schedule id → day of the month and the Next Due values written). */
export const SCHEDULE_ANCHORS = 'scheduleAnchors';

export function readScheduleAnchors(ssId: string): ScheduleAnchors {
  return parseScheduleAnchors(readChunkedState(ssId, SCHEDULE_ANCHORS));
}

/** This run's days stored (read afresh under the owner's lock), when they change anything. */
export function storeScheduleAnchors(
  ssId: string,
  read: ScheduleAnchors,
  monthly: ReadonlyMap<string, MonthlyRun>,
  unreadIds: ReadonlySet<string>,
): void {
  if (anchorsAfterRun(read, monthly, unreadIds) === null) return;
  withOwnerAndDocumentLocks(() => {
    const next = anchorsAfterRun(readScheduleAnchors(ssId), monthly, unreadIds);
    if (next) writeChunkedState(ssId, SCHEDULE_ANCHORS, JSON.stringify(next));
  });
}
