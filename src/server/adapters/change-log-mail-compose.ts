/**
 * The emails of a mail intent (change-log-mail.ts), composed alike by the writer that sends them and
 * by the next append that queues them when the writer failed.
 */
import { composeBulkNotices } from '../../core/bulk-notice';
import type { WorkOrder } from '../../core/model';
import { composeEmail, type EmailKind } from '../../core/notifications';
import type { OutgoingEmail } from './mailer';

export interface PlannedMail {
  kind: EmailKind;
  /** Recipients when not the kind's usual ones. */
  to?: string[];
  /**
   * The orders this email is written about, one email each, when the intent covers several (a paste
   * of many rows); the intent's own order otherwise.
   */
  ids?: string[];
  question?: string;
  /** A requestor's answer, told to the staff concerned. */
  answer?: string;
  previousAssignee?: string;
  /** The reply form's link (a clarification, or an approval once the form exists). */
  reply?: { link: string; prefilled: boolean };
  /** Why a supervisor changed the priority or due date. */
  reason?: string;
  /** The due date before the change, as milliseconds (an intent is stored as JSON). */
  previousDueMs?: number | null;
  /** An emergency alert's Respond Within hours, said in its text. */
  respondHours?: number;
  /** An emergency alert sent to the administrators because no supervisor was active: said in its text. */
  noSupervisor?: true;
}

/** A planned mail's parts of the email's extra (the stored due date back to a Date). */
export function emailExtraOf(plan: PlannedMail): Omit<PlannedMail, 'kind' | 'previousDueMs' | 'ids'> & {
  previousDue?: Date | null;
} {
  const { previousDueMs, ids: _ids, ...rest } = plan;
  const parts: Omit<PlannedMail, 'previousDueMs' | 'ids'> & { previousDue?: Date | null } = rest;
  if (previousDueMs !== undefined)
    parts.previousDue = previousDueMs === null ? null : new Date(previousDueMs);
  return parts;
}

/** More emails than this owed by one change go as one email per recipient (core/bulk-notice). */
export const BULK_EMAILS = 10;

/** What the emails of an intent are composed with, besides the orders. */
export interface ComposeContext {
  timeZone: string;
  organizationName?: string;
  /** The spreadsheet's link. */
  link: string;
  now: Date;
  supervisors?: readonly string[];
  row?: number;
  /** The assignee's update-form link of an order, when the caller has it (an assignment's email). */
  updateLinkOf?: (order: WorkOrder) => string | undefined;
}

/**
 * The emails an intent's plans make (one per plan and order; an order no longer in the register is
 * skipped), and when they are more than BULK_EMAILS, one email per recipient listing them instead.
 * The writer sending them and the next append queuing them both compose them here, alike.
 */
export function composePlanned(
  intent: { recordId: string; planned: readonly PlannedMail[] },
  orderOf: (id: string) => WorkOrder | undefined,
  context: ComposeContext,
): { emails: OutgoingEmail[]; bulk: boolean } {
  const emails: OutgoingEmail[] = [];
  const { updateLinkOf, ...extra } = context;
  for (const plan of intent.planned) {
    for (const id of plan.ids ?? [intent.recordId]) {
      const order = orderOf(id);
      if (!order) continue;
      const email = composeEmail(plan.kind, order, {
        ...extra,
        ...emailExtraOf(plan),
        updateLink: updateLinkOf?.(order),
      });
      if (email.to.length > 0) emails.push({ ...email, recordId: order.id });
    }
  }
  if (emails.length <= BULK_EMAILS) return { emails, bulk: false };
  const ids = [...new Set(emails.map((e) => e.recordId))];
  const recordId = ids.length === 1 ? (ids[0] ?? '') : `${ids[0] ?? ''} and ${ids.length - 1} more`;
  const notices = composeBulkNotices({ ...context, emails });
  return { emails: notices.map((notice) => ({ ...notice, recordId })), bulk: true };
}
