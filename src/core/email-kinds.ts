/**
 * The kinds of email Work Orders sends, and what composing one may be told besides the work order
 * (zone, recipients, links, reasons). Emails are composed in ./notifications.
 */

export const EMAIL_KINDS = [
  'acknowledgment',
  'clarification',
  'approved',
  'rejected',
  'assigned',
  'unassigned',
  'onHold',
  'completed',
  'closed',
  'returned',
  'cancelled',
  'dueSoon',
  'overdueReminder',
  'escalation',
  'reprioritized',
  'redated',
  'emergency',
  'respondReminder',
  'respondEscalation',
  'workDone',
  'workReopened',
  'delayed',
  'requestorReply',
] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

export interface EmailExtra {
  timeZone: string;
  organizationName?: string;
  /** Recipients; when absent, the kind's usual ones (see `defaultRecipients`). */
  to?: readonly string[];
  supervisors?: readonly string[];
  previousAssignee?: string;
  /** The question of a clarification request. */
  question?: string;
  /** What the requestor answered through the reply form (told to the staff concerned). */
  answer?: string;
  /** Link to the spreadsheet, only put in emails to staff (requestors may have no access). */
  link?: string;
  /** For overdue/due-soon wording. */
  now?: Date;
  /** Why a supervisor changed the priority or due date. */
  reason?: string;
  /** The due date before a re-dating or re-prioritization. */
  previousDue?: Date | null;
  /** The Respond Within target (hours) of a request awaiting a decision. */
  respondHours?: number | null;
  /** The order's row in the register, named next to the link so staff land on it. */
  row?: number;
  /** The requestors' reply form for this request, and whether it arrives with the id filled in. */
  reply?: { link: string; prefilled: boolean };
  /**
   * The assignee, named, when they can no longer be given work (inactive on the Staff tab, or a role
   * that takes none): a reminder or escalation then says so and asks for a reassignment.
   */
  assigneeGone?: string;
  /** The order's pre-filled update-form link, put in the assignee's email (for a phone). */
  updateLink?: string;
  /** An emergency alert goes to the administrators because no supervisor is active on the Staff tab. */
  noSupervisor?: true;
}
