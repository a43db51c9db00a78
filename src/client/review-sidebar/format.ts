/** Dates as the spreadsheet's users read them: in the spreadsheet's time zone. */
import { dueDate } from '../../core/sla';
import type { PriorityRule } from '../../core/settings-model';
import {
  endOfLocalDay,
  formatLocal,
  formatLocalDate,
  fromLocalParts,
  isValidTimeZone,
} from '../../core/time';

/** The one date-time display format (core/time.ts), in the zone; UTC when the zone is unknown. */
function shown(date: Date, timeZone: string): string {
  return formatLocal(date, isValidTimeZone(timeZone) ? timeZone : 'UTC');
}

/** An ISO string from the server as a local date and time; '' for none. */
export function formatIso(iso: string | null, timeZone: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isFinite(date.getTime()) ? shown(date, timeZone) : '';
}

/** "Due 2026-11-27 17:00 if approved now" for the approval form (the server stamps the real one). */
export function duePreview(priority: string, priorities: readonly PriorityRule[], timeZone: string): string {
  if (!priority) return '';
  try {
    const due = dueDate(priority, new Date(), { priorities: [...priorities] }, timeZone);
    return due ? `Due ${shown(due, timeZone)} if approved now (from the SLA settings).` : '';
  } catch {
    return '';
  }
}

/** How a priority's target reads in its drop-down. */
export function targetOf(rule: PriorityRule): string {
  const unit =
    rule.completeUnit === 'end of day'
      ? rule.completeWithin === 0
        ? 'same day'
        : `end of day +${rule.completeWithin}`
      : `${rule.completeWithin} ${rule.completeUnit}`;
  return `${rule.name} (${unit})`;
}

/** "2026-12-24" from a date picker as the end of that day in the spreadsheet's zone (ISO), or ''. */
export function endOfDayIn(date: string, timeZone: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return '';
  try {
    const start = fromLocalParts({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, timeZone);
    return endOfLocalDay(start, timeZone).toISOString();
  } catch {
    return '';
  }
}

/** Today in the spreadsheet's zone, "2026-12-24" (UTC when the zone is unknown). */
export function todayIn(timeZone: string): string {
  return formatLocalDate(new Date(), isValidTimeZone(timeZone) ? timeZone : 'UTC');
}
