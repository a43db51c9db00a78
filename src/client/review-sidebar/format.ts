/** Dates as the spreadsheet's users read them: in the spreadsheet's time zone. */
import { dueDate } from '../../core/sla';
import type { PriorityRule } from '../../core/settings-model';
import type { ReviewView } from '../../shared/review';
import type { ReviewItem } from '../../shared/review-replies';
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

/**
 * "Due 2026-11-27 17:00 if approved now" for the approval form: the server's own dueDate (core/sla)
 * on the view's priorities and business calendar, so working days, hours and holidays count here as
 * they do when the approval stamps the real one.
 */
export function duePreview(
  priority: string,
  view: Pick<ReviewView, 'priorities' | 'calendar' | 'timeZone'>,
  now: Date = new Date(),
): string {
  if (!priority) return '';
  try {
    const settings = { priorities: view.priorities, ...view.calendar };
    const due = dueDate(priority, now, settings, view.timeZone);
    return due ? `Due ${shown(due, view.timeZone)} if approved now (from the SLA settings).` : '';
  } catch {
    return '';
  }
}

/**
 * The approval form's due line: a preventive order keeps the date its schedule planned (the server
 * keeps it too: core/schedule-order approvalDue); any other is previewed from the SLA.
 */
export function approvalDuePreview(
  item: Pick<ReviewItem, 'plannedDue' | 'due'>,
  priority: string,
  view: Pick<ReviewView, 'priorities' | 'calendar' | 'timeZone'>,
): string {
  const planned = item.plannedDue ? formatIso(item.due, view.timeZone) : '';
  if (planned) return `Due ${planned}, as its schedule planned (approving keeps it).`;
  return duePreview(priority, view);
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
